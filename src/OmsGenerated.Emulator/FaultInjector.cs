using System;

namespace OmsGenerated.Emulator;

/// <summary>Draws the fault (if any) of each request from one seeded <see cref="Random"/>, so the sequence is reproducible.</summary>
internal sealed class FaultInjector
{
    private readonly FaultOptions _options;
    private readonly Random _random;
    private readonly object _gate = new();

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
    }

    /// <summary>The fault for the next request, or null to answer normally. Exactly one draw per request.</summary>
    public FaultKind? Next()
    {
        if (!_options.Any)
        {
            return null;
        }

        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        double threshold = 0;
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            threshold += _options.ProbabilityOf(kind);
            if (draw < threshold)
            {
                return kind;
            }
        }

        return null;
    }
}

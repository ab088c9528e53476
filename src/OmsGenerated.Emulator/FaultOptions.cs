using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OmsGenerated.Emulator;

/// <summary>
/// Which faults the emulator injects, as probabilities per request (each 0..1, together at most 1). One draw from a
/// <see cref="Random"/> seeded with <see cref="Seed"/> decides each request, so a given seed and request order always
/// give the same faults.
/// </summary>
public sealed class FaultOptions
{
    private static readonly string[] s_kindKeys = ["500", "502", "503", "429", "reset", "slow", "truncate"];

    /// <summary>No faults (a new instance each time, so changing it cannot affect other users).</summary>
    public static FaultOptions None => new();

    /// <summary>Seed of the fault sequence.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Probability of a 500 with an OMS JSON error body (<c>OMS.2004</c>, "Internal server error.").</summary>
    public double InternalError { get; set; }

    /// <summary>Probability of a 502 with a <c>text/html</c> page.</summary>
    public double BadGatewayHtml { get; set; }

    /// <summary>Probability of a 503 (<c>OMS.2004</c>) with <c>Retry-After</c>.</summary>
    public double ServiceUnavailable { get; set; }

    /// <summary>Probability of a 429 <c>APIGW.0308</c> with <c>Retry-After</c>.</summary>
    public double TooManyRequests { get; set; }

    /// <summary>Probability of aborting the connection without any response.</summary>
    public double ConnectionReset { get; set; }

    /// <summary>Probability of waiting <see cref="SlowDelay"/> before answering normally.</summary>
    public double SlowResponse { get; set; }

    /// <summary>Probability of answering normally but with a Content-Length larger than the bytes written, then aborting.</summary>
    public double TruncatedBody { get; set; }

    /// <summary>How long a slow response waits (cancelled when the client gives up). Defaults to 2 seconds.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> value (seconds) of 429 and 503 answers. Defaults to 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Whether any fault has a non-zero probability.</summary>
    public bool Any => TotalProbability > 0;

    /// <summary>The sum of the probabilities.</summary>
    internal double TotalProbability
        => InternalError + BadGatewayHtml + ServiceUnavailable + TooManyRequests + ConnectionReset + SlowResponse + TruncatedBody;

    /// <summary>
    /// Parses a comma-separated list of <c>key=value</c> pairs, e.g.
    /// <c>500=0.05,502=0.05,503=0.05,429=0.05,reset=0.02,slow=0.02,truncate=0.02,seed=7</c>.
    /// </summary>
    /// <remarks>
    /// Keys (case-insensitive): <c>500</c>, <c>502</c>, <c>503</c>, <c>429</c>, <c>reset</c>, <c>slow</c>, <c>truncate</c>
    /// (probabilities 0..1, at most 1 together), <c>seed</c> (integer), <c>slow-delay</c> (<c>300ms</c>, <c>2s</c> or plain
    /// seconds) and <c>retry-after</c> (whole seconds, 0 or more). Each key at most once. An empty string or <c>none</c>
    /// means no faults.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="spec"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is not valid; the message names the offending part.</exception>
    public static FaultOptions Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new FaultOptions();
        string trimmed = spec.Trim();
        if (trimmed.Length == 0 || string.Equals(trimmed, "none", StringComparison.OrdinalIgnoreCase))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string rawItem in trimmed.Split(','))
        {
            string item = rawItem.Trim();
            if (item.Length == 0)
            {
                throw Bad(spec, "an empty item (two commas in a row, or a trailing comma)");
            }

            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == item.Length - 1)
            {
                throw Bad(spec, "'" + item + "' is not key=value");
            }

            string key = item.Substring(0, eq).Trim().ToLowerInvariant();
            string value = item.Substring(eq + 1).Trim();
            key = key switch
            {
                "slowdelay" or "slow_delay" or "slow-delay-ms" => "slow-delay",
                "retryafter" or "retry_after" => "retry-after",
                _ => key,
            };
            if (!seen.Add(key))
            {
                throw Bad(spec, "the key '" + key + "' appears more than once");
            }

            switch (key)
            {
                case "500": result.InternalError = Probability(spec, key, value); break;
                case "502": result.BadGatewayHtml = Probability(spec, key, value); break;
                case "503": result.ServiceUnavailable = Probability(spec, key, value); break;
                case "429": result.TooManyRequests = Probability(spec, key, value); break;
                case "reset": result.ConnectionReset = Probability(spec, key, value); break;
                case "slow": result.SlowResponse = Probability(spec, key, value); break;
                case "truncate": result.TruncatedBody = Probability(spec, key, value); break;
                case "seed":
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed))
                    {
                        throw Bad(spec, "seed '" + value + "' is not an integer");
                    }

                    result.Seed = seed;
                    break;
                case "slow-delay":
                    result.SlowDelay = Duration(spec, value);
                    break;
                case "retry-after":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int retryAfter))
                    {
                        throw Bad(spec, "retry-after '" + value + "' is not a whole number of seconds (0 or more)");
                    }

                    result.RetryAfterSeconds = retryAfter;
                    break;
                default:
                    throw Bad(spec, "unknown key '" + key + "' (known: " + string.Join(", ", s_kindKeys) + ", seed, slow-delay, retry-after)");
            }
        }

        var errors = new List<string>();
        result.Validate(errors);
        if (errors.Count > 0)
        {
            throw Bad(spec, string.Join(" ", errors));
        }

        return result;
    }

    /// <summary>The options in the form <see cref="Parse"/> reads; zero probabilities are left out.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder, "500", InternalError);
        Append(builder, "502", BadGatewayHtml);
        Append(builder, "503", ServiceUnavailable);
        Append(builder, "429", TooManyRequests);
        Append(builder, "reset", ConnectionReset);
        Append(builder, "slow", SlowResponse);
        Append(builder, "truncate", TruncatedBody);
        if (builder.Length == 0)
        {
            return "none";
        }

        builder.Append(",seed=").Append(Seed.ToString(CultureInfo.InvariantCulture));
        builder.Append(",slow-delay=").Append(((long)SlowDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append("ms");
        builder.Append(",retry-after=").Append(RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>The probability of one kind.</summary>
    internal double ProbabilityOf(FaultKind kind) => kind switch
    {
        FaultKind.InternalError => InternalError,
        FaultKind.BadGatewayHtml => BadGatewayHtml,
        FaultKind.ServiceUnavailable => ServiceUnavailable,
        FaultKind.TooManyRequests => TooManyRequests,
        FaultKind.ConnectionReset => ConnectionReset,
        FaultKind.SlowResponse => SlowResponse,
        FaultKind.TruncatedBody => TruncatedBody,
        _ => 0,
    };

    internal FaultOptions Clone() => (FaultOptions)MemberwiseClone();

    internal void Validate(List<string> errors)
    {
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            double p = ProbabilityOf(kind);
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                errors.Add("The probability of " + kind + " must be between 0 and 1 (it is " + p.ToString(CultureInfo.InvariantCulture) + ").");
            }
        }

        if (TotalProbability > 1 + 1e-9)
        {
            errors.Add("The fault probabilities add up to " + TotalProbability.ToString("0.###", CultureInfo.InvariantCulture) + "; they must add up to at most 1.");
        }

        if (SlowDelay < TimeSpan.Zero || SlowDelay > TimeSpan.FromHours(1))
        {
            errors.Add("SlowDelay must be between 0 and 1 hour.");
        }

        if (RetryAfterSeconds is < 0 or > 86400)
        {
            errors.Add("RetryAfterSeconds must be between 0 and 86400.");
        }
    }

    private static void Append(StringBuilder builder, string key, double probability)
    {
        if (probability > 0)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(key).Append('=').Append(probability.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static double Probability(string spec, string key, string value)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || double.IsNaN(p) || p < 0 || p > 1)
        {
            throw Bad(spec, "the probability of '" + key + "' must be a number from 0 to 1 (it is '" + value + "')");
        }

        return p;
    }

    private static TimeSpan Duration(string spec, string value)
    {
        string number = value;
        double scaleMs = 1000;
        if (value.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
        {
            number = value.Substring(0, value.Length - 2);
            scaleMs = 1;
        }
        else if (value.EndsWith('s') || value.EndsWith('S'))
        {
            number = value.Substring(0, value.Length - 1);
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || double.IsNaN(amount) || amount < 0 || amount * scaleMs > TimeSpan.FromHours(1).TotalMilliseconds)
        {
            throw Bad(spec, "slow-delay '" + value + "' is not a duration such as 300ms or 2s (0 to 1 hour)");
        }

        return TimeSpan.FromMilliseconds(amount * scaleMs);
    }

    private static ArgumentException Bad(string spec, string problem)
        => new("Invalid fault specification '" + spec + "': " + problem + ". Expected e.g. '500=0.05,502=0.05,503=0.05,429=0.05,reset=0.02,slow=0.02,truncate=0.02,seed=7'.", nameof(spec));
}

using System;

namespace OmsGenerated.Benchmarks.Infrastructure;

/// <summary>A clock that never moves, so signed requests are identical from call to call.</summary>
public sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public static FixedTimeProvider Instance { get; } = new(new DateTimeOffset(2025, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => _now;
}

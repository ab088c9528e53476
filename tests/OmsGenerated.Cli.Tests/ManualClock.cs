using System;

namespace OmsGenerated.Cli.Tests;

/// <summary>An emulator clock that moves only when the test says so (near real time, so request signatures stay fresh).</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

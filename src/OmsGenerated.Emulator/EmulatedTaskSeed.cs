namespace OmsGenerated.Emulator;

/// <summary>A task to put into the emulator (<see cref="OmsEmulator.AddTask"/>).</summary>
/// <param name="Name">Task name.</param>
/// <param name="Status">OMS status code: 1 waiting, 2 executing, 3 stopped (paused), 4 failed, 5 succeeded, 6 retrying, 7 pausing.</param>
/// <param name="TotalObjects">Number of objects to migrate.</param>
/// <param name="TotalBytes">Number of bytes to migrate.</param>
/// <param name="FailedObjects">Objects that have failed so far (a failed task usually has some).</param>
/// <param name="Progress">Share of the work done so far, 0..1 (ignored for status 5, which is always 1).</param>
public sealed record EmulatedTaskSeed(string Name, int Status, long TotalObjects, long TotalBytes, long FailedObjects = 0, double Progress = 0)
{
    /// <summary>
    /// Addition to the original contract: simulated transfer speed in bytes per simulated second. Null (the default)
    /// means a full run of the task takes 300 simulated seconds (15 s of real time at SpeedFactor 20).
    /// </summary>
    public double? BytesPerSecond { get; init; }

    /// <summary>
    /// Addition to the original contract: the share (0..1) of objects that fail in a full run, deterministically. A run
    /// that ends with failed objects leaves the task Failed (4) with error_reason TRF.0152. Re-sending only the failed
    /// objects (<c>migrate_failed_object=true</c>) always succeeds.
    /// </summary>
    public double FailureRate { get; init; }
}

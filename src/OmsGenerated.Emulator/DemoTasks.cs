using System.Collections.Generic;

namespace OmsGenerated.Emulator;

/// <summary>
/// The demo tasks seeded when <see cref="OmsEmulatorOptions.SeedDemoTasks"/> is set, in this order (IDs 1001-1005 in an
/// empty emulator). A full run takes 300 simulated seconds, so at SpeedFactor 20 a started demo task finishes in
/// 10-15 s of real time.
/// </summary>
internal static class DemoTasks
{
    private const long MiB = 1024 * 1024;

    /// <summary>New instances on every call: a task's profile is changed by bandwidth and priority updates.</summary>
    public static IReadOnlyList<(EmulatedTaskSeed Seed, TaskProfile Profile)> All =>
    [
        // Paused at 35 %: StartTask resumes it and it succeeds.
        (new EmulatedTaskSeed("demo-paused", 3, 1200, 5120 * MiB, Progress: 0.35),
            new TaskProfile { SourceBucket = "demo-photos", DestinationBucket = "obs-photos", Description = "Paused demo task" }),

        // Failed with 37 failed objects (error_reason TRF.0152): StartTask with migrate_failed_object re-sends only those.
        (new EmulatedTaskSeed("demo-failed", 4, 800, 2048 * MiB, FailedObjects: 37),
            new TaskProfile { SourceCloud = Oms.CloudType.Aliyun, SourceRegion = "cn-hangzhou", SourceBucket = "demo-logs", DestinationBucket = "obs-logs", Description = "Failed demo task" }),

        // Migrating at 10 %; 1 % of its objects fail, so it ends Failed (4) unless paused first.
        (new EmulatedTaskSeed("demo-migrating", 2, 2400, 12288 * MiB, Progress: 0.10) { FailureRate = 0.01 },
            new TaskProfile { SourceBucket = "demo-videos", DestinationBucket = "obs-videos", Description = "Migrating demo task" }),

        // Succeeded.
        (new EmulatedTaskSeed("demo-succeeded", 5, 500, 1024 * MiB),
            new TaskProfile { SourceCloud = Oms.CloudType.Tencent, SourceRegion = "ap-guangzhou", SourceBucket = "demo-docs", DestinationBucket = "obs-docs", Description = "Succeeded demo task" }),

        // Waiting to be scheduled; it starts migrating after 30 simulated seconds.
        (new EmulatedTaskSeed("demo-waiting", 1, 300, 750 * MiB),
            new TaskProfile { SourceBucket = "demo-backups", DestinationBucket = "obs-backups", Description = "Waiting demo task" }),
    ];
}

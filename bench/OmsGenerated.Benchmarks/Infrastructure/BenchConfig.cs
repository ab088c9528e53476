using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace OmsGenerated.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark configuration: a short job that fits two noisy cores (1 launch, 3 warm-up and 10 measured iterations
/// of about 250 ms), run in process (<see cref="InProcessEmitToolchain"/>: no per-run project build, which on a
/// 2-core machine costs more than the measurements), memory diagnoser, the default exporters (GitHub markdown among them).
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(bool smoke)
    {
        Job job = smoke
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke")
            : Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Short");

        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(24))
            .WithArtifactsPath(smoke ? Path.Combine(Path.GetTempPath(), "omsgenerated-bench-smoke") : BenchEnvironment.ArtifactsDirectory);
    }
}

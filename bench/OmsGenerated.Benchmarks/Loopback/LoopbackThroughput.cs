using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Benchmarks.Peers;
using OmsGenerated.Emulator;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Benchmarks.Loopback;

/// <summary>
/// Signed StartTask requests per second against the emulator (Kestrel on 127.0.0.1, in process, no faults), our
/// <see cref="OmsClient"/> against a raw HttpClient with a hand-built request, both over
/// <see cref="AkSkSigningHandler"/> → <see cref="SocketsHttpHandler"/>, N concurrent workers, short runs alternating in
/// the order ours, raw, raw, ours, … (a linear drift cancels) after an alternating warm-up of at least 6 s that lasts
/// until both rates are stable, every run bounded in time and in count.
/// </summary>
/// <remarks>
/// Every request succeeds (200, empty body): each worker has its own task, seeded Failed with a failure rate of 1 in an
/// emulator running 10^9 times faster than real time, so by the next request the restarted run has already ended
/// Failed again and StartTask is accepted again. (Against a task that is still running StartTask answers 400
/// OMS.0065, which would measure exception throwing instead of the client.) Non-200 answers are counted and reported.
/// </remarks>
public static class LoopbackThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        double seconds = Option(args, "--seconds", 5);
        int workers = (int)Option(args, "--workers", 4);
        long maxRequests = (long)Option(args, "--max-requests", 1_000_000);
        double minWarmupSeconds = Option(args, "--min-warmup-seconds", 6);
        double maxWarmupSeconds = Option(args, "--max-warmup-seconds", 12);
        string warmupNote = string.Empty;
        int runs = Math.Max(2, (int)Option(args, "--runs", 8) / 2 * 2);
        double runSeconds = seconds / runs;

        Console.WriteLine($"Loopback: signed StartTask, {workers} workers, {runs} runs (ours, raw, raw, ours, …) of {runSeconds:0.##} s (at most {maxRequests:N0} requests each), after an alternating warm-up ({minWarmupSeconds:0}-{maxWarmupSeconds:0} s, until stable).");
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions
        {
            SeedDemoTasks = false,
            SpeedFactor = 1e9,
            Faults = FaultOptions.None,
        }).ConfigureAwait(false);

        long[] taskIds = Enumerable.Range(0, workers)
            .Select(i => emulator.AddTask(new EmulatedTaskSeed("loopback-" + i.ToString(CultureInfo.InvariantCulture), 4, 10, 10_000, FailedObjects: 10, Progress: 1) { FailureRate = 1 }))
            .ToArray();

        using HttpClient oursHttp = SignedClient(emulator.Credentials);
        using HttpClient rawHttp = SignedClient(emulator.Credentials);
        var ours = new OmsClient(oursHttp, emulator.BaseAddress);
        var raw = new FloorOmsClient(rawHttp, emulator.BaseAddress.AbsoluteUri);
        var oursBody = new StartTaskReq { SrcAk = Payload.SrcAk, SrcSk = Payload.SrcSk, DstAk = Payload.DstAk, DstSk = Payload.DstSk };
        var rawBody = new FloorStartTaskBody { SrcAk = Payload.SrcAk, SrcSk = Payload.SrcSk, DstAk = Payload.DstAk, DstSk = Payload.DstSk };
        string projectId = emulator.ProjectId;

        var contenders = new Contender[]
        {
            new("OmsGenerated (OmsClient)", async taskId =>
            {
                try
                {
                    await ours.StartTaskAsync(projectId, taskId, oursBody).ConfigureAwait(false);
                    return true;
                }
                catch (ErrorResponseException)
                {
                    return false;
                }
            }),
            new("Raw HttpClient (hand-built)", async taskId =>
            {
                try
                {
                    await raw.StartTaskAsync(projectId, taskId, rawBody).ConfigureAwait(false);
                    return true;
                }
                catch (FloorApiException)
                {
                    return false;
                }
            }),
        };

        // Warm-up, alternating, until both rates are stable: on 2 cores the server and client code keep getting faster
        // for several seconds (tiered JIT with PGO), and a drifting baseline would favour whichever runs later.
        double[] previous = [0, 0];
        var warmup = Stopwatch.StartNew();
        int rounds = 0;
        while (true)
        {
            double[] rates = new double[2];
            for (int index = 0; index < contenders.Length; index++)
            {
                rates[index] = (await RunAsync(contenders[index], taskIds, TimeSpan.FromSeconds(0.5), maxRequests, record: false).ConfigureAwait(false)).PerSecond;
            }

            rounds++;
            bool stable = warmup.Elapsed >= TimeSpan.FromSeconds(minWarmupSeconds) && rates.Select((rate, i) => Math.Abs(rate - previous[i]) / rate).All(change => change < 0.10);
            previous = rates;
            if (stable || warmup.Elapsed > TimeSpan.FromSeconds(maxWarmupSeconds))
            {
                Console.WriteLine($"  warm-up: {rounds} alternating rounds, {warmup.Elapsed.TotalSeconds:0.0} s ({(stable ? "rates stable within 10 %" : "time limit reached, rates still moving")}): last {rates[0]:N0} / {rates[1]:N0} req/s");
                warmupNote = $"{warmup.Elapsed.TotalSeconds:0.0} s alternating warm-up ({(stable ? "until both rates were stable within 10 %" : "stopped at its time limit")})";
                break;
            }
        }

        // ours, raw, raw, ours, ours, raw, …: alternating, so a drift that is left cancels out, and many short runs, so
        // the bursts of other work on a shared 2-core machine fall on both contenders.
        int[] order = Enumerable.Range(0, runs).Select(i => (i % 4) is 0 or 3 ? 0 : 1).ToArray();
        var lines = new List<string>();
        foreach (int index in order)
        {
            Run run = await RunAsync(contenders[index], taskIds, TimeSpan.FromSeconds(runSeconds), maxRequests, record: true).ConfigureAwait(false);
            string line = $"  {run.Name,-28} {run.Requests,9:N0} requests in {run.Elapsed.TotalSeconds,5:0.00} s = {run.PerSecond,8:N0} req/s  (non-200: {run.Failures})";
            Console.WriteLine(line);
            lines.Add(line);
        }

        double oursRate = contenders[0].Total.PerSecond;
        double rawRate = contenders[1].Total.PerSecond;
        double ratio = oursRate / rawRate;
        bool pass = ratio >= 0.9 && contenders.All(c => c.Total.Failures == 0);

        var table = new StringBuilder()
            .AppendLine("| Contender | Requests | Seconds | Requests/s | Non-200 | Ratio |")
            .AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (Contender c in contenders)
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Total.Requests:N0} | {c.Total.Elapsed.TotalSeconds:0.00} | {c.Total.PerSecond:N0} | {c.Total.Failures} | {c.Total.PerSecond / rawRate:0.00} |");
        }

        string verdict = $"Target ≥ 0.90× raw: {ratio:0.00}× → {(pass ? "PASS" : "FAIL")}";
        Console.WriteLine();
        Console.Write(table);
        Console.WriteLine(verdict);

        string report = new StringBuilder()
            .AppendLine("# Loopback throughput (signed StartTask against the in-process emulator)")
            .AppendLine()
            .AppendLine(Reporting.TargetReport.SourceState())
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Machine.Describe()}; {workers} workers; {runs} runs in the order ours, raw, raw, ours, …, {runSeconds:0.##} s each (≤ {maxRequests:N0} requests), after a {warmupNote}.")
            .AppendLine()
            .Append(table)
            .AppendLine()
            .AppendLine(verdict)
            .AppendLine()
            .AppendLine("Runs:")
            .AppendLine("```")
            .AppendJoin(Environment.NewLine, lines).AppendLine()
            .AppendLine("```")
            .ToString();
        Directory.CreateDirectory(BenchEnvironment.ResultsDirectory);
        string path = Path.Combine(BenchEnvironment.ResultsDirectory, "loopback.md");
        await File.WriteAllTextAsync(path, report).ConfigureAwait(false);
        Console.WriteLine("Saved " + path);
        return 0;
    }

    private static HttpClient SignedClient(HuaweiCloudCredentials credentials)
        => new(new AkSkSigningHandler(credentials) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) } }, disposeHandler: true);

    private static async Task<Run> RunAsync(Contender contender, long[] taskIds, TimeSpan duration, long maxRequests, bool record)
    {
        long issued = 0;
        long completed = 0;
        long failures = 0;
        using var stop = new CancellationTokenSource(duration);
        var stopwatch = Stopwatch.StartNew();
        Task[] workers = taskIds.Select(taskId => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                bool ok = await contender.Call(taskId).ConfigureAwait(false);
                Interlocked.Increment(ref completed);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        stopwatch.Stop();
        var run = new Run(contender.Name, completed, failures, stopwatch.Elapsed);
        if (record)
        {
            contender.Total = contender.Total.Add(run);
        }

        return run;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Contender
    {
        public Contender(string name, Func<long, Task<bool>> call)
        {
            Name = name;
            Call = call;
            Total = new Run(name, 0, 0, TimeSpan.Zero);
        }

        public string Name { get; }

        public Func<long, Task<bool>> Call { get; }

        public Run Total { get; set; }
    }

    private sealed record Run(string Name, long Requests, long Failures, TimeSpan Elapsed)
    {
        public double PerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;

        public Run Add(Run other) => new(Name, Requests + other.Requests, Failures + other.Failures, Elapsed + other.Elapsed);
    }
}

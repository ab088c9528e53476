using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Errors;
using Polly.Timeout;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Emulator.Tests;

/// <summary>
/// 1,000 calls of the generated client against an emulator injecting a fixed fault mix: every call must end (no hang),
/// with success or one of the documented exception types, within its timeout, and with at most MaxRetryAttempts retries.
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const string FaultMix = "500=0.03,502=0.05,503=0.05,429=0.05,reset=0.03,slow=0.02,truncate=0.02,seed=1234,slow-delay=300ms,retry-after=1";
    private const int Calls = 1000;
    private const int Pairs = 100; // StartTask + StopTask on the same task, counted as two calls
    private const int Concurrency = 8;
    private const int MaxRetries = 3;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_watchdog = TimeSpan.FromSeconds(10);

    private static readonly AsyncLocal<StrongBox<int>?> s_retriesOfCall = new();

    [Fact]
    [Trait("Category", "Fault")]
    public async Task A_thousand_calls_under_faults_all_end_typed_bounded_and_in_time()
    {
        FaultOptions faults = FaultOptions.Parse(FaultMix);
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 100, Faults = faults });
        long[] pairTasks = Enumerable.Range(0, Concurrency)
            .Select(i => emulator.AddTask(new EmulatedTaskSeed("soak-" + i.ToString(CultureInfo.InvariantCulture), 3, 1000, 1L << 40, Progress: 0.1) { BytesPerSecond = 1024 }))
            .ToArray();

        long totalRetries = 0;
        var retry = new OmsRetryOptions
        {
            MaxRetryAttempts = MaxRetries,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            AttemptTimeout = TimeSpan.FromMilliseconds(200),
            OnRetry = _ =>
            {
                Interlocked.Increment(ref totalRetries);
                if (s_retriesOfCall.Value is { } box)
                {
                    Interlocked.Increment(ref box.Value);
                }
            },
        };
        OmsClient client = TestClients.Create(emulator, timeout: s_timeout, retry: retry);
        string project = emulator.ProjectId;
        var startBody = new StartTaskReq { DstAk = "DSTAK", DstSk = "DSTSK" };

        // The work: 450 ShowTask, 350 ListTasks and 100 StartTask/StopTask pairs, in a fixed shuffled order.
        var work = new List<(string Name, Func<int, Task>[] Steps)>();
        long[] showIds = [.. emulator.DemoTaskIds, .. pairTasks];
        for (int i = 0; i < 450; i++)
        {
            long id = showIds[i % showIds.Length];
            work.Add(("ShowTask", [_ => client.ShowTaskAsync(project, id)]));
        }

        for (int i = 0; i < 350; i++)
        {
            int variant = i % 4;
            work.Add(("ListTasks", [_ => variant switch
            {
                0 => client.ListTasksAsync(project),
                1 => client.ListTasksAsync(project, limit: 3, offset: i % 10),
                2 => client.ListTasksAsync(project, status: MigrationTaskStatus.Stopped),
                _ => client.ListTasksAsync(project, taskName: "soak"),
            }]));
        }

        for (int i = 0; i < Pairs; i++)
        {
            long id = pairTasks[i % pairTasks.Length];
            work.Add(("StartTask+StopTask", [_ => client.StartTaskAsync(project, id, startBody), _ => client.StopTaskAsync(project, id)]));
        }

        var shuffle = new Random(1234);
        work = [.. work.OrderBy(_ => shuffle.Next())];
        Assert.Equal(Calls, work.Sum(item => item.Steps.Length));

        var results = new ConcurrentBag<CallResult>();
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (item, _) =>
        {
            string[] names = item.Name.Split('+');
            for (int step = 0; step < item.Steps.Length; step++)
            {
                results.Add(await RunOneAsync(names[Math.Min(step, names.Length - 1)], () => item.Steps[step](step)));
            }
        });
        wall.Stop();

        CallResult[] all = [.. results];
        string summary = Summarize(all, Interlocked.Read(ref totalRetries), wall.Elapsed, emulator.Statistics);
        output.WriteLine(summary);
        WriteArtifact(summary);

        Assert.Equal(Calls, all.Length);
        Assert.DoesNotContain(all, result => result.Hung);
        CallResult[] untyped = all.Where(result => result.Error is not null && !IsDocumentedFailure(result.Error)).ToArray();
        Assert.True(untyped.Length == 0, "undocumented exception types: " + string.Join("; ", untyped.Take(5).Select(result => result.Error!.GetType().FullName + ": " + result.Error.Message)));
        TimeSpan slowest = all.Max(result => result.Latency);
        Assert.True(slowest <= s_timeout + TimeSpan.FromSeconds(1), "slowest call took " + slowest);
        Assert.True(all.Max(result => result.Retries) <= MaxRetries, "a call retried more than " + MaxRetries + " times");
        Assert.True(Interlocked.Read(ref totalRetries) <= (long)MaxRetries * Calls);
        Assert.Equal(Interlocked.Read(ref totalRetries), all.Sum(result => (long)result.Retries)); // every retry was attributed to its call
        Assert.True(all.Count(result => result.Error is null) >= Calls * 0.8, "most calls succeed thanks to retries");
        foreach (FaultKind kind in Enum.GetValues<FaultKind>())
        {
            Assert.True(emulator.Statistics.FaultCount(kind) > 0, "no " + kind + " fault was injected");
        }

        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(60), "the soak took " + wall.Elapsed);
    }

    private static async Task<CallResult> RunOneAsync(string name, Func<Task> call)
    {
        var retries = new StrongBox<int>();
        s_retriesOfCall.Value = retries; // flows into the client's OnRetry callbacks of this call only
        var watch = Stopwatch.StartNew();
        Task task = call();
        Task winner = await Task.WhenAny(task, Task.Delay(s_watchdog)).ConfigureAwait(false);
        if (winner != task)
        {
            return new CallResult(name, null, Volatile.Read(ref retries.Value), watch.Elapsed, Hung: true);
        }

        Exception? error = null;
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        return new CallResult(name, error, Volatile.Read(ref retries.Value), watch.Elapsed, Hung: false);
    }

    /// <summary>The failures the client documents: API errors (incl. the generated ErrorResponseException), transport errors, timeouts, cancellation.</summary>
    private static bool IsDocumentedFailure(Exception error)
        => error is ApiErrorException or HttpRequestException or TimeoutRejectedException or OperationCanceledException;

    private static string Summarize(CallResult[] results, long totalRetries, TimeSpan wall, EmulatorStatistics statistics)
    {
        double[] latencies = results.Select(result => result.Latency.TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => latencies[Math.Clamp((int)Math.Ceiling(p * latencies.Length) - 1, 0, latencies.Length - 1)];
        var text = new StringBuilder();
        text.AppendLine("Fault soak: " + FaultMix);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"client: MaxRetryAttempts={MaxRetries}, BaseDelay=5ms, MaxDelay=50ms, AttemptTimeout=200ms, Timeout={s_timeout.TotalSeconds}s; concurrency {Concurrency}; watchdog {s_watchdog.TotalSeconds}s"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"calls: {results.Length} ({string.Join(", ", results.GroupBy(r => r.Name).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()))})"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"successes: {results.Count(r => r.Error is null)}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"hangs: {results.Count(r => r.Hung)}"));
        text.AppendLine("failures by type:");
        foreach (IGrouping<string, CallResult> group in results.Where(r => r.Error is not null).GroupBy(r => Describe(r.Error!)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()}"));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"total retries: {totalRetries}; calls retried: {results.Count(r => r.Retries > 0)}; max retries per call: {results.Max(r => r.Retries)}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"latency ms: p50={Percentile(0.50):0.0} p99={Percentile(0.99):0.0} max={latencies[^1]:0.0}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"wall time: {wall.TotalSeconds:0.00}s"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"emulator: requests={statistics.Requests}, faults injected={statistics.FaultsInjected} ({string.Join(", ", statistics.FaultsByKind.Select(pair => EmulatorStatistics.ShortName(pair.Key) + "=" + pair.Value))})"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"emulator responses by status: {string.Join(", ", statistics.ResponsesByStatus.Select(pair => pair.Key + "=" + pair.Value))}; signature failures={statistics.SignatureFailures}"));
        return text.ToString();
    }

    private static string Describe(Exception error) => error switch
    {
        ApiErrorException api => api.GetType().Name + " " + api.StatusCode.ToString(CultureInfo.InvariantCulture) + (api.ErrorCode is { } code ? " " + code : string.Empty),
        _ => error.GetType().Name,
    };

    private static void WriteArtifact(string summary)
    {
        string root = typeof(FaultSoakTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value ?? Directory.GetCurrentDirectory();
        string directory = Path.Combine(root, "artifacts");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "fault-soak.txt"), summary);
    }

    private sealed record CallResult(string Name, Exception? Error, int Retries, TimeSpan Latency, bool Hung);
}

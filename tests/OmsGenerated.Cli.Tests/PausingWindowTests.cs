using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using OmsGenerated.Oms;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>
/// A start sent while the task is pausing: OMS (and the emulator) answer "already started" (OMS.0065), yet the task
/// ends stopped. EnsureStartedAsync and <c>oms tasks start</c> wait for it to stop, start it, and only then report success.
/// </summary>
public sealed class PausingWindowTests
{
    private const string ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private const long MigratingDemoTask = 1003;

    private static readonly StartTaskReq s_body = new() { DstAk = "DSTAK0001", DstSk = Canary.DstSecretKey };

    /// <param name="speed">Simulated seconds per real second: pausing lasts 2 simulated seconds.</param>
    private static Task<OmsEmulator> StartEmulatorAsync(double speed) => OmsEmulator.StartAsync(new OmsEmulatorOptions
    {
        AccessKey = Canary.AccessKey,
        SecretKey = Canary.SecretKey,
        ProjectId = ProjectId,
        SpeedFactor = speed,
        SeedDemoTasks = true,
    });

    private static OmsClient Client(OmsEmulator emulator) => OmsClientFactory.Create(new OmsClientOptions
    {
        Endpoint = emulator.BaseAddress,
        ProjectId = emulator.ProjectId,
        Credentials = emulator.Credentials,
        Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
    });

    private static async Task StopAndConfirmPausingAsync(OmsClient client)
    {
        await client.StopTaskAsync(MigratingDemoTask);
        Assert.Equal(MigrationTaskStatus.Pausing, (await client.ShowTaskAsync(MigratingDemoTask)).Status);
        ErrorResponseException answer = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(MigratingDemoTask, s_body));
        Assert.Equal("OMS.0065", answer.ErrorCode); // the emulator's pausing window: "already started", but the task is not
    }

    [Fact]
    public async Task EnsureStarted_during_the_pausing_window_waits_and_starts_the_task()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 4); // pausing takes 0.5 s
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);

        StartOutcome outcome = await client.EnsureStartedAsync(
            MigratingDemoTask, s_body, new EnsureStartedOptions { PollInterval = TimeSpan.FromMilliseconds(50), PausingTimeout = TimeSpan.FromSeconds(20) });

        Assert.Equal(StartOutcomeKind.Started, outcome.Kind);
        Assert.True(outcome.WaitedForPause);
        Assert.Equal(MigrationTaskStatus.Executing, (await client.ShowTaskAsync(MigratingDemoTask)).Status);
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the pausing window: it stays migrating
        Assert.Equal(MigrationTaskStatus.Executing, (await client.ShowTaskAsync(MigratingDemoTask)).Status);
    }

    [Fact]
    public async Task EnsureStarted_on_a_running_task_reads_it_back_and_reports_already_running()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 4);
        using OmsClient client = Client(emulator);

        StartOutcome outcome = await client.EnsureStartedAsync(MigratingDemoTask, s_body);

        Assert.Equal(StartOutcomeKind.AlreadyRunning, outcome.Kind);
        Assert.Equal(MigrationTaskStatus.Executing, outcome.Status);
        Assert.False(outcome.WaitedForPause);
        Assert.False(string.IsNullOrEmpty(outcome.RequestId));
    }

    [Fact]
    public async Task EnsureStarted_on_a_succeeded_task_reports_already_succeeded_with_the_finished_answer()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 4);
        using OmsClient client = Client(emulator);
        const long SucceededDemoTask = 1004;

        ErrorResponseException answer = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(SucceededDemoTask, s_body));
        StartOutcome outcome = await client.EnsureStartedAsync(SucceededDemoTask, s_body);

        Assert.Equal("OMS.0070", answer.ErrorCode);
        Assert.Equal(StartOutcomeKind.AlreadySucceeded, outcome.Kind);
        Assert.Equal("OMS.0070", outcome.ErrorCode);
        Assert.Equal(MigrationTaskStatus.Succeeded, outcome.Status);
        Assert.False(string.IsNullOrEmpty(outcome.RequestId));
    }

    [Fact]
    public async Task EnsureStarted_gives_up_when_the_pausing_outlasts_the_wait()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 0.02); // pausing takes 100 s
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);
        var clock = Stopwatch.StartNew();

        TaskNotStartedException error = await Assert.ThrowsAsync<TaskNotStartedException>(() => client.EnsureStartedAsync(
            MigratingDemoTask, s_body, new EnsureStartedOptions { PollInterval = TimeSpan.FromMilliseconds(50), PausingTimeout = TimeSpan.FromMilliseconds(400) }));

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(MigratingDemoTask, error.TaskId);
        Assert.Equal(MigrationTaskStatus.Pausing, error.Status);
        Assert.Contains("still pausing", error.Message);
        Assert.Equal("OMS.0065", Assert.IsType<ErrorResponseException>(error.InnerException).ErrorCode);
    }

    [Fact]
    public async Task EnsureStarted_measures_the_wait_on_the_given_TimeProvider()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 0.02);
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);
        var clock = Stopwatch.StartNew();

        // A clock on which a minute passes between two readings: a 30 s wait is over at once, with no real waiting.
        await Assert.ThrowsAsync<TaskNotStartedException>(() => client.EnsureStartedAsync(
            MigratingDemoTask, s_body, new EnsureStartedOptions { PollInterval = TimeSpan.FromSeconds(10), PausingTimeout = TimeSpan.FromSeconds(30), TimeProvider = new RacingClock() }));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task EnsureStarted_honours_cancellation_while_waiting()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 0.02);
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.EnsureStartedAsync(
            MigratingDemoTask, s_body, new EnsureStartedOptions { PollInterval = TimeSpan.FromSeconds(30), PausingTimeout = TimeSpan.FromMinutes(5) }, cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cli_start_during_the_pausing_window_starts_the_task_once_it_has_paused()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 4);
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);

        CliResult result = await CliRunner.RunAsync(Environment(), "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "1003", "--dst-ak", "DSTAK0001");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1003 finished pausing and started.", result.Stdout);
        Assert.DoesNotContain("already running", result.Stdout);
        Assert.Equal(MigrationTaskStatus.Executing, (await client.ShowTaskAsync(MigratingDemoTask)).Status);
    }

    [Fact]
    public async Task Cli_start_on_a_task_still_pausing_never_reports_success_and_can_be_cancelled()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(speed: 0.02);
        using OmsClient client = Client(emulator);
        await StopAndConfirmPausingAsync(client);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        // The CLI waits up to 60 s; cancelling (as Ctrl+C does) must end it without reporting success.
        CliResult result = await CliRunner.RunAsync(Environment(), cancel.Token, "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "1003", "--dst-ak", "DSTAK0001");

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.DoesNotContain("already running", result.Stdout);
        Assert.DoesNotContain("started", result.Stdout);
    }

    private static Dictionary<string, string?> Environment() => new()
    {
        ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
        ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey,
        ["HUAWEICLOUD_SDK_PROJECT_ID"] = ProjectId,
        ["HUAWEICLOUD_OMS_DST_SK"] = Canary.DstSecretKey,
    };

    /// <summary>Every reading of the timestamp is a minute after the previous one.</summary>
    private sealed class RacingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerMinute);
    }
}

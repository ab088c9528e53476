using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary><c>tasks watch</c>: exit codes for success, failure and cancellation.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task Watch_FailedTask_ExitsWith4AndTheReason()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "watch", "1002", "--interval", "0.05");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("TRF.0152", result.Stderr);
        Assert.Contains("Task 1002 (demo-failed) failed", result.Stderr);
        Assert.Contains("--failed-only", result.Stderr);
    }

    [Fact]
    public async Task Watch_FailedTask_Json_ReportsTheReasonAsJson()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "watch", "1002");

        Assert.True(result.ExitCode == 4, result.ToString());
        using JsonDocument poll = JsonDocument.Parse(result.Stdout.Trim());
        Assert.Equal(4, poll.RootElement.GetProperty("status").GetInt32());
        using JsonDocument error = JsonDocument.Parse(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal("TRF.0152", error.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Watch_MigratingTaskThatEndsFailed_ExitsWith4()
    {
        // demo-migrating loses 1 % of its objects, so its run ends Failed (4) with TRF.0152.
        // At speed 300 the remaining 90 % takes about 0.9 s, so the first polls see it executing.
        var env = new Dictionary<string, string?> { ["OMS_EMULATOR_SPEED"] = "300" };
        CliResult result = await CliRunner.RunAsync(env, "tasks", "watch", "1003", "--interval", "0.05");

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Contains("1003 demo-migrating  executing", result.Stdout);
        Assert.Contains("1003 demo-migrating  failed", result.Stdout);
        Assert.Contains("TRF.0152", result.Stderr);
    }

    [Fact]
    public async Task Watch_WaitingTask_FollowsItToSuccess()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "watch", "1005", "--interval", "0.05");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1005 demo-waiting  ", result.Stdout); // waiting, then executing: the emulator schedules it quickly
        Assert.Contains("Task 1005 (demo-waiting) succeeded", result.Stdout);
    }

    [Fact]
    public async Task Watch_Cancelled_ExitsWith130()
    {
        var slow = new Dictionary<string, string?> { ["OMS_EMULATOR_SPEED"] = "1" };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500));
        CliResult result = await CliRunner.RunAsync(slow, cancellation.Token, "tasks", "watch", "1003", "--interval", "0.1");

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("1003 demo-migrating  executing", result.Stdout);
        Assert.Contains("Cancelled.", result.Stderr);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary><c>tasks start</c> (single, --wait, batch) and <c>tasks stop</c>.</summary>
public sealed class StartStopTests
{
    [Fact]
    public async Task StartWait_ResumesThePausedTask_UntilItSucceeds()
    {
        var env = new Dictionary<string, string?> { ["OMS_EMULATOR_SPEED"] = "600" }; // the remaining 65 % takes about 0.3 s
        CliResult result = await CliRunner.RunAsync(env, "tasks", "start", "1001", "--wait", "--interval", "0.05");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1001 started.", result.Stdout);
        Assert.Contains("1001 demo-paused  executing", result.Stdout); // a plain progress line (not a TTY)
        Assert.Contains("Task 1001 (demo-paused) succeeded", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout); // no ANSI escapes when redirected
    }

    [Fact]
    public async Task StartWait_Json_WritesOneObjectPerPoll()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "start", "1001", "--wait", "--interval", "0.05", "--dst-sk", Canary.DstSecretKey, "--dst-ak", "DSTAK0001");

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, result.ToString());
        using (JsonDocument first = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("started", first.RootElement.GetProperty("result").GetString());
        }

        var statuses = new List<int>();
        foreach (string line in lines.Skip(1))
        {
            using JsonDocument poll = JsonDocument.Parse(line);
            Assert.Equal(1001, poll.RootElement.GetProperty("id").GetInt64());
            statuses.Add(poll.RootElement.GetProperty("status").GetInt32());
        }

        Assert.Equal(5, statuses[^1]);
    }

    [Fact]
    public async Task Start_AlreadyRunningTask_IsSuccess()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "start", "1003");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already running", result.Stdout);
        Assert.Contains("OMS.0065", result.Stdout);
        Assert.Single(result.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)); // only the emulator notice
    }

    [Fact]
    public async Task Start_DestinationKeysFromTheEnvironment_AreNeverPrinted()
    {
        var env = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_OMS_DST_AK"] = "DSTAK0001",
            ["HUAWEICLOUD_OMS_DST_SK"] = Canary.DstSecretKey,
            ["HUAWEICLOUD_OMS_SRC_AK"] = "SRCAK0001",
            ["HUAWEICLOUD_OMS_SRC_SK"] = Canary.SrcSecretKey,
        };
        CliResult result = await CliRunner.RunAsync(env, "--verbose", "tasks", "start", "1002", "--failed-only");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1002 started (failed objects only).", result.Stdout);
    }

    [Fact]
    public async Task Start_SucceededTask_SaysSoAndSucceeds()
    {
        // OMS answers "finished" (OMS.0070); the task is read back, and a succeeded one is what the caller wanted.
        CliResult result = await CliRunner.RunAsync("tasks", "start", "1004");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1004 has already succeeded (OMS.0070, request id ", result.Stdout);
    }

    [Fact]
    public async Task Stop_SucceededTask_IsAnApiErrorWithCodeAndRequestId()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "stop", "1004");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("OMS.0066", result.Stderr);
        string requestIdLine = result.Stderr.Split('\n').Single(l => l.Contains("request id:"));
        Assert.DoesNotContain("(none)", requestIdLine);
        Assert.True(requestIdLine.Split(':', 2)[1].Trim().Length > 0, result.ToString());
        Assert.Contains("advice:", result.Stderr); // the catalog's advice for OMS.0066
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Stop_MigratingTask_Stops()
    {
        var slow = new Dictionary<string, string?> { ["OMS_EMULATOR_SPEED"] = "1" };
        CliResult result = await CliRunner.RunAsync(slow, "tasks", "stop", "1003");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1003 stopped.", result.Stdout);
    }

    [Fact]
    public async Task Stop_PausedTask_IsAlreadyStopped()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "stop", "1001");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("already_stopped", document.RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task BatchStart_RestartsEveryFailedTask_AndPrintsASummary()
    {
        // at real-time speed the migrating demo task (1003) cannot reach Failed before the batch lists, so exactly one task is failed
        var realTime = new Dictionary<string, string?> { ["OMS_EMULATOR_SPEED"] = "1" };
        CliResult result = await CliRunner.RunAsync(realTime, "tasks", "start", "--status", "failed", "--failed-only");

        Assert.True(result.ExitCode == 0, result.ToString());
        string row = result.Stdout.Split('\n').Single(l => l.Contains("1002"));
        Assert.Contains("demo-failed", row);
        Assert.Contains("started", row);
        Assert.Contains("Request ID", result.Stdout);
        Assert.Contains("1 started, 0 already running, 0 failed.", result.Stdout);
        Assert.DoesNotContain("1001", result.Stdout); // only the failed status
    }
}

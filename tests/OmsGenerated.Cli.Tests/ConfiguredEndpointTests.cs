using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>A configured endpoint and credentials (here an emulator the test starts, with a canary secret key).</summary>
public sealed class ConfiguredEndpointTests
{
    private const string ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private static Task<OmsEmulator> StartEmulatorAsync(bool demoTasks = true) => OmsEmulator.StartAsync(new OmsEmulatorOptions
    {
        AccessKey = Canary.AccessKey,
        SecretKey = Canary.SecretKey,
        ProjectId = ProjectId,
        SpeedFactor = 3000,
        SeedDemoTasks = demoTasks,
    });

    private static Dictionary<string, string?> Environment(string secretKey = Canary.SecretKey) => new()
    {
        ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
        ["HUAWEICLOUD_SDK_SK"] = secretKey,
        ["HUAWEICLOUD_SDK_PROJECT_ID"] = ProjectId,
    };

    [Fact]
    public async Task Endpoint_WithCredentialsFromTheEnvironment_Works_WithoutTheEmulatorNotice()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();

        CliResult result = await CliRunner.RunAsync(Environment(), "--endpoint", emulator.BaseAddress.ToString(), "tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo-paused", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Token_FromTheCommandLine_BeatsAkSkFromTheEnvironment()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { ProjectId = ProjectId, AuthToken = Canary.Token, SpeedFactor = 3000 });

        // The environment's AK/SK do not match this emulator; the token (an option) wins over them.
        CliResult result = await CliRunner.RunAsync(
            Environment(Canary.WrongSecretKey), "--json", "--endpoint", emulator.BaseAddress.ToString(), "--token", Canary.Token, "tasks", "show", "1004");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, document.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task EmulatorOption_IgnoresTheConfiguredEnvironment()
    {
        CliResult result = await CliRunner.RunAsync(Environment(Canary.WrongSecretKey), "--emulator", "tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Using the embedded OMS emulator", result.Stderr);
        Assert.DoesNotContain("Set HUAWEICLOUD_SDK", result.Stderr); // forced, so no hint
        Assert.Contains("demo-waiting", result.Stdout);
    }

    [Fact]
    public async Task WrongSecretKey_IsApigw0301()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();

        CliResult result = await CliRunner.RunAsync(Environment(Canary.WrongSecretKey), "--endpoint", emulator.BaseAddress.ToString(), "tasks", "list");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("APIGW.0301", result.Stderr);
        Assert.Contains("request id:", result.Stderr);
    }

    [Fact]
    public async Task CommandLineKeys_OverrideTheEnvironment_AndAreNeverLogged()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();

        // The environment holds a wrong SK; --ak/--sk (discouraged, hence the warning) win.
        CliResult result = await CliRunner.RunAsync(
            Environment(Canary.WrongSecretKey),
            "--verbose", "--endpoint", emulator.BaseAddress.ToString(), "--ak", Canary.AccessKey, "--sk", Canary.SecretKey, "tasks", "show", "1001");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--sk on the command line", result.Stderr);
        Assert.Contains("dbug:", result.Stderr); // verbose logs the HTTP calls...
        Assert.Contains("/tasks/1001 -> 200", result.Stderr);
        Assert.DoesNotContain(Canary.AccessKey, result.Stderr); // ...with the AK masked
    }

    [Fact]
    public async Task Start_AgainstConfiguredOms_WithoutDestinationKeys_IsAUsageError()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();

        CliResult result = await CliRunner.RunAsync(Environment(), "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "1001");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--dst-ak", result.Stderr);
        Assert.Contains("HUAWEICLOUD_OMS_DST_AK", result.Stderr);
    }

    [Fact]
    public async Task Start_AgainstConfiguredOms_WithDestinationKeys_Works()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();

        CliResult result = await CliRunner.RunAsync(
            Environment(),
            "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "1001", "--dst-ak", "DSTAK0001", "--dst-sk", Canary.DstSecretKey,
            "--src-ak", "SRCAK0001", "--src-sk", Canary.SrcSecretKey, "--wait", "--interval", "0.05");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Task 1001 (demo-paused) succeeded", result.Stdout);
    }

    [Fact]
    public async Task BatchStart_ReadsEveryPage_AndStartsWithBoundedConcurrency()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync(demoTasks: false);
        var failed = Enumerable.Range(0, 130).Select(i => emulator.AddTask(new EmulatedTaskSeed($"bulk-{i:000}", 4, 10, 10_000, FailedObjects: 2))).ToList();
        emulator.AddTask(new EmulatedTaskSeed("bulk-paused", 3, 10, 10_000, Progress: 0.5));

        CliResult result = await CliRunner.RunAsync(
            Environment(),
            "--json", "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "--status", "failed", "--failed-only", "--concurrency", "8",
            "--dst-ak", "DSTAK0001", "--dst-sk", Canary.DstSecretKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(130, document.RootElement.GetProperty("started").GetInt32());
        long[] ids = document.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("taskId").GetInt64()).ToArray();
        Assert.Equal(failed.OrderBy(i => i), ids);

        CliResult after = await CliRunner.RunAsync(Environment(), "--json", "--endpoint", emulator.BaseAddress.ToString(), "tasks", "list", "--status", "failed");
        using JsonDocument remaining = JsonDocument.Parse(after.Stdout);
        Assert.Equal(0, remaining.RootElement.GetProperty("count").GetInt32());
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>The Huawei Cloud credentials file (<c>[basic]</c> ak/sk/project_id) as the CLI's last source of keys.</summary>
public sealed class CredentialsFileTests : IDisposable
{
    private const string ProjectId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oms-cli-tests-" + Guid.NewGuid().ToString("N"));

    public CredentialsFileTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, ".huaweicloud"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<OmsEmulator> StartEmulatorAsync() => OmsEmulator.StartAsync(new OmsEmulatorOptions
    {
        AccessKey = Canary.AccessKey,
        SecretKey = Canary.SecretKey,
        ProjectId = ProjectId,
        SpeedFactor = 3000,
        SeedDemoTasks = true,
    });

    [Fact]
    public async Task The_file_named_by_the_variable_supplies_keys_and_project()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();
        string path = Write("credentials", $"[global]\nak = OTHER\nsk = OTHER\n\n[basic]\nak = {Canary.AccessKey}\nsk = {Canary.SecretKey}\nproject_id = {ProjectId}\n");

        CliResult result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = path }, "--endpoint", emulator.BaseAddress.ToString(), "tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo-paused", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task The_default_file_in_the_home_directory_is_read_once_real_OMS_is_selected()
    {
        await using OmsEmulator emulator = await StartEmulatorAsync();
        Write(Path.Combine(".huaweicloud", "credentials"), $"[basic]\nak = {Canary.AccessKey}\nsk = {Canary.SecretKey}\n");
        var environment = new Dictionary<string, string?> { ["HOME"] = _directory, ["HUAWEICLOUD_SDK_PROJECT_ID"] = ProjectId };

        CliResult result = await CliRunner.RunAsync(environment, "--endpoint", emulator.BaseAddress.ToString(), "tasks", "list");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo-paused", result.Stdout);

        // With nothing else configured, the default file alone does not leave the embedded emulator.
        CliResult bare = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = _directory }, "tasks", "list");
        Assert.True(bare.ExitCode == 0, bare.ToString());
        Assert.Contains("Using the embedded OMS emulator", bare.Stderr);
    }

    [Fact]
    public async Task A_malformed_file_is_a_usage_error_naming_file_and_line_without_secrets()
    {
        string path = Write("broken", $"[basic]\nak = {Canary.AccessKey}\n{Canary.SecretKey}\n");

        CliResult result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = path, ["HUAWEICLOUD_SDK_PROJECT_ID"] = ProjectId }, "tasks", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The Huawei Cloud credentials file '" + path + "' line 3: expected 'key = value'", result.Stderr, StringComparison.Ordinal);
        foreach (string secret in Canary.All)
        {
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_file_named_by_the_variable_is_a_usage_error()
    {
        string path = Path.Combine(_directory, "absent");
        CliResult result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = path, ["HUAWEICLOUD_SDK_PROJECT_ID"] = ProjectId }, "tasks", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("HUAWEICLOUD_SDK_CREDENTIALS_FILE names '" + path + "', which does not exist.", result.Stderr, StringComparison.Ordinal);
    }
}

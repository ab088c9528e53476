using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>With nothing configured the CLI starts the embedded emulator and says so on stderr.</summary>
public sealed class EmbeddedEmulatorTests
{
    [Fact]
    public async Task List_WithNothingConfigured_UsesTheEmbeddedEmulator()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Using the embedded OMS emulator at http://127.0.0.1:", result.Stderr);
        Assert.Contains("demo tasks 1001\u20131005", result.Stderr);
        Assert.Contains("HUAWEICLOUD_SDK_AK/SK/PROJECT_ID/REGION", result.Stderr);
        foreach (string name in new[] { "demo-paused", "demo-failed", "demo-migrating", "demo-succeeded", "demo-waiting" })
        {
            Assert.Contains(name, result.Stdout);
        }

        Assert.Contains("Status", result.Stdout); // the table header
        Assert.Contains("5 tasks", result.Stdout);
        Assert.DoesNotContain("emulator", result.Stdout); // the notice is not mixed into the results
    }

    [Fact]
    public async Task JsonList_IsValidJson()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, document.RootElement.GetProperty("count").GetInt32());
        long[] ids = document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).OrderBy(i => i).ToArray();
        Assert.Equal(new long[] { 1001, 1002, 1003, 1004, 1005 }, ids);
        JsonElement failed = document.RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == 1002);
        Assert.Equal(4, failed.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task List_FiltersByStatusNameOrCode()
    {
        CliResult byName = await CliRunner.RunAsync("--json", "tasks", "list", "--status", "failed");
        CliResult byCode = await CliRunner.RunAsync("--json", "tasks", "list", "--status", "4", "--limit", "10");

        foreach (CliResult result in new[] { byName, byCode })
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            using JsonDocument document = JsonDocument.Parse(result.Stdout);
            Assert.Equal(new long[] { 1002 }, document.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToArray());
        }
    }

    [Fact]
    public async Task Show_PrintsTheTaskDetails()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "show", "1002");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo-failed", result.Stdout);
        Assert.Contains("failed", result.Stdout);
        Assert.Contains("TRF.0152", result.Stdout); // error_reason
    }

    [Fact]
    public async Task Help_ListsTheExitCodes_WithoutStartingTheEmulator()
    {
        CliResult result = await CliRunner.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Exit codes:", result.Stdout);
        Assert.Contains("130", result.Stdout);
        Assert.Contains("tasks", result.Stdout);
        Assert.DoesNotContain("emulator at", result.Stderr);

        CliResult startHelp = await CliRunner.RunAsync("tasks", "start", "--help");
        Assert.True(startHelp.ExitCode == 0, startHelp.ToString());
        Assert.Contains("--failed-only", startHelp.Stdout);
        Assert.Contains("--concurrency", startHelp.Stdout);
        Assert.Equal(string.Empty, startHelp.Stderr);
    }

    [Fact]
    public async Task EmulatorFaults_AreRetriedAndLoggedWithVerbose()
    {
        CliResult result = await CliRunner.RunAsync("--emulator-faults", "503=0.5,seed=7", "--verbose", "tasks", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Retrying GET", result.Stderr);
        Assert.Contains("HTTP 503", result.Stderr);
        Assert.Contains("demo-paused", result.Stdout);
    }
}

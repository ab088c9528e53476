using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>Exit codes and reports of API, usage and configuration errors.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task Show_MissingTask_IsAnApiError()
    {
        CliResult result = await CliRunner.RunAsync("tasks", "show", "999999");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("error: OMS.1009", result.Stderr);
        Assert.Contains("request id:", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Show_MissingTask_Json_WritesTheErrorObjectToStderr()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "show", "999999");

        Assert.True(result.ExitCode == 3, result.ToString());
        string last = result.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries)[^1];
        using JsonDocument document = JsonDocument.Parse(last);
        JsonElement error = document.RootElement.GetProperty("error");
        Assert.Equal("OMS.1009", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("requestId").GetString()));
        Assert.True(error.GetProperty("status").GetInt32() >= 400);
        Assert.True(error.TryGetProperty("detail", out _));
    }

    [Theory]
    [InlineData("tasks", "show", "abc")]
    [InlineData("tasks", "show")]
    [InlineData("tasks")]
    [InlineData("tasks", "frobnicate")]
    [InlineData("tasks", "start")]
    [InlineData("tasks", "start", "1001", "--status", "failed")]
    [InlineData("tasks", "start", "1001", "--concurrency", "2")]
    [InlineData("tasks", "start", "--status", "failed", "--concurrency", "0")]
    [InlineData("tasks", "list", "--limit", "500")]
    [InlineData("tasks", "list", "--status", "bogus")]
    [InlineData("tasks", "watch", "1001", "--interval", "0")]
    [InlineData("--emulator-faults", "503=2", "tasks", "list")]
    [InlineData("--emulator", "--endpoint", "http://127.0.0.1:9", "tasks", "list")]
    [InlineData("--ak", "SOMEAK", "tasks", "list")]
    [InlineData("tasks", "show", "-5")]
    [InlineData("tasks", "start", "abc")]
    [InlineData("tasks", "watch", "1001", "--interval", "soon")]
    [InlineData("tasks", "list", "--offset", "-1")]
    public async Task InvalidArguments_ExitWith2(params string[] args)
    {
        CliResult result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error", result.Stderr);
        Assert.DoesNotContain("emulator at", result.Stderr); // invalid arguments are caught before anything starts
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("86401")]
    [InlineData("1e300")]
    public async Task Timeout_OutOfRange_IsAUsageErrorNamingTheRange(string timeout)
    {
        CliResult result = await CliRunner.RunAsync("--timeout", timeout, "tasks", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--timeout must be a number of seconds from 0.01 to 86400", result.Stderr);
        Assert.DoesNotContain("emulator at", result.Stderr);
    }

    [Fact]
    public async Task Timeout_AtTheLowerBound_IsAccepted()
    {
        CliResult result = await CliRunner.RunAsync("--timeout", "0.01", "tasks", "list");

        // accepted as a value: the call may still time out (the timeout error then suggests raising it), but it is no usage error
        Assert.NotEqual(2, result.ExitCode);
        Assert.DoesNotContain("--timeout must be", result.Stderr);
    }

    [Fact]
    public async Task InvalidArguments_Json_ReportAJsonError()
    {
        CliResult result = await CliRunner.RunAsync("--json", "tasks", "list", "--limit", "x");

        Assert.True(result.ExitCode == 2, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stderr.Trim());
        Assert.Equal("USAGE", document.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownRegion_IsAConfigurationError()
    {
        var env = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "0123456789abcdef0123456789abcdef",
        };
        CliResult result = await CliRunner.RunAsync(env, "--region", "mars-north-1", "tasks", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mars-north-1", result.Stderr);
        Assert.Contains("cn-north-4", result.Stderr); // lists the valid regions
    }

    [Fact]
    public async Task CredentialsWithoutProject_IsAConfigurationError()
    {
        var env = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey, ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey };
        CliResult result = await CliRunner.RunAsync(env, "tasks", "list");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("HUAWEICLOUD_SDK_PROJECT_ID", result.Stderr);
    }

    [Fact]
    public async Task UnreachableEndpoint_IsANetworkError()
    {
        var env = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "0123456789abcdef0123456789abcdef",
        };
        CliResult result = await CliRunner.RunAsync(env, "--endpoint", "http://127.0.0.1:9", "--timeout", "1", "tasks", "list");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("error:", result.Stderr);
    }
}

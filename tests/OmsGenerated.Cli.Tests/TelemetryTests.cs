using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using Xunit;
using Activity = System.Diagnostics.Activity;

namespace OmsGenerated.Cli.Tests;

/// <summary>The CLI's calls are traced like any generated client's, and <see cref="CliRunner"/> checks that telemetry for secrets.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Start_with_every_kind_of_secret_is_traced_without_them()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions
        {
            AccessKey = Canary.AccessKey,
            SecretKey = Canary.SecretKey,
            ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9",
            SpeedFactor = 3000,
        });
        var environment = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey,
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = Canary.SecurityToken,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "5a1b2c3d4e5f60718293a4b5c6d7e8f9",
        };

        CliResult result = await CliRunner.RunAsync(
            environment,
            "--endpoint", emulator.BaseAddress.ToString(), "tasks", "start", "1002",
            "--dst-ak", "DSTAK0001", "--dst-sk", Canary.DstSecretKey, "--src-ak", "SRCAK0001", "--src-sk", Canary.SrcSecretKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        // non-vacuous: this run's StartTask call (to this emulator's port) was captured, with HttpClient's span under it,
        // and CliRunner found no secret in any activity or metric recorded meanwhile
        Activity start = Assert.Single(result.Activities, a => a.Source.Name == "OmsGenerated.Client" && a.DisplayName == "StartTask"
            && Equals(a.GetTagItem("server.port"), emulator.BaseAddress.Port));
        Assert.Equal(200, start.GetTagItem("http.response.status_code"));
        Assert.Contains(result.Activities, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == start.SpanId);
    }
}

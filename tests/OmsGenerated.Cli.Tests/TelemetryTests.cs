using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>The CLI's calls are traced like any generated client's, and <see cref="CliRunner"/> checks that telemetry for secrets.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Start_with_secret_destination_keys_is_traced_without_them()
    {
        CliResult result = await CliRunner.RunAsync("--emulator", "tasks", "start", "1002", "--dst-ak", "DSTAK0001", "--dst-sk", Canary.DstSecretKey, "--src-ak", "SRCAK0001", "--src-sk", Canary.SrcSecretKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        // non-vacuous: the run's StartTask call was captured (with the HttpClient span under it) and checked by CliRunner
        // (parallel tests may start a task 1002 of their own emulator meanwhile: any of those will do)
        var starts = result.Activities.Where(a => a.Source.Name == "OmsGenerated.Client" && a.DisplayName == "StartTask"
            && a.GetTagItem("url.full") is string url && url.EndsWith("/tasks/1002/start", System.StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(starts);
        Assert.Contains(starts, s => Equals(s.GetTagItem("http.response.status_code"), 200));
        Assert.Contains(result.Activities, a => a.Source.Name == "System.Net.Http" && starts.Any(s => s.SpanId == a.ParentSpanId));
    }
}

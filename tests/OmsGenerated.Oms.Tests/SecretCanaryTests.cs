using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Drives every outcome through a DI-built client with all logging (including HttpClient's, at Trace) and all
/// telemetry (every ActivitySource and Meter in the process, all data requested) captured, and checks that no secret
/// canary appears in any log line, exception text, activity tag, event, baggage item or metric tag.
/// </summary>
public class SecretCanaryTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public SecretCanaryTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private ServiceProvider BuildProvider(CapturingLoggerProvider logs, Action<OmsClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Trace);
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Trace);
            logging.AddProvider(logs);
        });
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = _server.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.Retry = StartTaskEndToEndTests.FastRetry();
            configure(o);
        }, _ => null);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task No_secret_reaches_logs_exceptions_or_telemetry()
    {
        using var telemetry = TelemetryCapture.Everything();
        var logs = new CapturingLoggerProvider();
        var texts = new List<(string What, string Text)>();

        async Task Run(ServiceProvider provider, StubResponse response, StartTaskReq body, string what)
        {
            _server.NextResponse = response;
            OmsClient client = provider.GetRequiredService<OmsClient>();
            try
            {
                await client.StartTaskAsync(Canary.TaskId, body);
            }
            catch (Exception ex)
            {
                texts.Add((what + " ToString", ex.ToString()));
                texts.Add((what + " Message", ex.Message));
            }
        }

        using (ServiceProvider good = BuildProvider(logs, o => o.Credentials = Canary.Credentials(securityToken: Canary.SecurityToken)))
        {
            await Run(good, StubResponse.Ok(), Canary.Body(), "success");
            await Run(good, StubResponse.Oms0064(), Canary.Body(), "OMS.0064");
            await Run(good, StubResponse.Oms0066(), Canary.Body(), "OMS.0066");
            await Run(good, StubResponse.BadGatewayHtml(), Canary.Body(), "502");
            StartTaskReq tooLong = Canary.Body();
            tooLong.DstAk = Canary.DstAk + new string('y', 100);
            await Run(good, StubResponse.Ok(), tooLong, "validation");
            texts.Add(("options", good.GetRequiredService<IOptions<OmsClientOptions>>().Value.ToString()));
        }

        using (ServiceProvider wrongKey = BuildProvider(logs, o => o.Credentials = Canary.Credentials(Canary.WrongSecretKey)))
        {
            await Run(wrongKey, StubResponse.Ok(), Canary.Body(), "APIGW.0301");
        }

        using (ServiceProvider token = BuildProvider(logs, o => o.AuthToken = Canary.AuthToken))
        {
            await Run(token, StubResponse.Oms0064(), Canary.Body(), "token OMS.0064");
            texts.Add(("token options", token.GetRequiredService<IOptions<OmsClientOptions>>().Value.ToString()));
        }

        using (ServiceProvider invalid = BuildProvider(logs, o =>
        {
            o.Credentials = Canary.Credentials(securityToken: Canary.SecurityToken);
            o.AuthToken = Canary.AuthToken;
        }))
        {
            OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<OmsClient>());
            texts.Add(("options validation", ex.ToString()));
        }

        texts.Add(("StartTaskReq", Canary.Body().ToString()));
        texts.Add(("credentials", Canary.Credentials(securityToken: Canary.SecurityToken).ToString()));

        // The scenario really ran: 6 calls reached the stub (the validation failure sent none; the 502 was retried 4 times).
        Assert.Equal(6 + new OmsRetryOptions().MaxRetryAttempts, _server.Requests.Count);
        Assert.Equal((6 * 2) + 5, texts.Count);

        // HttpClient's own logging was captured, headers included (Trace).
        IReadOnlyCollection<string> lines = logs.Lines;
        // AddOmsClient replaces the default HttpClient logger (whose structured state carries raw header values) with
        // its own, under the same category.
        Assert.Contains(lines, l => l.StartsWith("System.Net.Http.HttpClient.OmsClient.ClientHandler [Information] Sending HTTP request POST", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("System.Net.Http.HttpClient.OmsClient.ClientHandler [Information] Received HTTP response 400", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("X-Security-Token: *", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("X-Auth-Token: *", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("X-Sdk-Date: 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("X-Project-Id: " + Canary.ProjectId, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("request id stub-", StringComparison.Ordinal));

        foreach (string line in lines)
        {
            Canary.AssertAbsent(line, "log line");
        }

        // Telemetry was captured for these calls: our activity per call, HttpClient's per attempt, and our metrics.
        IReadOnlyList<System.Diagnostics.Activity> activities = telemetry.Activities;
        Assert.Contains(activities, a => a.Source.Name == Runtime.Telemetry.ApiTelemetry.ActivitySourceName && a.DisplayName == "StartTask" && Equals(a.GetTagItem("api.error.code"), "APIGW.0301"));
        Assert.Contains(activities, a => a.Source.Name == "System.Net.Http");
        Assert.Contains(telemetry.Measurements, m => m.Instrument.Meter.Name == Runtime.Telemetry.ApiTelemetry.MeterName && m.Name == "api.client.retries");
        foreach ((string where, string text) in telemetry.AllText())
        {
            Canary.AssertAbsent(text, where);
        }

        foreach ((string what, string text) in texts)
        {
            Canary.AssertAbsent(text, what);
        }
    }
}

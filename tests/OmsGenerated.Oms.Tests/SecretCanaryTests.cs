using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Auth;
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

    [Fact]
    public async Task No_secret_reaches_configuration_credential_chain_or_refresh_messages()
    {
        var logs = new CapturingLoggerProvider();
        var texts = new List<(string What, string Text)>();
        void Capture(string what, Action action)
        {
            Exception ex = Assert.ThrowsAny<Exception>(action);
            texts.Add((what, ex.ToString()));
        }

        // A named client whose keys come from configuration, driven through the stub with every log captured.
        IConfigurationRoot configuration = TestConfiguration.FromPairs(
            ("Oms:Good:Endpoint", _server.BaseAddress.ToString()),
            ("Oms:Good:ProjectId", Canary.ProjectId),
            ("Oms:Good:AccessKey", Canary.AccessKey),
            ("Oms:Good:SecretKey", Canary.SecretKey),
            ("Oms:Good:SecurityToken", Canary.SecurityToken),
            ("Oms:Bad:Region", "xx-yy-1"),
            ("Oms:Bad:AccessKey", Canary.AccessKey + " " + Canary.SecretKey),
            ("Oms:Bad:SecretKey", Canary.SecretKey),
            ("Oms:Bad:SecurityToken", Canary.SecurityToken + "\u0001"),
            ("Oms:Half:SecretKey", Canary.SecretKey),
            ("Oms:TokenOnly:SecurityToken", Canary.SecurityToken));
        using var brokenFile = new TemporaryFile("[basic]\nak = " + Canary.AccessKey + "\n" + Canary.SecretKey + "\nsk = " + Canary.WrongSecretKey + "\n");
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(logs);
        });
        Func<string, string?> environment = name => name switch
        {
            "HUAWEICLOUD_SDK_AK" => Canary.AccessKey + "\u0007",
            "HUAWEICLOUD_SDK_SK" => Canary.SecretKey,
            _ => null,
        };
        OmsServiceCollectionExtensions.Register(services, "good", configuration.GetSection("Oms:Good"), o => o.Retry = StartTaskEndToEndTests.FastRetry(), _ => null);
        OmsServiceCollectionExtensions.Register(services, "bad", configuration.GetSection("Oms:Bad"), null, _ => null);
        OmsServiceCollectionExtensions.Register(services, "half", configuration.GetSection("Oms:Half"), null, _ => null);
        OmsServiceCollectionExtensions.Register(services, "tokenOnly", configuration.GetSection("Oms:TokenOnly"), null, _ => null);
        OmsServiceCollectionExtensions.Register(services, "file", TestConfiguration.FromPairs(("CredentialsFile", brokenFile.Path)), null, _ => null);
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            IOmsClientFactory factory = provider.GetRequiredService<IOmsClientFactory>();
            OmsClient good = factory.CreateClient("good");
            await good.StartTaskAsync(Canary.TaskId, Canary.Body());
            _server.NextResponse = StubResponse.Oms0064();
            texts.Add(("OMS.0064 from a configured client", (await Assert.ThrowsAnyAsync<Exception>(() => good.StartTaskAsync(Canary.TaskId, Canary.Body()))).ToString()));
            texts.Add(("options bound from configuration", provider.GetRequiredService<IOptionsMonitor<OmsClientOptions>>().Get("good").ToString()));
            foreach (string name in new[] { "bad", "half", "tokenOnly", "file" })
            {
                Capture("validation of '" + name + "'", () => factory.CreateClient(name));
            }

            Capture("startup validation", () => provider.GetRequiredService<IStartupValidator>().Validate());
        }

        var withBadEnvironment = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(withBadEnvironment, configure: null, environment);
        using (ServiceProvider provider = withBadEnvironment.BuildServiceProvider())
        {
            Capture("validation of bad environment keys", () => provider.GetRequiredService<OmsClient>());
        }

        // The refreshing provider: its failure, its credentials' description, and options using it.
        using var refreshing = new RefreshingCredentialProvider(_ => throw new InvalidOperationException("STS unavailable"));
        texts.Add(("refresh failure", (await Assert.ThrowsAsync<HuaweiCloudCredentialsException>(() => refreshing.GetCredentialsAsync(default).AsTask())).ToString()));
        texts.Add(("ExpiringCredentials", new ExpiringCredentials(Canary.Credentials(securityToken: Canary.SecurityToken), DateTimeOffset.UtcNow).ToString()));
        texts.Add(("options with a provider", new OmsClientOptions { CredentialProvider = refreshing }.ToString()));

        Assert.Single(_server.Requests, r => r.AuthValid && r.Header("X-Security-Token") == Canary.SecurityToken && r.ResponseStatus == 200);
        Assert.Contains(logs.Lines, l => l.StartsWith("System.Net.Http.HttpClient.OmsClient.good.ClientHandler [Information] Sending HTTP request POST", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("Oms:Bad:Region: 'xx-yy-1' is not an OMS region", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("Oms:Bad:AccessKey/SecretKey/SecurityToken: The access key contains whitespace or control characters.", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("Oms:Half:AccessKey is missing", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("Oms:TokenOnly:SecurityToken: a security token needs", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("' line 3: expected 'key = value'", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Text.Contains("HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN: The access key contains whitespace or control characters.", StringComparison.Ordinal));
        Assert.Equal(11, texts.Count);

        foreach (string line in logs.Lines)
        {
            Canary.AssertAbsent(line, "log line");
        }

        foreach ((string what, string text) in texts)
        {
            Canary.AssertAbsent(text, what);
        }
    }
}

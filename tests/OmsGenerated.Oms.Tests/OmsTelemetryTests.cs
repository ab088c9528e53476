using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OmsGenerated.Runtime.Telemetry;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// The generated OmsClient from AddOmsClient against the OMS stub over real HTTP, with ActivityListener and
/// MeterListener: one activity per operation (named after the operationId, parent of HttpClient's span per attempt)
/// and the api.client.* instruments on the Meter from the container's IMeterFactory.
/// </summary>
public class OmsTelemetryTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public OmsTelemetryTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private ServiceProvider BuildProvider(Action<IHttpClientBuilder>? adjust = null)
    {
        var services = new ServiceCollection();
        IHttpClientBuilder builder = OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = _server.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.Credentials = Canary.Credentials();
            o.Retry = StartTaskEndToEndTests.FastRetry();
        }, _ => null);
        adjust?.Invoke(builder);
        return services.BuildServiceProvider();
    }

    private static TelemetryCapture CaptureTraces()
        => new(static source => source.Name is ApiTelemetry.ActivitySourceName or "System.Net.Http", static _ => false);

    /// <summary>Our activities for calls to this test's stub (parallel tests send elsewhere).</summary>
    private List<Activity> OwnActivities(TelemetryCapture capture)
        => capture.Activities.Where(a => a.Source.Name == ApiTelemetry.ActivitySourceName && Equals(a.GetTagItem("server.port"), _server.BaseAddress.Port)).ToList();

    [Fact]
    public async Task StartTask_is_one_client_activity_that_parents_the_HttpClient_span()
    {
        using var capture = CaptureTraces();
        using ServiceProvider provider = BuildProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = Assert.Single(_server.Requests);
        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Equal("StartTask", activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal("StartTask", activity.GetTagItem("api.operation"));
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", activity.GetTagItem("server.address"));
        Assert.Equal(_server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/v2/" + Canary.ProjectId + "/tasks/" + Canary.TaskId + "/start", activity.GetTagItem("url.full"));
        Assert.Equal("/v2/{project_id}/tasks/{task_id}/start", activity.GetTagItem("url.template"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(request.RequestId, activity.GetTagItem("api.request_id"));

        Activity http = Assert.Single(capture.Activities, a => a.Source.Name == "System.Net.Http" && a.TraceId == activity.TraceId);
        Assert.Equal(activity.SpanId, http.ParentSpanId);
        Assert.Equal(ActivityKind.Client, http.Kind);
        Assert.True(http.StartTimeUtc >= activity.StartTimeUtc && http.Duration <= activity.Duration);
        // W3C propagation: the server saw HttpClient's span as its parent, in our trace
        Assert.Contains(activity.TraceId.ToHexString(), request.Header("traceparent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_OMS_error_is_on_the_activity_with_its_code_and_request_id()
    {
        using var capture = CaptureTraces();
        using ServiceProvider provider = BuildProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();
        _server.NextResponse = StubResponse.Oms0066();

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StopTaskAsync(Canary.TaskId));

        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Equal("StopTask", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("OMS.0066", activity.StatusDescription);
        Assert.Equal(400, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("400", activity.GetTagItem("error.type"));
        Assert.Equal("OMS.0066", activity.GetTagItem("api.error.code"));
        Assert.Equal(Assert.Single(_server.Requests).RequestId, activity.GetTagItem("api.request_id"));
        Assert.Equal(error.RequestId, activity.GetTagItem("api.request_id"));
    }

    [Fact]
    public async Task A_retried_call_is_one_activity_over_one_HttpClient_span_per_attempt()
    {
        using var capture = CaptureTraces();
        using ServiceProvider provider = BuildProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();
        _server.NextResponse = new StubResponse(503, StubResponse.Json, "{\"error_code\":\"APIGW.0503\",\"error_msg\":\"busy\"}");

        await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        int attempts = 1 + new OmsRetryOptions().MaxRetryAttempts;
        Assert.Equal(attempts, _server.Requests.Count);
        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Equal("APIGW.0503", activity.GetTagItem("api.error.code"));
        List<Activity> spans = capture.Activities.Where(a => a.Source.Name == "System.Net.Http" && a.TraceId == activity.TraceId).ToList();
        Assert.Equal(attempts, spans.Count);
        Assert.All(spans, span => Assert.Equal(activity.SpanId, span.ParentSpanId));
    }

    [Fact]
    public async Task Metrics_come_from_the_containers_meter_factory_and_count_calls_errors_retries_and_duration()
    {
        using ServiceProvider provider = BuildProvider();
        ApiClientMetrics metrics = provider.GetRequiredService<ApiClientMetrics>();
        Assert.NotSame(ApiClientMetrics.Shared, metrics);
        Assert.Same(provider.GetRequiredService<IMeterFactory>(), metrics.Meter.Scope);
        using var capture = new TelemetryCapture(static _ => false, instrument => ReferenceEquals(instrument.Meter, metrics.Meter));
        OmsClient client = provider.GetRequiredService<OmsClient>();

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());
        _server.NextResponse = StubResponse.Oms0066();
        await Assert.ThrowsAsync<ErrorResponseException>(() => client.StopTaskAsync(Canary.TaskId));
        _server.NextResponse = new StubResponse(503, StubResponse.Json, "{\"error_code\":\"APIGW.0503\",\"error_msg\":\"busy\"}");
        await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        IReadOnlyList<CapturedMeasurement> measurements = capture.Measurements;
        List<CapturedMeasurement> calls = measurements.Where(m => m.Name == "api.client.calls").ToList();
        Assert.Equal(3, calls.Count);
        Assert.Single(calls, m => Equals(m.Tag("api.operation"), "StartTask") && Equals(m.Tag("http.response.status_code"), 200) && m.Tag("error.type") is null);
        Assert.Single(calls, m => Equals(m.Tag("api.operation"), "StopTask") && Equals(m.Tag("http.response.status_code"), 400));
        Assert.Single(calls, m => Equals(m.Tag("api.operation"), "StartTask") && Equals(m.Tag("http.response.status_code"), 503) && Equals(m.Tag("error.type"), "503"));

        List<CapturedMeasurement> errors = measurements.Where(m => m.Name == "api.client.errors").ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, m => Equals(m.Tag("api.operation"), "StopTask") && Equals(m.Tag("api.error.code"), "OMS.0066"));
        Assert.Contains(errors, m => Equals(m.Tag("api.operation"), "StartTask") && Equals(m.Tag("api.error.code"), "APIGW.0503"));

        List<CapturedMeasurement> retries = measurements.Where(m => m.Name == "api.client.retries").ToList();
        Assert.Equal(new OmsRetryOptions().MaxRetryAttempts, retries.Count);
        Assert.All(retries, m =>
        {
            Assert.Equal("StartTask", m.Tag("api.operation"));
            Assert.Equal("503", m.Tag("error.type"));
            Assert.Equal(1, m.Value);
        });

        List<CapturedMeasurement> durations = measurements.Where(m => m.Name == "api.client.call.duration").ToList();
        Assert.Equal(3, durations.Count);
        Assert.All(durations, d => Assert.Equal("s", d.Instrument.Unit));
        // the retried call spans its attempts and backoff waits (compared with the single call it is not, on a loaded machine)
        Assert.InRange(durations[2].Value, 0.001, 30);
    }

    [Fact]
    public async Task The_user_agent_names_the_product_unless_the_caller_sets_one()
    {
        using (ServiceProvider provider = BuildProvider())
        {
            await provider.GetRequiredService<OmsClient>().ShowTaskAsync(Canary.TaskId).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        Assert.StartsWith("OmsGenerated/" + ApiTelemetry.InformationalVersion + " (.NET ", Assert.Single(_server.Requests).Header("User-Agent"), StringComparison.Ordinal);

        _server.Reset();
        using (ServiceProvider provider = BuildProvider(b => b.ConfigureHttpClient(c => c.DefaultRequestHeaders.UserAgent.ParseAdd("MyMigrator/4.2"))))
        {
            await provider.GetRequiredService<OmsClient>().ShowTaskAsync(Canary.TaskId).ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        Assert.Equal("MyMigrator/4.2", Assert.Single(_server.Requests).Header("User-Agent"));
    }
}

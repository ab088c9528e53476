using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Telemetry;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Telemetry;

/// <summary>The transport's activity, instruments and User-Agent, over a scripted handler (no network).</summary>
public sealed class ApiTransportTelemetryTests
{
    // Operation ids unique to this run: listeners are process-wide and other tests send too.
    private readonly string _operationId = "op-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_successful_call_is_one_client_activity_named_after_the_operation_with_http_tags()
    {
        using var capture = Capture();
        Activity? currentInHandler = null;
        var handler = new ScriptedHandler(request =>
        {
            currentInHandler = Activity.Current;
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("hello") };
            response.Headers.TryAddWithoutValidation("X-Request-Id", "req-ok-1");
            return response;
        });
        using var client = new HttpClient(handler);

        string text = await ApiTransport.SendForTextAsync(client, Request(HttpMethod.Get, "https://user:pw@api.example.test:8443/v1/items/7?token=SECRETVALUE&flag#frag", "/v1/items/{id}"), ApiErrorException.FromResponse, CancellationToken.None);

        Assert.Equal("hello", text);
        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Same(activity, currentInHandler); // current while HttpClient sends: the parent of its own span
        Assert.Equal(_operationId, activity.DisplayName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal("api.example.test", activity.GetTagItem("server.address"));
        Assert.Equal(8443, activity.GetTagItem("server.port"));
        Assert.Equal("https://api.example.test:8443/v1/items/7?token=*&flag", activity.GetTagItem("url.full"));
        Assert.Equal("/v1/items/{id}", activity.GetTagItem("url.template"));
        Assert.Equal(_operationId, activity.GetTagItem("api.operation"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("req-ok-1", activity.GetTagItem("api.request_id"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("api.error.code"));
        Assert.DoesNotContain(capture.AllText(), t => t.Text.Contains("SECRETVALUE", StringComparison.Ordinal) || t.Text.Contains("pw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_api_error_marks_the_activity_failed_with_the_status_error_code_and_request_id()
    {
        using var capture = Capture();
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            Content = new StringContent("{\"code\":\"TEST.0409\"}", Encoding.UTF8, "application/json"),
            Headers = { { "X-Request-Id", "req-err-9" } },
        });
        using var client = new HttpClient(handler);

        var error = await Assert.ThrowsAsync<CodedErrorException>(() => ApiTransport.SendAsync(client, Request(HttpMethod.Post, "http://localhost:5080/things"), context => new CodedErrorException(context, "TEST.0409"), CancellationToken.None));

        Assert.Equal("req-err-9", error.RequestId);
        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("TEST.0409", activity.StatusDescription);
        Assert.Equal(409, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("409", activity.GetTagItem("error.type"));
        Assert.Equal("TEST.0409", activity.GetTagItem("api.error.code"));
        Assert.Equal("req-err-9", activity.GetTagItem("api.request_id"));
        Assert.Equal("POST", activity.GetTagItem("http.request.method"));
    }

    [Fact]
    public async Task A_transport_failure_names_the_exception_type()
    {
        using var capture = Capture();
        var handler = new ScriptedHandler(_ => throw new HttpRequestException("connection refused"));
        using var client = new HttpClient(handler);

        await Assert.ThrowsAsync<HttpRequestException>(() => ApiTransport.SendAsync(client, Request(HttpMethod.Get, "http://localhost:5080/things"), ApiErrorException.FromResponse, CancellationToken.None));

        Activity activity = Assert.Single(OwnActivities(capture));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.Net.Http.HttpRequestException", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Metrics_go_to_the_meter_of_the_containers_meter_factory_through_the_handler()
    {
        using ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new ApiClientMetrics(services.GetRequiredService<IMeterFactory>());
        using var capture = new TelemetryCapture(static _ => false, instrument => ReferenceEquals(instrument.Meter, metrics.Meter));
        int calls = 0;
        var handler = new ApiClientMetricsHandler(metrics)
        {
            InnerHandler = new ScriptedHandler(_ => Interlocked.Increment(ref calls) == 1
                ? new HttpResponseMessage(HttpStatusCode.NoContent)
                : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{}") }),
        };
        using var client = new HttpClient(handler);

        await ApiTransport.SendAsync(client, Request(HttpMethod.Delete, "http://localhost:5080/things/1"), ApiErrorException.FromResponse, CancellationToken.None);
        await Assert.ThrowsAsync<CodedErrorException>(() => ApiTransport.SendAsync(client, Request(HttpMethod.Delete, "http://localhost:5080/things/1"), context => new CodedErrorException(context, "TEST.0400"), CancellationToken.None));
        var retried = Request(HttpMethod.Delete, "http://localhost:5080/things/1");
        metrics.AttachTo(retried);
        ApiClientMetrics.For(retried).RecordRetry(retried, "503");

        Assert.Equal("OmsGenerated.Client", metrics.Meter.Name);
        var measurements = capture.Measurements;
        var callCounts = measurements.Where(m => m.Name == "api.client.calls").ToList();
        Assert.Equal(2, callCounts.Count);
        Assert.All(callCounts, m => Assert.Equal(_operationId, m.Tag("api.operation")));
        Assert.Contains(callCounts, m => Equals(m.Tag("http.response.status_code"), 204) && m.Tag("error.type") is null);
        Assert.Contains(callCounts, m => Equals(m.Tag("http.response.status_code"), 400) && Equals(m.Tag("error.type"), "400"));

        CapturedMeasurement error = Assert.Single(measurements, m => m.Name == "api.client.errors");
        Assert.Equal(1, error.Value);
        Assert.Equal("TEST.0400", error.Tag("api.error.code"));
        Assert.Equal(_operationId, error.Tag("api.operation"));

        var durations = measurements.Where(m => m.Name == "api.client.call.duration").ToList();
        Assert.Equal(2, durations.Count);
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 30));
        Assert.Equal("s", durations[0].Instrument.Unit);

        CapturedMeasurement retry = Assert.Single(measurements, m => m.Name == "api.client.retries");
        Assert.Equal("503", retry.Tag("error.type"));
        Assert.Equal(_operationId, retry.Tag("api.operation"));
        Assert.Equal("DELETE", retry.Tag("http.request.method"));
    }

    [Fact]
    public async Task Without_a_metrics_handler_the_shared_meter_records()
    {
        using var capture = new TelemetryCapture(static _ => false, static instrument => ReferenceEquals(instrument.Meter, ApiClientMetrics.Shared.Meter));
        using var client = new HttpClient(new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)));

        await ApiTransport.SendAsync(client, Request(HttpMethod.Get, "http://localhost:5080/things"), ApiErrorException.FromResponse, CancellationToken.None);

        CapturedMeasurement call = Assert.Single(capture.Measurements, m => m.Name == "api.client.calls" && Equals(m.Tag("api.operation"), _operationId));
        Assert.Equal(200, call.Tag("http.response.status_code"));
        Assert.Equal("localhost", call.Tag("server.address"));
        Assert.Same(ApiClientMetrics.Shared, ApiClientMetrics.For(new HttpRequestMessage()));
    }

    [Fact]
    public async Task The_user_agent_names_the_product_unless_one_is_set()
    {
        string? sent = null;
        using var client = new HttpClient(new ScriptedHandler(request =>
        {
            sent = string.Join(" ", request.Headers.GetValues("User-Agent"));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }));

        await ApiTransport.SendAsync(client, Request(HttpMethod.Get, "http://localhost:5080/a"), ApiErrorException.FromResponse, CancellationToken.None);
        Assert.Matches(new Regex(@"^OmsGenerated/\d+\.\d+\.\d+\S* \(\.NET \d+\.\d+[^;()]*; (Linux|Windows|macOS|FreeBSD)[^;()]*\)$"), sent);
        Assert.StartsWith("OmsGenerated/" + ApiTelemetry.InformationalVersion.Split('+')[0], sent, StringComparison.Ordinal);

        var own = Request(HttpMethod.Get, "http://localhost:5080/a");
        own.Headers.UserAgent.ParseAdd("MyApp/2.0");
        await ApiTransport.SendAsync(client, own, ApiErrorException.FromResponse, CancellationToken.None);
        Assert.Equal("MyApp/2.0", sent);

        client.DefaultRequestHeaders.UserAgent.ParseAdd("Default/3.1");
        await ApiTransport.SendAsync(client, Request(HttpMethod.Get, "http://localhost:5080/a"), ApiErrorException.FromResponse, CancellationToken.None);
        Assert.Equal("Default/3.1", sent);
    }

    private TelemetryCapture Capture() => new(static source => source.Name == ApiTelemetry.ActivitySourceName, static _ => false);

    private System.Collections.Generic.List<Activity> OwnActivities(TelemetryCapture capture)
        => capture.Activities.Where(a => a.DisplayName == _operationId).ToList();

    private HttpRequestMessage Request(HttpMethod method, string url, string? template = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Options.Set(ApiOperation.OptionsKey, new ApiOperation(_operationId, ApiOperation.IsIdempotentMethod(method), template));
        return request;
    }

    private sealed class CodedErrorException : ApiErrorException
    {
        private readonly string _code;

        public CodedErrorException(ApiErrorContext context, string code)
            : base(context)
        {
            _code = code;
        }

        public override string? ErrorCode => _code;
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

        public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = _answer(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}

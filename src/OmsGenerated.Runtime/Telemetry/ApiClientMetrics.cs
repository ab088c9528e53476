using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using OmsGenerated.Runtime.Http;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// The instruments of <see cref="ApiTelemetry.MeterName"/>: <c>api.client.calls</c>, <c>api.client.errors</c>,
/// <c>api.client.retries</c> and <c>api.client.call.duration</c> (seconds). Generated clients record into the instance
/// an <see cref="ApiClientMetricsHandler"/> in their HttpClient pipeline names (one built from the container's
/// <see cref="IMeterFactory"/>), and into <see cref="Shared"/> when there is none.
/// </summary>
public sealed class ApiClientMetrics
{
    private static readonly HttpRequestOptionsKey<ApiClientMetrics> s_optionsKey = new("OmsGenerated.ApiClientMetrics");
    private static readonly Lazy<ApiClientMetrics> s_shared = new(() => new ApiClientMetrics(new Meter(ApiTelemetry.MeterName, ApiTelemetry.Version)));

    private readonly Counter<long> _calls;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a Meter from <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public ApiClientMetrics(IMeterFactory meterFactory)
        : this(CreateMeter(meterFactory))
    {
    }

    private ApiClientMetrics(Meter meter)
    {
        Meter = meter;
        _calls = meter.CreateCounter<long>("api.client.calls", "{call}", "Operation calls made, by operation and HTTP status.");
        _errors = meter.CreateCounter<long>("api.client.errors", "{error}", "Operation calls that failed, by operation, API error code and error type.");
        _retries = meter.CreateCounter<long>("api.client.retries", "{retry}", "Attempts repeated by a retry policy, by operation and reason.");
        _duration = meter.CreateHistogram<double>("api.client.call.duration", "s", "Duration of operation calls, all attempts and waits included.");
    }

    /// <summary>The instruments on a process-wide Meter, for clients built without dependency injection.</summary>
    public static ApiClientMetrics Shared => s_shared.Value;

    /// <summary>Whether any listener records calls (so the call's tags are worth computing).</summary>
    internal bool IsEnabled => _calls.Enabled || _errors.Enabled || _duration.Enabled;

    /// <summary>The Meter the instruments belong to.</summary>
    public Meter Meter { get; }

    /// <summary>The instance the request records into: the one attached by an <see cref="ApiClientMetricsHandler"/>, else <see cref="Shared"/>.</summary>
    public static ApiClientMetrics For(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(s_optionsKey, out var metrics) ? metrics : Shared;

    /// <summary>Makes <paramref name="request"/> record into this instance.</summary>
    public void AttachTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(s_optionsKey, this);
    }

    /// <summary>Counts one retry of <paramref name="request"/>; <paramref name="reason"/> is the failed attempt's status code or exception type.</summary>
    public void RecordRetry(HttpRequestMessage? request, string reason)
    {
        if (!_retries.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ApiTelemetryTags.Operation, ApiOperation.Of(request)?.OperationId ?? "unknown" },
            { ApiTelemetryTags.HttpRequestMethod, request?.Method.Method ?? "_OTHER" },
            { ApiTelemetryTags.ErrorType, reason },
        };
        _retries.Add(1, tags);
    }

    /// <summary>Records one finished call.</summary>
    internal void RecordCall(in ApiCallOutcome outcome, TimeSpan elapsed)
    {
        if (!IsEnabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ApiTelemetryTags.Operation, outcome.OperationId },
            { ApiTelemetryTags.HttpRequestMethod, outcome.Method },
            { ApiTelemetryTags.ServerAddress, outcome.ServerAddress },
        };
        if (outcome.StatusCode is { } status)
        {
            tags.Add(ApiTelemetryTags.HttpResponseStatusCode, status);
        }

        if (outcome.ErrorType is { } errorType)
        {
            tags.Add(ApiTelemetryTags.ErrorType, errorType);
        }

        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        if (outcome.ErrorType is not null)
        {
            if (outcome.ErrorCode is { } code)
            {
                tags.Add(ApiTelemetryTags.ErrorCode, code);
            }

            _errors.Add(1, tags);
        }
    }

    private static Meter CreateMeter(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        return meterFactory.Create(new MeterOptions(ApiTelemetry.MeterName) { Version = ApiTelemetry.Version });
    }
}

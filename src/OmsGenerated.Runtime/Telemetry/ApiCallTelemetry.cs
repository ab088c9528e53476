using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Http;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// The telemetry of one operation call: a Client activity named after the operationId (the parent of HttpClient's own
/// activity for each attempt) and, when it ends, the call's measurements. A mutable struct kept in the transport's state machine.
/// </summary>
internal struct ApiCallTelemetry
{
    private readonly long _startedAt;
    private readonly Activity? _activity;
    private readonly string _operationId;
    private readonly string _method;
    private readonly string _serverAddress;
    private int? _statusCode;
    private string? _errorType;
    private string? _errorCode;

    private ApiCallTelemetry(Activity? activity, string operationId, string method, string serverAddress)
    {
        _startedAt = Stopwatch.GetTimestamp();
        _activity = activity;
        _operationId = operationId;
        _method = method;
        _serverAddress = serverAddress;
        _statusCode = null;
        _errorType = null;
        _errorCode = null;
    }

    public static ApiCallTelemetry Start(HttpClient client, HttpRequestMessage request)
    {
        var operation = ApiOperation.Of(request);
        var method = KnownMethod(request.Method);
        var activity = ApiTelemetry.ActivitySource.StartActivity(operation?.OperationId ?? method, ActivityKind.Client);
        if (activity is null && !ApiClientMetrics.For(request).IsEnabled)
        {
            // nobody listens: no URI to resolve, no tags to build
            return new ApiCallTelemetry(null, operation?.OperationId ?? "unknown", method, string.Empty);
        }

        var uri = request.RequestUri is { IsAbsoluteUri: false } relative && client.BaseAddress is { } baseAddress
            ? new Uri(baseAddress, relative)
            : request.RequestUri;
        var serverAddress = uri is { IsAbsoluteUri: true } ? uri.IdnHost : string.Empty;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ApiTelemetryTags.HttpRequestMethod, method);
            if (operation is not null)
            {
                activity.SetTag(ApiTelemetryTags.Operation, operation.OperationId);
                activity.SetTag(ApiTelemetryTags.UrlTemplate, operation.PathTemplate);
            }

            if (uri is { IsAbsoluteUri: true })
            {
                activity.SetTag(ApiTelemetryTags.ServerAddress, serverAddress);
                activity.SetTag(ApiTelemetryTags.ServerPort, uri.Port);
                activity.SetTag(ApiTelemetryTags.UrlFull, TelemetryUrl.Redact(uri));
            }
        }

        return new ApiCallTelemetry(activity, operation?.OperationId ?? "unknown", method, serverAddress);
    }

    public void OnResponse(HttpResponseMessage response)
    {
        _statusCode = (int)response.StatusCode;
        _activity?.SetTag(ApiTelemetryTags.HttpResponseStatusCode, _statusCode);
        if (response.Headers.NonValidated.TryGetValues("X-Request-Id", out var requestIds))
        {
            foreach (var requestId in requestIds)
            {
                _activity?.SetTag(ApiTelemetryTags.RequestId, requestId);
                break;
            }
        }
    }

    public void OnApiError(ApiErrorException error)
    {
        // A success status with an unreadable body is named by its exception, not by a status that did not fail.
        _errorType = error.StatusCode >= 400 ? error.StatusCode.ToString(CultureInfo.InvariantCulture) : error.GetType().FullName ?? error.GetType().Name;
        _errorCode = error.ErrorCode is { Length: > 0 } code ? code : null;
        if (_activity is not null)
        {
            _activity.SetTag(ApiTelemetryTags.ErrorType, _errorType);
            _activity.SetTag(ApiTelemetryTags.ErrorCode, _errorCode);
            if (error.RequestId is { Length: > 0 } requestId)
            {
                _activity.SetTag(ApiTelemetryTags.RequestId, requestId);
            }

            _activity.SetStatus(ActivityStatusCode.Error, _errorCode ?? "HTTP " + _errorType);
        }
    }

    /// <summary>Notes a failure; returns false so it can run in an exception filter, before the stack unwinds.</summary>
    public bool OnException(Exception exception)
    {
        if (exception is ApiErrorException apiError)
        {
            if (_errorType is null)
            {
                OnApiError(apiError);
            }

            return false;
        }

        _errorType = exception.GetType().FullName ?? exception.GetType().Name;
        _activity?.SetTag(ApiTelemetryTags.ErrorType, _errorType);
        _activity?.SetStatus(ActivityStatusCode.Error, _errorType);
        return false;
    }

    public readonly void Stop(ApiClientMetrics metrics)
    {
        _activity?.Dispose();
        metrics.RecordCall(new ApiCallOutcome(_operationId, _method, _serverAddress, _statusCode, _errorType, _errorCode), Stopwatch.GetElapsedTime(_startedAt));
    }

    private static string KnownMethod(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Delete
           || method == HttpMethod.Patch || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace
           || method == HttpMethod.Connect
            ? method.Method
            : "_OTHER";
}

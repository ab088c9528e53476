using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Http;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// The telemetry of one operation call: a Client activity named after the operationId (the parent of HttpClient's own
/// activity for each attempt) and, when it ends, the call's measurements. A mutable struct kept in the transport's state
/// machine. Nothing is formatted unless an activity or a metrics listener is there: the metrics instance is known only
/// at the end (a handler in the HttpClient pipeline may attach one), so tags are built then, from what was kept.
/// </summary>
internal struct ApiCallTelemetry
{
    private readonly long _startedAt;
    private readonly Activity? _activity;
    private readonly string _operationId;
    private readonly string _method;
    private int? _statusCode;
    private Exception? _failure;

    private ApiCallTelemetry(Activity? activity, string operationId, string method)
    {
        _startedAt = Stopwatch.GetTimestamp();
        _activity = activity;
        _operationId = operationId;
        _method = method;
        _statusCode = null;
        _failure = null;
    }

    public static ApiCallTelemetry Start(HttpClient client, HttpRequestMessage request)
    {
        var operation = ApiOperation.Of(request);
        var method = KnownMethod(request.Method);
        var activity = ApiTelemetry.ActivitySource.StartActivity(operation?.OperationId ?? method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(ApiTelemetryTags.HttpRequestMethod, method);
            if (operation is not null)
            {
                activity.SetTag(ApiTelemetryTags.Operation, operation.OperationId);
                activity.SetTag(ApiTelemetryTags.UrlTemplate, operation.PathTemplate);
            }

            var uri = request.RequestUri is { IsAbsoluteUri: false } relative && client.BaseAddress is { } baseAddress
                ? new Uri(baseAddress, relative)
                : request.RequestUri;
            if (uri is { IsAbsoluteUri: true })
            {
                activity.SetTag(ApiTelemetryTags.ServerAddress, uri.IdnHost);
                activity.SetTag(ApiTelemetryTags.ServerPort, uri.Port);
                activity.SetTag(ApiTelemetryTags.UrlFull, TelemetryUrl.Redact(uri));
            }
        }

        return new ApiCallTelemetry(activity, operation?.OperationId ?? "unknown", method);
    }

    public void OnResponse(HttpResponseMessage response)
    {
        _statusCode = (int)response.StatusCode;
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(ApiTelemetryTags.HttpResponseStatusCode, _statusCode);
        if (response.Headers.NonValidated.TryGetValues("X-Request-Id", out var requestIds))
        {
            foreach (var requestId in requestIds)
            {
                _activity.SetTag(ApiTelemetryTags.RequestId, requestId);
                break;
            }
        }
    }

    /// <summary>Notes a failure; returns false so it can run in an exception filter, before the stack unwinds.</summary>
    public bool OnException(Exception exception)
    {
        _failure ??= exception;
        if (_activity is not null)
        {
            var (errorType, errorCode) = Describe(exception);
            _activity.SetTag(ApiTelemetryTags.ErrorType, errorType);
            if (exception is ApiErrorException apiError)
            {
                _activity.SetTag(ApiTelemetryTags.ErrorCode, errorCode);
                if (apiError.RequestId is { Length: > 0 } requestId)
                {
                    _activity.SetTag(ApiTelemetryTags.RequestId, requestId);
                }

                _activity.SetStatus(ActivityStatusCode.Error, errorCode ?? "HTTP " + errorType);
            }
            else
            {
                _activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }

        return false;
    }

    /// <summary>Ends the activity and, when a listener records them, the call's measurements.</summary>
    public readonly void Stop(HttpRequestMessage request)
    {
        _activity?.Dispose();
        var metrics = ApiClientMetrics.For(request);
        if (!metrics.IsEnabled)
        {
            return;
        }

        // HttpClient has made the request URI absolute by now.
        var serverAddress = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.IdnHost : string.Empty;
        var (errorType, errorCode) = _failure is null ? (null, null) : Describe(_failure);
        metrics.RecordCall(new ApiCallOutcome(_operationId, _method, serverAddress, _statusCode, errorType, errorCode), Stopwatch.GetElapsedTime(_startedAt));
    }

    /// <summary>
    /// The error type (the status code of an API error, else the exception's type; a success status with an unreadable
    /// body is named by its exception, not by a status that did not fail) and the API's error code.
    /// </summary>
    private static (string? ErrorType, string? ErrorCode) Describe(Exception exception)
    {
        if (exception is ApiErrorException error)
        {
            var type = error.StatusCode >= 400 ? error.StatusCode.ToString(CultureInfo.InvariantCulture) : error.GetType().FullName ?? error.GetType().Name;
            return (type, error.ErrorCode is { Length: > 0 } code ? code : null);
        }

        return (exception.GetType().FullName ?? exception.GetType().Name, null);
    }

    private static string KnownMethod(HttpMethod method)
        => method == HttpMethod.Get || method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Delete
           || method == HttpMethod.Patch || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace
           || method == HttpMethod.Connect
            ? method.Method
            : "_OTHER";
}

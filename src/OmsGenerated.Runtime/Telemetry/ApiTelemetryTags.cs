namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// Tag names on the activities and instruments of generated clients: OpenTelemetry's HTTP client semantic conventions,
/// plus the API's own error code, request id and operation.
/// </summary>
public static class ApiTelemetryTags
{
    /// <summary>The operationId the call belongs to (activity and every instrument).</summary>
    public const string Operation = "api.operation";

    /// <summary>The error code the API answered with, e.g. <c>OMS.0066</c> (activity and <c>api.client.errors</c>).</summary>
    public const string ErrorCode = "api.error.code";

    /// <summary>The request id the API answered with (body <c>request_id</c> or the <c>X-Request-Id</c> header; activity only).</summary>
    public const string RequestId = "api.request_id";

    public const string HttpRequestMethod = "http.request.method";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";

    /// <summary>The URL without user info or fragment, with every query value replaced by <c>*</c>.</summary>
    public const string UrlFull = "url.full";

    /// <summary>The document's path template, e.g. <c>/v2/{project_id}/tasks/{task_id}/start</c>.</summary>
    public const string UrlTemplate = "url.template";

    /// <summary>Why the call failed: the HTTP status code as text, or the exception's full type name.</summary>
    public const string ErrorType = "error.type";
}

using System;
using System.Net.Http;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// What a generated client knows about the operation a request belongs to, attached to the request's
/// <see cref="HttpRequestMessage.Options"/> under <see cref="OptionsKey"/> so handlers (retries, telemetry) can read it.
/// </summary>
public sealed class ApiOperation
{
    /// <summary>The key generated clients attach the operation under.</summary>
    public static readonly HttpRequestOptionsKey<ApiOperation> OptionsKey = new("OmsGenerated.ApiOperation");

    /// <param name="operationId">The document's operationId (or "METHOD /path" when it has none).</param>
    /// <param name="isIdempotent">Whether repeating the request has the effect of sending it once.</param>
    /// <param name="pathTemplate">The document's path template, e.g. <c>/v2/{project_id}/tasks/{task_id}</c>.</param>
    public ApiOperation(string operationId, bool isIdempotent, string? pathTemplate = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        OperationId = operationId;
        IsIdempotent = isIdempotent;
        PathTemplate = pathTemplate;
    }

    /// <summary>The document's operationId.</summary>
    public string OperationId { get; }

    /// <summary>
    /// Whether the request may be repeated: from the HTTP method (GET, HEAD, PUT, DELETE, OPTIONS are; POST, PATCH are
    /// not) unless the document's <c>x-idempotent</c> extension says otherwise.
    /// </summary>
    public bool IsIdempotent { get; }

    /// <summary>The document's path template, when known.</summary>
    public string? PathTemplate { get; }

    /// <summary>The operation attached to <paramref name="request"/>, or null when none is (a request not sent by a generated client).</summary>
    public static ApiOperation? Of(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(OptionsKey, out var operation) ? operation : null;

    /// <summary>Whether the HTTP method is idempotent by definition (RFC 9110 §9.2.2).</summary>
    public static bool IsIdempotentMethod(HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
            || method == HttpMethod.Options || method == HttpMethod.Trace;
    }

    public override string ToString() => OperationId + (IsIdempotent ? " (idempotent)" : string.Empty);
}

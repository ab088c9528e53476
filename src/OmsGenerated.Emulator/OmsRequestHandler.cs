using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// Answers every request, in the order API Gateway and OMS would: read the body, check authentication (counted), draw
/// the fault (if any) and answer with it, else route to the task operation. Every answer has X-Request-Id.
/// </summary>
internal sealed class OmsRequestHandler
{
    /// <summary>API Gateway's body limit for AK/SK-signed requests.</summary>
    public const int MaxBodyBytes = 12 * 1024 * 1024;

    private const long MaxTaskId = 999_999_999_999_999;

    private readonly OmsEmulatorOptions _options;
    private readonly TaskStore _store;
    private readonly FaultInjector _faults;
    private readonly EmulatorStatistics _statistics;

    public OmsRequestHandler(OmsEmulatorOptions options, TaskStore store, EmulatorStatistics statistics)
    {
        _options = options;
        _store = store;
        _statistics = statistics;
        _faults = new FaultInjector(options.Faults);
    }

    public async Task HandleAsync(HttpContext context)
    {
        _statistics.CountRequest();
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        string requestId = Guid.NewGuid().ToString("N");
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target
            ? target
            : (request.PathBase + request.Path + request.QueryString).ToString();

        if (request.ContentLength > MaxBodyBytes)
        {
            await WriteAsync(context, OmsErrors.BodyTooLarge(requestId), requestId, truncate: false, fault: null, rawTarget).ConfigureAwait(false);
            return;
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, aborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return; // the client went away or sent a broken body
        }

        if (body.Length > MaxBodyBytes)
        {
            await WriteAsync(context, OmsErrors.BodyTooLarge(requestId), requestId, truncate: false, fault: null, rawTarget).ConfigureAwait(false);
            return;
        }

        EmulatorResponse? authenticationFailure = Authenticate(request, rawTarget, body, requestId);

        FaultKind? fault = _faults.Next();
        if (fault is { } kind)
        {
            _statistics.CountFault(kind);
        }

        EmulatorResponse response;
        switch (fault)
        {
            case FaultKind.ConnectionReset:
                Log(request.Method, rawTarget, "connection reset", fault);
                context.Abort();
                return;
            case FaultKind.InternalError:
                response = OmsErrors.InternalError();
                break;
            case FaultKind.BadGatewayHtml:
                response = OmsErrors.BadGatewayHtml();
                break;
            case FaultKind.ServiceUnavailable:
                response = OmsErrors.ServiceUnavailable().WithHeader("Retry-After", OmsErrors.RetryAfter(_options.Faults.RetryAfterSeconds));
                break;
            case FaultKind.TooManyRequests:
                response = OmsErrors.Throttled(requestId).WithHeader("Retry-After", OmsErrors.RetryAfter(_options.Faults.RetryAfterSeconds));
                break;
            case FaultKind.SlowResponse:
                try
                {
                    await Task.Delay(_options.Faults.SlowDelay, _options.TimeProvider, aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Log(request.Method, rawTarget, "client gave up while slow", fault);
                    return;
                }

                response = authenticationFailure ?? Route(request, body, requestId);
                break;
            default:
                response = authenticationFailure ?? Route(request, body, requestId);
                break;
        }

        await WriteAsync(context, response, requestId, fault == FaultKind.TruncatedBody, fault, rawTarget).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            copy.Write(chunk, 0, read);
            if (copy.Length > MaxBodyBytes)
            {
                break;
            }
        }

        return copy.ToArray();
    }

    /// <summary>Null when the request is authenticated; else the 401 APIGW.0301 answer.</summary>
    private EmulatorResponse? Authenticate(HttpRequest request, string rawTarget, byte[] body, string requestId)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        EmulatorResponse? failure = null;
        if (headers.ContainsKey("Authorization"))
        {
            SignatureCheck check = AkSkVerifier.Verify(
                request.Method, rawTarget, headers, body, _options.AccessKey, _options.SecretKey,
                _options.TimeProvider.GetUtcNow(), _options.MaxClockSkew, out string reason);
            if (check != SignatureCheck.Valid)
            {
                _statistics.CountSignatureFailure();
                failure = OmsErrors.Unauthorized(
                    check == SignatureCheck.DateOutOfRange
                        ? "verify aksk signature fail, the request time X-Sdk-Date is out of range: " + reason
                        : "verify aksk signature fail",
                    requestId);
            }
        }
        else if (headers.TryGetValue("X-Auth-Token", out string? token))
        {
            if (_options.AuthToken is null || !string.Equals(token, _options.AuthToken, StringComparison.Ordinal))
            {
                failure = OmsErrors.Unauthorized("decrypt token fail", requestId);
            }
        }
        else
        {
            failure = OmsErrors.Unauthorized("x-auth-token not found", requestId);
        }

        if (failure is not null)
        {
            _statistics.CountAuthenticationFailure();
        }

        return failure;
    }

    private EmulatorResponse Route(HttpRequest request, byte[] body, string requestId)
    {
        string[] segments = (request.Path.Value ?? "/").Trim('/').Split('/');
        if (segments.Length is < 3 or > 5 || segments[0] != "v2" || segments[2] != "tasks" || segments[1].Length == 0)
        {
            return OmsErrors.NoSuchApi(requestId);
        }

        string method = request.Method;
        Operation operation = (segments.Length, method) switch
        {
            (3, "GET") => Operation.List,
            (3, "POST") => Operation.Create,
            (4, "GET") => Operation.Show,
            (4, "DELETE") => Operation.Delete,
            (5, "POST") when segments[4] == "start" => Operation.Start,
            (5, "POST") when segments[4] == "stop" => Operation.Stop,
            _ => Operation.None,
        };
        if (operation == Operation.None)
        {
            return OmsErrors.NoSuchApi(requestId);
        }

        string projectId = segments[1];
        if (!string.Equals(projectId, _options.ProjectId, StringComparison.Ordinal))
        {
            return OmsErrors.WrongProject(projectId);
        }

        if (request.Headers.TryGetValue("X-Project-Id", out StringValues headerProject)
            && !string.Equals(headerProject.ToString(), _options.ProjectId, StringComparison.Ordinal))
        {
            return OmsErrors.WrongProject(headerProject.ToString());
        }

        long taskId = 0;
        if (segments.Length >= 4
            && (!long.TryParse(segments[3], NumberStyles.None, CultureInfo.InvariantCulture, out taskId) || taskId > MaxTaskId))
        {
            return OmsErrors.InvalidParameter("task_id");
        }

        return operation switch
        {
            Operation.List => List(request.Query),
            Operation.Create => Create(body),
            Operation.Show => _store.Show(taskId) is { } task ? EmulatorResponse.Json(200, TaskJson.Task(task)) : OmsErrors.TaskNotFound(),
            Operation.Delete => Answer(_store.Delete(taskId)),
            Operation.Start => Start(taskId, body),
            Operation.Stop => Answer(_store.Stop(taskId)),
            _ => OmsErrors.NoSuchApi(requestId),
        };
    }

    private EmulatorResponse List(IQueryCollection query)
    {
        if (!TryInt(query, "limit", 1, 100, 10, out int limit))
        {
            return OmsErrors.InvalidParameter("limit");
        }

        if (!TryInt(query, "offset", 0, 10_000, 0, out int offset))
        {
            return OmsErrors.InvalidParameter("offset");
        }

        int? status = null;
        if (query.ContainsKey("status"))
        {
            if (!TryInt(query, "status", 1, 7, 0, out int value))
            {
                return OmsErrors.InvalidParameter("status");
            }

            status = value;
        }

        string? taskName = Single(query, "task_name");
        if (taskName is { Length: > 255 })
        {
            return OmsErrors.InvalidParameter("task_name");
        }

        string? groupId = Single(query, "group_id");
        if (groupId is { Length: < 1 or > 100 })
        {
            return OmsErrors.InvalidParameter("group_id");
        }

        (List<TaskResp> page, long count) = _store.List(limit, offset, status, taskName, groupId);
        return EmulatorResponse.Json(200, TaskJson.List(page, count));
    }

    private EmulatorResponse Create(byte[] body)
    {
        CreateTaskReq? request = RequestBodies.ReadCreateTask(body, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        EmulatedTask task = _store.Add(id => CreatedTasks.Describe(id, request));
        var created = new CreateTaskResponse { Id = task.Id, TaskName = task.Name };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            created.WriteJson(writer);
        }

        return EmulatorResponse.Json(200, buffer.WrittenSpan.ToArray());
    }

    private EmulatorResponse Start(long taskId, byte[] body)
    {
        StartTaskReq? request = RequestBodies.ReadStartTask(body, out EmulatorResponse? error);
        return request is null ? error! : Answer(_store.Start(taskId, request.MigrateFailedObject == true));
    }

    private static EmulatorResponse Answer(TaskOperationResult result) => result switch
    {
        TaskOperationResult.Ok => EmulatorResponse.Empty(),
        TaskOperationResult.NotFound => OmsErrors.TaskNotFound(),
        TaskOperationResult.AlreadyStarted => OmsErrors.AlreadyStarted(),
        TaskOperationResult.StillPausing => OmsErrors.StillPausing(),
        TaskOperationResult.Finished => OmsErrors.Finished(),
        TaskOperationResult.NotMigrating => OmsErrors.NotMigrating(),
        TaskOperationResult.Migrating => OmsErrors.CannotDeleteMigrating(),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    private async Task WriteAsync(HttpContext context, EmulatorResponse answer, string requestId, bool truncate, FaultKind? fault, string rawTarget)
    {
        _statistics.CountStatus(answer.StatusCode);
        Log(context.Request.Method, rawTarget, answer.ToString(), fault);
        HttpResponse response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.Headers["X-Request-Id"] = requestId;
        foreach (KeyValuePair<string, string> header in answer.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }

        try
        {
            if (!truncate)
            {
                response.ContentLength = answer.Body.Length;
                if (answer.Body.Length > 0)
                {
                    await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            }

            // Promise more than is sent and send half. Returning with too few bytes makes Kestrel flush what was
            // written and then close the connection (HttpContext.Abort() here could drop the unsent headers too).
            response.ContentLength = answer.Body.Length + 128;
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            int sent = answer.Body.Length / 2;
            if (sent > 0)
            {
                await response.Body.WriteAsync(answer.Body.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
            }

            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client is gone; nothing to answer.
        }
    }

    private void Log(string method, string rawTarget, string outcome, FaultKind? fault)
    {
        if (_options.RequestLog is { } log)
        {
            var line = new StringBuilder();
            line.Append(method).Append(' ').Append(rawTarget).Append(" -> ").Append(outcome);
            if (fault is { } kind)
            {
                line.Append(" [fault ").Append(EmulatorStatistics.ShortName(kind)).Append(']');
            }

            log(line.ToString());
        }
    }

    private static string? Single(IQueryCollection query, string name)
        => query.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

    private static bool TryInt(IQueryCollection query, string name, int min, int max, int fallback, out int value)
    {
        string? text = Single(query, name);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private enum Operation
    {
        None,
        List,
        Create,
        Show,
        Delete,
        Start,
        Stop,
    }
}

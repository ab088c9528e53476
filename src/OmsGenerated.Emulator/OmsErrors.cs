using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// The error answers of OMS and of API Gateway in front of it. Bodies are JSON <c>{error_code, error_msg}</c>, plus
/// <c>error_detail</c> where OMS sends it and <c>request_id</c> for API Gateway (APIGW.xxxx) errors.
/// </summary>
internal static class OmsErrors
{
    /// <summary>400 OMS.1009: no such task, task group or sync task (HTTP 400, as the spec's error catalog says).</summary>
    public static EmulatorResponse TaskNotFound() => OmsError(400, "OMS.1009", "No resources found.", null);

    /// <summary>403 OMS.0206: the project in the path (or X-Project-Id) is not the emulator's project.</summary>
    public static EmulatorResponse WrongProject(string projectId)
        => OmsError(403, "OMS.0206", "Insufficient permissions. You do not have the OMS operation permission.", "project [" + projectId + "] is not accessible with these credentials.");

    /// <summary>400 OMS.0064 naming the invalid field in error_detail, as live OMS does.</summary>
    public static EmulatorResponse InvalidParameter(string field)
        => OmsError(400, "OMS.0064", "Invalid request parameters.", "request parameter [" + field + "] invalid.");

    /// <summary>400 OMS.0064 for a body that is not a JSON object.</summary>
    public static EmulatorResponse InvalidBody()
        => OmsError(400, "OMS.0064", "Invalid request parameters.", "request body is not a valid JSON object.");

    /// <summary>400 OMS.0064 for a body that is not valid UTF-8.</summary>
    public static EmulatorResponse InvalidEncoding()
        => OmsError(400, "OMS.0064", "Invalid request parameters.", "request body is not valid UTF-8.");

    /// <summary>400 OMS.0078: forbidden characters in the description.</summary>
    public static EmulatorResponse ForbiddenDescription()
        => OmsError(400, "OMS.0078", "The description contains invalid characters.", "request parameter [description] invalid.");

    /// <summary>400 OMS.0065: the task is already waiting, migrating or retrying.</summary>
    public static EmulatorResponse AlreadyStarted() => OmsError(400, "OMS.0065", "The task has already been started.", null);

    /// <summary>400 OMS.0065 for a task that is still pausing (emulator's choice; the real code is not documented).</summary>
    public static EmulatorResponse StillPausing() => OmsError(400, "OMS.0065", "The task is being paused. Start it after it has paused.", null);

    /// <summary>400 OMS.0070: the task has succeeded.</summary>
    public static EmulatorResponse Finished() => OmsError(400, "OMS.0070", "The task has finished and cannot be started or paused.", null);

    /// <summary>400 OMS.0066: StopTask on a task that is not migrating.</summary>
    public static EmulatorResponse NotMigrating() => OmsError(400, "OMS.0066", "The task is not in the migrating state and cannot be paused.", null);

    /// <summary>400 OMS.0063: DeleteTask on a task that is migrating or pausing.</summary>
    public static EmulatorResponse CannotDeleteMigrating()
        => OmsError(400, "OMS.0063", "The task is being migrated and cannot be deleted. Pause the task first.", null);

    /// <summary>400 with an OMS code for an operation the resource's state does not allow (groups, sync tasks).</summary>
    public static EmulatorResponse WrongState(string code, string message) => OmsError(400, code, message, null);

    /// <summary>500 (injected): OMS.2004 with an internal-error message.</summary>
    public static EmulatorResponse InternalError() => OmsError(500, "OMS.2004", "Internal server error. Try again later.", null);

    /// <summary>503 (injected): OMS.2004, service unavailable.</summary>
    public static EmulatorResponse ServiceUnavailable() => OmsError(503, "OMS.2004", "The service is temporarily unavailable. Try again later.", null);

    /// <summary>401 APIGW.0301.</summary>
    public static EmulatorResponse Unauthorized(string detail, string requestId)
        => Gateway(401, "APIGW.0301", "Incorrect IAM authentication information: " + detail, requestId);

    /// <summary>429 APIGW.0308 (injected).</summary>
    public static EmulatorResponse Throttled(string requestId)
        => Gateway(429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute", requestId);

    /// <summary>404 APIGW.0101: no such API (unknown path or method).</summary>
    public static EmulatorResponse NoSuchApi(string requestId)
        => Gateway(404, "APIGW.0101", "The API does not exist or has not been published in the environment", requestId);

    /// <summary>413 APIGW.0201: body over 12 MB.</summary>
    public static EmulatorResponse BodyTooLarge(string requestId)
        => Gateway(413, "APIGW.0201", "Request entity too large", requestId);

    /// <summary>502 (injected): an HTML page, as a load balancer in front of API Gateway sends it.</summary>
    public static EmulatorResponse BadGatewayHtml()
        => new(502, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(
            "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n"
            + "<p>The upstream server did not answer in time.</p>\n<hr><center>oms-emulator-gateway</center>\n</body>\n</html>\n"))
        {
            ErrorCode = "html",
        };

    /// <summary>An OMS error (no request_id in the body; the X-Request-Id header carries it).</summary>
    private static EmulatorResponse OmsError(int status, string code, string message, string? detail)
        => Write(status, new ErrorResponse { ErrorCode = code, ErrorMsg = message, ErrorDetail = detail });

    /// <summary>An API Gateway error, which carries request_id in the body too.</summary>
    private static EmulatorResponse Gateway(int status, string code, string message, string requestId)
        => Write(status, new ErrorResponse { ErrorCode = code, ErrorMsg = message, RequestId = requestId });

    private static EmulatorResponse Write(int status, ErrorResponse error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            error.WriteJson(writer);
        }

        return EmulatorResponse.Json(status, buffer.WrittenSpan.ToArray()) with { ErrorCode = error.ErrorCode };
    }

    /// <summary>Formats a Retry-After value.</summary>
    public static string RetryAfter(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OmsGenerated.Emulator.Http;

namespace OmsGenerated.Emulator;

/// <summary>An answer prepared in full before it is written, so a fault can still cut it short. Endpoints return it as their <see cref="IResult"/>.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="ContentType">Content-Type, or null for no body.</param>
/// <param name="Body">The body bytes.</param>
internal sealed record EmulatorResponse(int StatusCode, string? ContentType, byte[] Body) : IResult
{
    /// <summary>The media type of OMS JSON bodies.</summary>
    public const string JsonContentType = "application/json;charset=UTF-8";

    /// <summary>Extra response headers (e.g. Retry-After).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>An OMS/APIGW error code when this is an error answer (for the request log).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>200 with an empty body (StartTask, StopTask, DeleteTask).</summary>
    public static EmulatorResponse Empty() => new(200, null, []);

    /// <summary>A JSON answer.</summary>
    public static EmulatorResponse Json(int statusCode, byte[] body) => new(statusCode, JsonContentType, body);

    /// <summary>A copy with one more header.</summary>
    public EmulatorResponse WithHeader(string name, string value)
        => this with { Headers = [.. Headers, new KeyValuePair<string, string>(name, value)] };

    /// <summary>A short description for the request log.</summary>
    public override string ToString()
        => StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + (ErrorCode is null ? string.Empty : " " + ErrorCode);

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext)
        => httpContext.RequestServices.GetRequiredService<ResponseWriter>().WriteAsync(httpContext, this);
}

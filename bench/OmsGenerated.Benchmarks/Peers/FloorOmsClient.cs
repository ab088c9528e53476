using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Benchmarks.Peers;

/// <summary>
/// The floor: what a careful developer writes by hand for StartTask with HttpClient and a System.Text.Json
/// source-generated context. No validation, no Kiota, no extras: path by interpolation + <see cref="Uri.EscapeDataString(string)"/>,
/// body serialized once to UTF-8, headers-read completion, error JSON read into a record and thrown.
/// </summary>
public sealed class FloorOmsClient
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly string _baseUrl;

    public FloorOmsClient(HttpClient http, string baseUrl)
    {
        _http = http;
        _baseUrl = baseUrl.TrimEnd('/');
    }

    public async Task StartTaskAsync(string projectId, long taskId, FloorStartTaskBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_baseUrl}/v2/{Uri.EscapeDataString(projectId)}/tasks/{taskId}/start");
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, FloorJsonContext.Default.FloorStartTaskBody));
        content.Headers.ContentType = s_json;
        request.Content = content;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            byte[] error = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new FloorApiException((int)response.StatusCode, error.Length == 0 ? null : JsonSerializer.Deserialize(error, FloorJsonContext.Default.FloorError));
        }
    }
}

/// <summary>The StartTask body as the floor and Refit send it (only the fields set are written).</summary>
public sealed class FloorStartTaskBody
{
    [JsonPropertyName("src_ak")]
    public string? SrcAk { get; set; }

    [JsonPropertyName("src_sk")]
    public string? SrcSk { get; set; }

    [JsonPropertyName("dst_ak")]
    public required string DstAk { get; set; }

    [JsonPropertyName("dst_sk")]
    public required string DstSk { get; set; }

    [JsonPropertyName("source_cdn_authentication_key")]
    public string? SourceCdnAuthenticationKey { get; set; }

    [JsonPropertyName("migrate_failed_object")]
    public bool? MigrateFailedObject { get; set; }
}

/// <summary>The OMS error body.</summary>
public sealed record FloorError(
    [property: JsonPropertyName("error_code")] string? ErrorCode,
    [property: JsonPropertyName("error_msg")] string? ErrorMsg,
    [property: JsonPropertyName("error_detail")] string? ErrorDetail);

/// <summary>The floor's small typed error.</summary>
public sealed class FloorApiException : Exception
{
    public FloorApiException(int statusCode, FloorError? error)
        : base(error?.ErrorMsg ?? "HTTP " + statusCode)
    {
        StatusCode = statusCode;
        Error = error;
    }

    public FloorApiException()
    {
    }

    public FloorApiException(string message)
        : base(message)
    {
    }

    public FloorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; }

    public FloorError? Error { get; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorStartTaskBody))]
[JsonSerializable(typeof(FloorError))]
public sealed partial class FloorJsonContext : JsonSerializerContext
{
}

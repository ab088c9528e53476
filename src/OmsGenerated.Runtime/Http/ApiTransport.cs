using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// The lean send path of generated clients: one HttpClient call, success bodies decoded straight from
/// UTF-8, failures turned into the operation's typed exception with what the server said.
/// </summary>
public static class ApiTransport
{
    public static async Task SendAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<T> SendForJsonAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
    }

    public static async Task<T> SendForJsonValueAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : struct
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
    }

    public static async Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<byte[]> SendForBytesAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Raw bytes as a request body with the given content type.</summary>
    public static HttpContent Binary(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<ApiErrorException> ReadErrorAsync(HttpResponseMessage response, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
        {
            // A truncated or reset body still yields the typed error, with what arrived before it broke.
            body = Array.Empty<byte>();
        }

        return mapError(ApiErrorContext.FromResponse(response, body));
    }
}

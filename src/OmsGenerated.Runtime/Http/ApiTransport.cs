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
/// UTF-8, failures turned into the operation's typed exception with what the server said. Error bodies longer
/// than <see cref="MaxErrorBodyBytes"/> are cut.
/// </summary>
public static class ApiTransport
{
    public static async Task SendAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, mapError, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> SendForJsonAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendCheckedAsync(client, request, mapError, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
    }

    public static async Task<T> SendForJsonValueAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : struct
    {
        using var response = await SendCheckedAsync(client, request, mapError, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
    }

    public static async Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, mapError, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<byte[]> SendForBytesAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(client, request, mapError, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends; a non-success response is read (bounded), disposed and thrown as the operation's error.</summary>
    private static async Task<HttpResponseMessage> SendCheckedAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // Headers first: a broken error body must still produce the typed error. Add ResponseBufferingHandler to the
        // pipeline to have bodies read (and timed out, and retried) inside it.
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Raw bytes as a request body with the given content type.</summary>
    public static HttpContent Binary(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Error bodies are read up to this size; the rest is not needed to describe the error.</summary>
    public const int MaxErrorBodyBytes = 1024 * 1024;

    private static async Task<ApiErrorException> ReadErrorAsync(HttpResponseMessage response, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        var buffer = new System.IO.MemoryStream(declared is > 0 and <= MaxErrorBodyBytes ? (int)declared.Value : 256);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (buffer.Length < MaxErrorBodyBytes
                       && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxErrorBodyBytes - buffer.Length)), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
        {
            // A truncated or reset body still yields the typed error, with what arrived before it broke.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return mapError(ApiErrorContext.FromResponse(response, buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
    }
}

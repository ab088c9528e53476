using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Json;
using OmsGenerated.Runtime.Telemetry;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// The lean send path of generated clients: one HttpClient call, success bodies decoded straight from
/// UTF-8, failures turned into the operation's typed exception with what the server said. Error bodies longer
/// than <see cref="MaxErrorBodyBytes"/> are cut.
/// </summary>
public static partial class ApiTransport
{
    // Every send goes through SendCoreAsync: one async layer that owns (and disposes) the request, so an error is
    // thrown once, there, and the error path costs what a hand-written call costs. Generated methods return these
    // tasks directly; body readers are static lambdas with their state passed in, so nothing is captured per call.

    public static Task SendAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, (object?)null, static (_, _, _) => s_noBody, cancellationToken);

    public static Task<T> SendForJsonAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : class
        => SendCoreAsync(client, request, mapError, read, static async (response, read, ct) =>
        {
            var body = await ReadSuccessBodyAsync(response, ct).ConfigureAwait(false);
            return ReadDocument(response, body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
        }, cancellationToken);

    public static Task<T> SendForJsonValueAsync<T>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        where T : struct
        => SendCoreAsync(client, request, mapError, read, static async (response, read, ct) =>
        {
            var body = await ReadSuccessBodyAsync(response, ct).ConfigureAwait(false);
            return ReadDocument(response, body, read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
        }, cancellationToken);

    public static Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, (object?)null, static async (response, _, ct) =>
        {
            ThrowIfIncomplete(response);
            try
            {
                return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
            {
                throw ApiErrorException.IncompleteBody(ApiErrorContext.FromResponse(response, ReadOnlyMemory<byte>.Empty));
            }
        }, cancellationToken);

    public static Task<byte[]> SendForBytesAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, (object?)null, static (response, _, ct) => ReadSuccessBodyAsync(response, ct), cancellationToken);

    private static T? ReadDocument<T>(HttpResponseMessage response, byte[] body, JsonReadFunc<T?> read)
    {
        try
        {
            return JsonRead.Document(body, read);
        }
        catch (JsonReadException exception)
        {
            throw ApiErrorException.UnexpectedValue(ApiErrorContext.FromResponse(response, body), exception);
        }
    }

    /// <summary>
    /// The whole success body. One that broke off (shorter than its Content-Length, or the connection reset) is the
    /// typed error with what arrived, not a transport exception and not half a document.
    /// </summary>
    private static async Task<byte[]> ReadSuccessBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ThrowIfIncomplete(response);
        var content = response.Content;
        if (content is ByteArrayContent)
        {
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var declared = content.Headers.ContentLength;
        // Pre-sized from Content-Length, but not beyond what a lying header could make us allocate for nothing.
        var buffer = new System.IO.MemoryStream(declared is > 0 and <= MaxPresizedBodyBytes ? (int)declared.Value : 256);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
        {
            throw ApiErrorException.IncompleteBody(ApiErrorContext.FromResponse(response, buffer.GetBuffer().AsMemory(0, (int)buffer.Length)));
        }

        // Sized from Content-Length, the buffer is usually exactly the body: hand it over without a copy.
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private const int MaxPresizedBodyBytes = 4 * 1024 * 1024;

    private static void ThrowIfIncomplete(HttpResponseMessage response)
    {
        if (response.Content is IncompleteBodyContent incomplete)
        {
            throw ApiErrorException.IncompleteBody(ApiErrorContext.FromResponse(response, incomplete.Received));
        }
    }

    private static readonly Task<bool> s_noBody = Task.FromResult(true);

    private static async Task<TResult> SendCoreAsync<TState, TResult>(
        HttpClient client,
        HttpRequestMessage request,
        Func<ApiErrorContext, ApiErrorException> mapError,
        TState state,
        Func<HttpResponseMessage, TState, CancellationToken, Task<TResult>> readBody,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using (request)
        {
            ProductUserAgent.AddIfMissing(client, request);
            var telemetry = ApiCallTelemetry.Start(client, request);
            try
            {
                ApiErrorException error;
                try
                {
                    // the generated client's security schemes; a token provider is awaited here, on the send path
                    await Auth.ApiAuthentication.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    telemetry.OnResponse(response);
                    if (response.IsSuccessStatusCode)
                    {
                        return await readBody(response, state, cancellationToken).ConfigureAwait(false);
                    }

                    error = await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (telemetry.OnException(exception))
                {
                    throw; // never reached: the filter only records the failure, while the activity is still current
                }

                // The server's error is recorded before it is thrown, outside the filter: a throw that no filter has to
                // inspect is the cheapest there is, and this one is the common failure.
                telemetry.OnException(error);
                throw error;
            }
            finally
            {
                telemetry.Stop(request);
            }
        }
    }

    /// <summary>
    /// The success body as a stream, read as it arrives; the caller disposes the result (which releases the
    /// connection). Errors are the operation's typed exception, as for every other send.
    /// </summary>
    public static Task<ApiStreamResponse> SendForStreamAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        => SendForStreamCoreAsync(client, request, mapError, (object?)null, static (_, body, _) => body, cancellationToken);

    private static async Task<TResult> SendForStreamCoreAsync<TState, TResult>(
        HttpClient client,
        HttpRequestMessage request,
        Func<ApiErrorContext, ApiErrorException> mapError,
        TState state,
        Func<HttpResponseMessage, ApiStreamResponse, TState, TResult> create,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using (request)
        {
            ProductUserAgent.AddIfMissing(client, request);
            var telemetry = ApiCallTelemetry.Start(client, request);
            HttpResponseMessage? response = null;
            try
            {
                await Auth.ApiAuthentication.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                telemetry.OnResponse(response);
                if (!response.IsSuccessStatusCode)
                {
                    throw await ReadErrorAsync(response, mapError, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfIncomplete(response);
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var body = ApiStreamResponse.FromResponse(response, stream);
                var result = create(response, body, state);
                response = null; // owned by the result from here on
                return result;
            }
            catch (Exception exception) when (telemetry.OnException(exception))
            {
                throw; // never reached: the filter only records the failure, while the activity is still current
            }
            finally
            {
                response?.Dispose();
                telemetry.Stop(request);
            }
        }
    }

    /// <summary>The caller's stream as a request body with the given content type: copied while sent, not buffered, not disposed.</summary>
    public static HttpContent Binary(System.IO.Stream body, string contentType) => new StreamBodyContent(body, contentType);

    /// <summary>Text as a UTF-8 request body with the declared content type (a charset is added when it has none).</summary>
    public static HttpContent Text(string body, string contentType)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        var header = MediaTypeHeaderValue.Parse(contentType);
        header.CharSet ??= "utf-8";
        content.Headers.ContentType = header;
        return content;
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

    private static ValueTask<ApiErrorException> ReadErrorAsync(HttpResponseMessage response, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
    {
        // A body already in memory (ResponseBufferingHandler's, a test double's) is read as it is, without a stream loop.
        return response.Content is ByteArrayContent inMemory
            ? new ValueTask<ApiErrorException>(mapError(ApiErrorContext.FromResponse(response, ReadInMemory(inMemory))))
            : new ValueTask<ApiErrorException>(ReadStreamedErrorAsync(response, mapError, cancellationToken));
    }

    private static byte[] ReadInMemory(ByteArrayContent content)
    {
        using var stream = content.ReadAsStream();
        var bytes = new byte[(int)Math.Min(stream.Length, MaxErrorBodyBytes)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static async Task<ApiErrorException> ReadStreamedErrorAsync(HttpResponseMessage response, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
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

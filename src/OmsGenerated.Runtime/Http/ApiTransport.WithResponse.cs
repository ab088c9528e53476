using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Runtime.Http;

// The …WithResponseAsync methods of generated clients: the same send path, the decoded body handed to
// `create` together with the status and headers (an ApiResponse<T>, or a generated subclass with typed headers).
public static partial class ApiTransport
{
    public static Task<TResponse> SendWithResponseAsync<TResponse>(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, TResponse> create, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, create, static (response, create, _) => Task.FromResult(create(Head(response))), cancellationToken);

    public static Task<TResponse> SendForJsonWithResponseAsync<T, TResponse>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, T, TResponse> create, CancellationToken cancellationToken)
        where T : class
        => SendCoreAsync(client, request, mapError, (read, create), static async (response, state, ct) =>
        {
            var body = await ReadSuccessBodyAsync(response, ct).ConfigureAwait(false);
            var value = JsonRead.Document(body, state.read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
            return state.create(Head(response), value);
        }, cancellationToken);

    public static Task<TResponse> SendForJsonValueWithResponseAsync<T, TResponse>(HttpClient client, HttpRequestMessage request, JsonReadFunc<T?> read, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, T, TResponse> create, CancellationToken cancellationToken)
        where T : struct
        => SendCoreAsync(client, request, mapError, (read, create), static async (response, state, ct) =>
        {
            var body = await ReadSuccessBodyAsync(response, ct).ConfigureAwait(false);
            var value = JsonRead.Document(body, state.read) ?? throw ApiErrorException.MissingBody(ApiErrorContext.FromResponse(response, body));
            return state.create(Head(response), value);
        }, cancellationToken);

    public static Task<TResponse> SendForTextWithResponseAsync<TResponse>(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, string, TResponse> create, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, create, static async (response, create, ct) =>
        {
            ThrowIfIncomplete(response);
            string text;
            try
            {
                text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false); // in the charset the response names
            }
            catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
            {
                throw ApiErrorException.IncompleteBody(ApiErrorContext.FromResponse(response, ReadOnlyMemory<byte>.Empty));
            }

            return create(Head(response), text);
        }, cancellationToken);

    public static Task<TResponse> SendForBytesWithResponseAsync<TResponse>(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, byte[], TResponse> create, CancellationToken cancellationToken)
        => SendCoreAsync(client, request, mapError, create, static async (response, create, ct) => create(Head(response), await ReadSuccessBodyAsync(response, ct).ConfigureAwait(false)), cancellationToken);

    /// <summary>A binary success body as a stream the caller disposes, with the status and headers.</summary>
    public static Task<TResponse> SendForStreamWithResponseAsync<TResponse>(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, Func<ApiResponse, ApiStreamResponse, TResponse> create, CancellationToken cancellationToken)
        => SendForStreamCoreAsync(client, request, mapError, create, static (response, body, create) => create(Head(response), body), cancellationToken);

    private static ApiResponse Head(HttpResponseMessage response) => new((int)response.StatusCode, ApiResponseHeaders.From(response));
}

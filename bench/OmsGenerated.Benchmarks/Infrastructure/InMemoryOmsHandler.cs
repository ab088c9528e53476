using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Benchmarks.Infrastructure;

/// <summary>
/// The in-memory "server" of the per-call benchmarks: no sockets. It writes the request body to
/// <see cref="Stream.Null"/> (as a real handler serializes it to the wire, so lazily serialized content pays its
/// serialization), then answers with a fresh response over cached bytes: 200 with an empty body, or 400 with the
/// OMS.0064 error JSON.
/// </summary>
public sealed class InMemoryOmsHandler : HttpMessageHandler
{
    /// <summary>The error body of the error path, exactly as OMS sends it.</summary>
    public static readonly byte[] ErrorBody =
        """{"error_code":"OMS.0064","error_msg":"Invalid request parameters.","error_detail":"request parameter [dst_ak] invalid."}"""u8.ToArray();

    private readonly bool _fail;

    public InMemoryOmsHandler(bool fail) => _fail = fail;

    /// <summary>The last request's method, URI, headers and body, when <see cref="Record"/> is on (verification only).</summary>
    public RecordedRequest? Last { get; private set; }

    public bool Record { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Asynchronously, as SocketsHttpHandler does (Refit's PushStreamContent only supports that); completes
        // synchronously for already serialized content.
        if (Record)
        {
            var body = new MemoryStream();
            if (request.Content is { } recorded)
            {
                await recorded.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            }

            Last = new RecordedRequest(request.Method.Method, request.RequestUri!, request.Headers.ToString(), request.Content?.Headers.ToString() ?? string.Empty, body.ToArray());
        }
        else if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        if (!_fail)
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(Array.Empty<byte>()) };
        }

        var content = new ByteArrayContent(ErrorBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request, Content = content };
    }
}

public sealed record RecordedRequest(string Method, Uri Uri, string Headers, string ContentHeaders, byte[] Body);

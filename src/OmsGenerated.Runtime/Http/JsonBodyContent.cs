using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// A request body that was serialized once, up front, to UTF-8 JSON. The bytes are exposed so a signing
/// handler can hash exactly what goes on the wire without buffering or copying the content again.
/// </summary>
public sealed class JsonBodyContent : HttpContent
{
    private static readonly MediaTypeHeaderValue s_jsonUtf8 = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");
    private readonly ReadOnlyMemory<byte> _utf8Json;

    public JsonBodyContent(ReadOnlyMemory<byte> utf8Json)
    {
        _utf8Json = utf8Json;
        Headers.ContentType = s_jsonUtf8;
    }

    /// <summary>The same JSON with the media type the API description declares (<c>application/merge-patch+json</c>, a vendor type).</summary>
    public JsonBodyContent(ReadOnlyMemory<byte> utf8Json, string contentType)
        : this(utf8Json)
    {
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    /// <summary>The exact bytes that will be sent.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(_utf8Json).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(_utf8Json, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.Write(_utf8Json.Span);

    protected override Task<Stream> CreateContentReadStreamAsync()
        => Task.FromResult<Stream>(new MemoryStream(_utf8Json.ToArray(), writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _utf8Json.Length;
        return true;
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// A request body copied from the caller's stream while it is sent: never buffered, and never disposed (the caller
/// owns it). A seekable stream gives a Content-Length (what is left from its position); any other is sent chunked.
/// </summary>
public sealed class StreamBodyContent : HttpContent
{
    private readonly Stream _stream;

    public StreamBodyContent(Stream stream, string? contentType)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        if (contentType is not null)
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => _stream.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => _stream.CopyToAsync(stream, cancellationToken);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => _stream.CopyTo(stream);

    protected override bool TryComputeLength(out long length)
    {
        if (_stream.CanSeek)
        {
            length = Math.Max(0, _stream.Length - _stream.Position);
            return true;
        }

        length = 0;
        return false;
    }
}

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// A success response whose body is read as it arrives (a download, a binary or an event stream), not buffered.
/// Dispose it: that closes the body and releases the connection.
/// </summary>
public sealed class ApiStreamResponse : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;

    public ApiStreamResponse(Stream content, string? contentType, long? contentLength, HttpStatusCode? statusCode, IDisposable? owner = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        ContentType = contentType;
        ContentLength = contentLength;
        StatusCode = statusCode;
        _owner = owner;
    }

    /// <summary>The body, read once.</summary>
    public Stream Content { get; }

    /// <summary>The response's Content-Type, as sent.</summary>
    public string? ContentType { get; }

    /// <summary>The response's Content-Length, when the server sent one.</summary>
    public long? ContentLength { get; }

    /// <summary>The success status; null over a Kiota request adapter, which does not expose it.</summary>
    public HttpStatusCode? StatusCode { get; }

    internal static ApiStreamResponse FromResponse(HttpResponseMessage response, Stream content)
        => new(content, response.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentLength, response.StatusCode, response);

    public void Dispose()
    {
        Content.Dispose();
        _owner?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner?.Dispose();
    }
}

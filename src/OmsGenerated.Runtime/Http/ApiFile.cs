using System;
using System.IO;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// A file sent in a <c>multipart/form-data</c> body: its content, read once while the request is sent (not buffered,
/// not disposed: the caller owns the stream), the file name the server sees, and its media type.
/// </summary>
public sealed class ApiFile
{
    public ApiFile(Stream content, string fileName, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        ContentType = contentType;
    }

    public Stream Content { get; }

    public string FileName { get; }

    /// <summary>The part's Content-Type; when null, the one the API description declares for the field, else <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; }

    public override string ToString() => "ApiFile { FileName = " + FileName + ", ContentType = " + (ContentType ?? "(default)") + " }";
}

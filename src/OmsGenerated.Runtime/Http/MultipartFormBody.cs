using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// A <c>multipart/form-data</c> request body (RFC 7578): text fields as bare UTF-8 parts, JSON fields with
/// <c>application/json</c>, files streamed from the caller's stream with a file name and their media type.
/// </summary>
public sealed class MultipartFormBody
{
    private readonly MultipartFormDataContent _content = new();

    public MultipartFormBody Add(string name, string value)
    {
        _content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), Quoted(name));
        return this;
    }

    /// <summary>A field whose value is a JSON document (an object or array in the form's schema).</summary>
    public MultipartFormBody AddJson(string name, byte[] utf8Json, string contentType = "application/json")
    {
        var part = new ByteArrayContent(utf8Json);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        _content.Add(part, Quoted(name));
        return this;
    }

    /// <param name="name">The field name.</param>
    /// <param name="file">The file.</param>
    /// <param name="declaredContentType">The encoding the API description gives the field, used when the file has none.</param>
    public MultipartFormBody AddFile(string name, ApiFile file, string? declaredContentType = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var contentType = file.ContentType ?? FirstConcrete(declaredContentType) ?? "application/octet-stream";
        var part = new StreamBodyContent(file.Content, contentType);
        // set here rather than by MultipartFormDataContent, which adds filename*: RFC 7578 (4.2) says not to use it
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(name), FileName = Quoted(file.FileName) };
        _content.Add(part);
        return this;
    }

    public HttpContent ToContent() => _content;

    // MultipartFormDataContent writes the name as given: quoted, with quotes and backslashes escaped, it stays one parameter.
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    // An encoding may list several types ("image/png, image/jpeg") or a range ("image/*"): only a concrete one is a Content-Type.
    private static string? FirstConcrete(string? declared)
    {
        if (declared is null)
        {
            return null;
        }

        foreach (var candidate in declared.Split(','))
        {
            var type = candidate.Trim();
            if (type.Length > 0 && !type.Contains('*') && MediaTypeHeaderValue.TryParse(type, out _))
            {
                return type;
            }
        }

        return null;
    }
}

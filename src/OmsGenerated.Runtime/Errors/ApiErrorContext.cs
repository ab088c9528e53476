using System;
using System.Net.Http;
using System.Text;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Runtime.Errors;

/// <summary>What a failed response said: status, request id and the raw body, read once.</summary>
public sealed class ApiErrorContext
{
    /// <summary>How much of a body that is not the expected JSON is kept for the exception.</summary>
    public const int MaxExcerptLength = 512;

    public ApiErrorContext(int statusCode, string? reasonPhrase, string? requestId, string? contentType, ReadOnlyMemory<byte> body, TimeSpan? retryAfter = null)
    {
        RetryAfter = retryAfter;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        RequestId = requestId;
        ContentType = contentType;
        Body = body;
    }

    private string? _excerpt;

    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The X-Request-Id response header, when sent.</summary>
    public string? RequestId { get; }

    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>How long the server asked to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Where a redirect (3xx) pointed, resolved against the request URI. Generated clients do not follow
    /// redirects (README "Redirects").</summary>
    public Uri? Location { get; init; }

    public static ApiErrorContext FromResponse(HttpResponseMessage response, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(response);
        // A server (or a proxy) that echoes the request must not put its credentials into the exception, whether through
        // the excerpt or through the error model's message fields decoded from the body: the body is blanked now, so
        // the secrets themselves are not kept. Only bodies that do echo one are copied.
        var secrets = body.IsEmpty ? null : RequestSecrets.Of(response.RequestMessage, body.Span);
        if (secrets is { Count: > 0 })
        {
            body = Encoding.UTF8.GetBytes(RequestSecrets.Redact(Encoding.UTF8.GetString(body.Span), secrets));
        }

        var context = new ApiErrorContext(
            (int)response.StatusCode,
            response.ReasonPhrase,
            FindRequestId(response),
            response.Content.Headers.ContentType?.MediaType,
            body,
            ReadRetryAfter(response))
        {
            Location = ReadLocation(response),
        };


        return context;
    }

    /// <summary>Decodes the body as JSON; null when it is empty, not JSON or not the expected shape.</summary>
    public T? TryReadJson<T>(JsonReadFunc<T?> read) where T : class
    {
        try
        {
            return JsonRead.Document(Body.Span, read);
        }
        catch (JsonReadException)
        {
            // An error body of another shape is still the error: described by its status and excerpt.
            return null;
        }
    }

    /// <summary>The start of the raw body as text, control characters replaced, at most <see cref="MaxExcerptLength"/> characters.</summary>
    public string BodyExcerpt() => _excerpt ??= BuildExcerpt();

    private string BuildExcerpt()
    {
        if (Body.IsEmpty)
        {
            return string.Empty;
        }

        var span = Body.Span;
        var byteCount = Math.Min(span.Length, MaxExcerptLength * 4);
        var text = Encoding.UTF8.GetString(span.Slice(0, byteCount));

        var builder = new StringBuilder(Math.Min(text.Length, MaxExcerptLength) + 1);
        foreach (var c in text)
        {
            if (builder.Length >= MaxExcerptLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        if (builder.Length < MaxExcerptLength && span.Length > byteCount)
        {
            builder.Append('…');
        }

        return builder.ToString().Trim();
    }

    private static Uri? ReadLocation(HttpResponseMessage response)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        if (location.IsAbsoluteUri)
        {
            return location;
        }

        return response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requestUri && Uri.TryCreate(requestUri, location, out var resolved)
            ? resolved
            : location;
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // Header names compare case-insensitively: "X-Request-ID" is the same header as "X-Request-Id".
    private static readonly string[] s_requestIdHeaders = ["X-Request-Id", "Request-Id", "X-Ms-Request-Id"];

    private static string? FindRequestId(HttpResponseMessage response)
    {
        foreach (var name in s_requestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Kiota.Abstractions;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Runtime.Errors;

/// <summary>
/// A non-success response. Generated error types derive from this and fill in the decoded fields;
/// a body that is not the expected JSON still produces this exception with the status and an excerpt.
/// Derives from Kiota's <see cref="ApiException"/> so Kiota request adapters can throw it too.
/// </summary>
public class ApiErrorException : ApiException
{
    private readonly ApiErrorContext? _context;
    private string? _message;

    public ApiErrorException(ApiErrorContext? context)
    {
        _context = context;
        if (context is not null)
        {
            ResponseStatusCode = context.StatusCode;
        }
    }

    /// <summary>An error for a response, caused by <paramref name="innerException"/>.</summary>
    protected ApiErrorException(ApiErrorContext context, System.Exception innerException)
        : base(string.Empty, innerException)
    {
        System.ArgumentNullException.ThrowIfNull(context);
        _context = context;
        ResponseStatusCode = context.StatusCode;
    }

    protected ApiErrorException(string message)
    {
        _message = message;
    }

    /// <summary>HTTP status code of the response.</summary>
    public int StatusCode => ResponseStatusCode;

    /// <summary>The error code the server sent (for example OMS.0064), when the body had one.</summary>
    public virtual string? ErrorCode => null;

    /// <summary>The server's error message, when the body had one.</summary>
    public virtual string? ErrorMessage => null;

    /// <summary>Extra detail the server sent (for example the invalid field), when the body had it.</summary>
    public virtual string? ErrorDetail => null;

    /// <summary>Whether the body decoded as the documented error JSON.</summary>
    public virtual bool HasErrorBody => false;

    /// <summary>The request id: from the body when it carries one, else the X-Request-Id header.</summary>
    public virtual string? RequestId => _context?.RequestId ?? HeaderRequestId();

    /// <summary>The start of the raw response body (bounded), for bodies that were not the expected JSON.</summary>
    public string? RawBodyExcerpt => _context?.BodyExcerpt();

    /// <summary>How long the server asked to wait before retrying (the Retry-After header of a 429 or 503), when it said.</summary>
    public System.TimeSpan? RetryAfter => _context?.RetryAfter;

    /// <summary>Where a redirect (3xx) pointed; generated clients do not follow redirects, so credentials never go to
    /// another origin (README "Redirects").</summary>
    public System.Uri? Location => _context?.Location;

    /// <summary>The response's content type.</summary>
    public string? ContentType => _context?.ContentType;

    public override string Message => _message ??= BuildMessage();

    /// <summary>The error for a status the API description does not document.</summary>
    public static ApiErrorException FromResponse(ApiErrorContext context) => new(context);

    /// <summary>A success response whose body was missing or not the expected JSON.</summary>
    public static ApiErrorException MissingBody(ApiErrorContext? context = null)
        => context is null
            ? new ApiErrorException("The response had no body, or it was not the expected JSON.")
            : new UnexpectedBodyException(context);

    /// <summary>A success response whose body ended before it was complete (shorter than its Content-Length, or the
    /// connection reset); the excerpt is what arrived.</summary>
    public static ApiErrorException IncompleteBody(ApiErrorContext context)
    {
        System.ArgumentNullException.ThrowIfNull(context);
        return new IncompleteBodyException(context);
    }

    /// <summary>A success response whose JSON has a value of the wrong type; the message names its JSON path and the
    /// expected type (never the value), and <see cref="System.Exception.InnerException"/> is the <see cref="JsonReadException"/>.</summary>
    public static ApiErrorException UnexpectedValue(ApiErrorContext context, JsonReadException exception)
    {
        System.ArgumentNullException.ThrowIfNull(context);
        System.ArgumentNullException.ThrowIfNull(exception);
        return new UnexpectedValueException(context, exception);
    }

    /// <summary>The JSON path of the value that could not be read (for example <c>$.tasks[3].src_node.bucket</c>),
    /// when a success body had a value of the wrong type.</summary>
    public string? JsonPath => (InnerException as JsonReadException)?.JsonPath;

    private string BuildMessage()
    {
        var builder = new StringBuilder();
        if (ErrorCode is { Length: > 0 } code)
        {
            builder.Append(code).Append(": ");
        }

        builder.Append(ErrorMessage is { Length: > 0 } message ? message : DescribeStatus());
        if (ErrorDetail is { Length: > 0 } detail)
        {
            builder.Append(" (").Append(detail).Append(')');
        }

        builder.Append(" [HTTP ").Append(StatusCode.ToString(CultureInfo.InvariantCulture));
        if (RequestId is { Length: > 0 } requestId)
        {
            builder.Append(", request id ").Append(requestId);
        }

        builder.Append(']');
        if (StatusCode is >= 300 and <= 399)
        {
            builder.Append(" The redirect ");
            if (Location is { } location)
            {
                // Without the query, which may carry a signature or token of the target.
                builder.Append("to ").Append(location.IsAbsoluteUri ? location.GetLeftPart(System.UriPartial.Path) : location.OriginalString.Split('?')[0]).Append(' ');
            }

            builder.Append("was not followed.");
        }

        if (!HasErrorBody && RawBodyExcerpt is { Length: > 0 } excerpt)
        {
            builder.Append(" Body: ").Append(excerpt);
        }

        return builder.ToString();
    }

    private string DescribeStatus()
    {
        var reason = _context?.ReasonPhrase;
        return "The server answered " + StatusCode.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reason) ? string.Empty : " " + reason)
            + (HasErrorBody ? "." : " without the documented error body.");
    }

    private string? HeaderRequestId()
    {
        foreach (var pair in ResponseHeaders ?? new Dictionary<string, IEnumerable<string>>())
        {
            if (string.Equals(pair.Key, "X-Request-Id", System.StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value.FirstOrDefault();
            }
        }

        return null;
    }

    private sealed class UnexpectedBodyException : ApiErrorException
    {
        public UnexpectedBodyException(ApiErrorContext context)
            : base(context)
        {
        }

        public override string Message => "The response body was missing or not the expected JSON. " + base.Message;
    }

    private sealed class UnexpectedValueException : ApiErrorException
    {
        public UnexpectedValueException(ApiErrorContext context, JsonReadException exception)
            : base(context, exception)
        {
        }

        public override string Message => InnerException!.Message + " " + base.Message;
    }

    private sealed class IncompleteBodyException : ApiErrorException
    {
        private readonly int _received;

        public IncompleteBodyException(ApiErrorContext context)
            : base(context)
        {
            _received = context.Body.Length;
        }

        public override string Message => "The response body ended before it was complete ("
            + _received.ToString(CultureInfo.InvariantCulture) + " bytes arrived). " + base.Message;
    }
}

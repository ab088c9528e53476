namespace OmsGenerated.Runtime.Http;

/// <summary>The status and headers of a successful response, returned by the generated <c>…WithResponseAsync</c> methods.</summary>
public class ApiResponse
{
    public ApiResponse(int statusCode, ApiResponseHeaders headers)
    {
        System.ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
    }

    /// <summary>The HTTP status code (always a 2xx: other statuses are thrown as the operation's typed exception).</summary>
    public int StatusCode { get; }

    public ApiResponseHeaders Headers { get; }

    /// <summary>The status and the header names; header values and the body are never printed.</summary>
    public override string ToString() => GetType().Name + " " + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Headers;
}

/// <summary>A successful response with its decoded body.</summary>
public class ApiResponse<T> : ApiResponse
{
    public ApiResponse(ApiResponse response, T value)
        : base((response ?? throw new System.ArgumentNullException(nameof(response))).StatusCode, response.Headers)
    {
        Value = value;
    }

    public T Value { get; }
}

using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// Per-call additions to one request: extra headers (replacing a header of the same name the method would send) and a
/// last look at the message. Both run before authentication, which keeps a header set here (an Authorization for this
/// call only).
/// </summary>
public sealed class ApiRequestOptions
{
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called with the request after the generated code built it and <see cref="Headers"/> were added.</summary>
    public Action<HttpRequestMessage>? ConfigureRequest { get; init; }

    /// <summary>Applies these options to <paramref name="request"/>; nothing when <paramref name="options"/> is null.</summary>
    public static void Apply(ApiRequestOptions? options, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options is null)
        {
            return;
        }

        foreach (var header in options.Headers)
        {
            if (!request.Headers.Remove(header.Key))
            {
                request.Content?.Headers.Remove(header.Key);
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        options.ConfigureRequest?.Invoke(request);
    }

    /// <summary>The header names only: values may be credentials.</summary>
    public override string ToString() => "ApiRequestOptions [" + string.Join(", ", Headers.Keys) + "]";
}

using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OmsGenerated.Runtime.Http;

/// <summary>HttpClient logging for generated clients that never records credential header values.</summary>
public static class RedactingHttpClientLoggingExtensions
{
    private static readonly string[] s_sensitiveHeaders =
    {
        "Authorization", "X-Auth-Token", "X-Security-Token", "X-Subject-Token", "Proxy-Authorization", "Cookie", "Set-Cookie",
    };

    /// <summary>
    /// Replaces Microsoft.Extensions.Http's default logger of this client, whose structured state carries raw
    /// <c>Authorization</c>, <c>X-Security-Token</c> and <c>X-Auth-Token</c> values (it redacts them only in the formatted
    /// message), with one that only ever logs redacted text, under the same category
    /// (<c>System.Net.Http.HttpClient.{name}.ClientHandler</c>). Do not add the default logger back with
    /// <c>AddDefaultLogger()</c>.
    /// </summary>
    public static IHttpClientBuilder UseRedactingHttpClientLogging(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RedactLoggedHeaders(s_sensitiveHeaders);
        builder.RemoveAllLoggers();
        string category = RedactingHttpClientLogger.CategoryOf(builder.Name);
        builder.AddLogger(serviceProvider => new RedactingHttpClientLogger(
            serviceProvider.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance));
        return builder;
    }
}

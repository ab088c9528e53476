using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// The HttpClient logger a generated client's registration installs instead of Microsoft.Extensions.Http's default one
/// (<see cref="RedactingHttpClientLoggingExtensions.UseRedactingHttpClientLogging"/>).
/// </summary>
/// <remarks>
/// <para>The default logger redacts header values in the formatted message only: its structured state (what JSON
/// console, OpenTelemetry or Serilog sinks record) still carries the raw <c>Authorization</c> (with the AK),
/// <c>X-Security-Token</c> and <c>X-Auth-Token</c> values. This logger only ever passes already-redacted text.</para>
/// <para>It sits next to the primary handler, so it sees the request as sent (signed). Information: method, URI
/// (query replaced by <c>*</c>), status, elapsed time and <c>X-Request-Id</c>; Trace: headers, with values shown only
/// for a fixed list of harmless headers. Its category is <c>System.Net.Http.HttpClient.{client name}.ClientHandler</c>,
/// so filters written for HttpClient logging keep working.</para>
/// </remarks>
internal sealed class RedactingHttpClientLogger : IHttpClientLogger
{
    /// <summary>The logger category of a named client, the one Microsoft.Extensions.Http's own logger uses.</summary>
    internal static string CategoryOf(string clientName) => "System.Net.Http.HttpClient." + clientName + ".ClientHandler";

    private static readonly HashSet<string> s_visibleHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "X-Sdk-Date", "X-Project-Id", "Content-Type", "Content-Length", "Accept", "User-Agent",
        "X-Request-Id", "Date", "Server", "Connection", "Transfer-Encoding",
    };

    private static readonly Action<ILogger, string, string, Exception?> s_requestStart = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(100, "RequestStart"), "Sending HTTP request {HttpMethod} {Uri}");

    private static readonly Action<ILogger, int, double, string, Exception?> s_requestEnd = LoggerMessage.Define<int, double, string>(
        LogLevel.Information, new EventId(101, "RequestEnd"), "Received HTTP response {StatusCode} after {ElapsedMilliseconds}ms, request id {RequestId}");

    private static readonly Action<ILogger, string, string, double, Exception?> s_requestFailed = LoggerMessage.Define<string, string, double>(
        LogLevel.Warning, new EventId(102, "RequestFailed"), "HTTP request {HttpMethod} {Uri} failed after {ElapsedMilliseconds}ms");

    private static readonly Action<ILogger, string, Exception?> s_requestHeaders = LoggerMessage.Define<string>(
        LogLevel.Trace, new EventId(103, "RequestHeaders"), "Request headers:\n{Headers}");

    private static readonly Action<ILogger, string, Exception?> s_responseHeaders = LoggerMessage.Define<string>(
        LogLevel.Trace, new EventId(104, "ResponseHeaders"), "Response headers:\n{Headers}");

    private readonly ILogger _logger;

    public RedactingHttpClientLogger(ILogger logger)
    {
        _logger = logger;
    }

    public object? LogRequestStart(HttpRequestMessage request)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            s_requestStart(_logger, request.Method.Method, DescribeUri(request.RequestUri), null);
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            s_requestHeaders(_logger, FormatHeaders(request.Headers, request.Content?.Headers), null);
        }

        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            string requestId = response.Headers.TryGetValues("X-Request-Id", out IEnumerable<string>? values) ? string.Join(",", values) : "(none)";
            s_requestEnd(_logger, (int)response.StatusCode, elapsed.TotalMilliseconds, requestId, null);
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            s_responseHeaders(_logger, FormatHeaders(response.Headers, response.Content.Headers), null);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            s_requestFailed(_logger, request.Method.Method, DescribeUri(request.RequestUri), elapsed.TotalMilliseconds, exception);
        }
    }

    private static string DescribeUri(Uri? uri)
    {
        if (uri is null)
        {
            return "(none)";
        }

        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString;
        }

        string withoutQuery = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return uri.Query.Length > 0 ? withoutQuery + "?*" : withoutQuery;
    }

    private static string FormatHeaders(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var builder = new StringBuilder();
        Append(builder, headers);
        if (contentHeaders is not null)
        {
            Append(builder, contentHeaders);
        }

        return builder.ToString();

        static void Append(StringBuilder builder, HttpHeaders headers)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
            {
                builder.Append(header.Key).Append(": ");
                builder.Append(s_visibleHeaders.Contains(header.Key) ? header.Value.ToString() : "*");
                builder.Append('\n');
            }
        }
    }
}

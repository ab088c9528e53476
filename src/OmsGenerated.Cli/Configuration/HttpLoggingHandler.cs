using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace OmsGenerated.Cli.Configuration;

/// <summary>Logs each HTTP attempt (method, path, status, time, request id) at Debug. Never logs headers or bodies.</summary>
internal sealed class HttpLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public HttpLoggingHandler(ILogger logger, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        string path = request.RequestUri?.AbsolutePath ?? "?";
        long started = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string requestId = response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() ?? "-" : "-";
            _logger.LogDebug(
                "{Method} {Path} -> {Status} in {Elapsed:0} ms (request id {RequestId})",
                request.Method.Method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
            return response;
        }
        catch (HttpRequestException e)
        {
            _logger.LogDebug("{Method} {Path} failed after {Elapsed:0} ms: {Reason}", request.Method.Method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Message);
            throw;
        }
    }
}

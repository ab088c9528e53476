using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// Makes every request through this HttpClient record into <see cref="Metrics"/> instead of
/// <see cref="ApiClientMetrics.Shared"/>. Put it outermost, so a retry policy further in sees it too. Added by
/// <see cref="ApiTelemetryHttpClientBuilderExtensions.AddApiClientMetrics"/>.
/// </summary>
public sealed class ApiClientMetricsHandler : DelegatingHandler
{
    public ApiClientMetricsHandler(ApiClientMetrics metrics)
    {
        Metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    /// <summary>The instruments requests record into.</summary>
    public ApiClientMetrics Metrics { get; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Metrics.AttachTo(request);
        return base.SendAsync(request, cancellationToken);
    }
}

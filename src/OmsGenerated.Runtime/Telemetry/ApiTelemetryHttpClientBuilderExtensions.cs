using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>Metrics from the container's <see cref="IMeterFactory"/> for generated clients built through IHttpClientFactory.</summary>
public static class ApiTelemetryHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="ApiClientMetricsHandler"/> (at this point of the pipeline: call it before adding retries) whose
    /// <see cref="ApiClientMetrics"/> is a singleton created from the container's <see cref="IMeterFactory"/>, or
    /// <see cref="ApiClientMetrics.Shared"/> when the container has none.
    /// </summary>
    public static IHttpClientBuilder AddApiClientMetrics(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(static serviceProvider =>
            serviceProvider.GetService<IMeterFactory>() is { } meterFactory ? new ApiClientMetrics(meterFactory) : ApiClientMetrics.Shared);
        return builder.AddHttpMessageHandler(static serviceProvider => new ApiClientMetricsHandler(serviceProvider.GetRequiredService<ApiClientMetrics>()));
    }
}

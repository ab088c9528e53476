using System;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Telemetry;

namespace OmsGenerated.Oms;

/// <summary>Registers <see cref="OmsClient"/> as a typed client of IHttpClientFactory.</summary>
public static class OmsServiceCollectionExtensions
{
    /// <summary>Headers whose values HttpClient logging must never print.</summary>
    /// <summary>
    /// Registers <see cref="OmsClientOptions"/> (the <c>HUAWEICLOUD_SDK_*</c> environment variables first, then
    /// <paramref name="configure"/>, validated on first use) and <see cref="OmsClient"/> as a typed HttpClient whose
    /// base address is <see cref="OmsClientOptions.Endpoint"/> or the region's endpoint, with the options' timeout, an
    /// authentication handler (<c>AkSkSigningHandler</c> or <c>TokenAuthHandler</c>), and HttpClient logging that never
    /// records credential header values (category <c>System.Net.Http.HttpClient.OmsClient.ClientHandler</c>; the default
    /// Microsoft.Extensions.Http logger is removed because its structured state carries raw header values, so do not
    /// add it back with <c>AddDefaultLogger()</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after the environment defaults.</param>
    /// <returns>The builder of the typed client, to add handlers or resilience.</returns>
    /// <remarks>Calling it again only adds <paramref name="configure"/>. A <see cref="TimeProvider"/> registered in the
    /// container is used for <c>X-Sdk-Date</c>.</remarks>
    public static IHttpClientBuilder AddOmsClient(this IServiceCollection services, Action<OmsClientOptions>? configure = null)
        => AddOmsClient(services, configure, getVariable: null);

    /// <summary>As the public overload, with the environment lookup replaceable (tests).</summary>
    internal static IHttpClientBuilder AddOmsClient(IServiceCollection services, Action<OmsClientOptions>? configure, Func<string, string?>? getVariable)
    {
        ArgumentNullException.ThrowIfNull(services);
        bool registered = services.Any(d => d.ServiceType == typeof(OmsClientRegistration));
        if (!registered)
        {
            services.AddSingleton<OmsClientRegistration>();
            services.AddOptions();
            services.AddSingleton<IConfigureOptions<OmsClientOptions>>(new OmsClientOptionsEnvironmentSetup(getVariable));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmsClientOptions>, OmsClientOptionsValidator>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (registered)
        {
            return services.AddHttpClient(nameof(OmsClient));
        }

        IHttpClientBuilder builder = services.AddHttpClient(nameof(OmsClient));
        builder.AddTypedClient(static (httpClient, serviceProvider) =>
        {
            OmsClientOptions options = serviceProvider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
            return new OmsClient(httpClient, options.ResolveEndpoint()) { ProjectId = options.ResolveProjectId() };
        });
        builder.ConfigureHttpClient(static (serviceProvider, httpClient) =>
        {
            OmsClientOptions options = serviceProvider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
            httpClient.BaseAddress = options.ResolveEndpoint();
            httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the resilience pipeline's total timeout governs
        });

        builder.AddApiClientMetrics(); // outermost: metrics from the container's IMeterFactory, retries counted there too
        // Outermost first: retries wrap authentication, so every attempt is signed afresh.
        builder.AddResilienceHandler("oms", static (pipeline, context) =>
        {
            OmsClientOptions options = context.ServiceProvider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
            OmsResilience.Configure(pipeline, options.Timeout, options.Retry);
        });
        builder.AddHttpMessageHandler(static serviceProvider => OmsClientFactory.CreateAuthenticationHandler(
            serviceProvider.GetRequiredService<IOptions<OmsClientOptions>>().Value,
            serviceProvider.GetService<TimeProvider>()));

        // Innermost: bodies are read inside the attempt timeout and retries.
        builder.AddHttpMessageHandler(static () => new ResponseBufferingHandler());
        return builder.UseRedactingHttpClientLogging();
    }

    /// <summary>Marks that <see cref="AddOmsClient(IServiceCollection, Action{OmsClientOptions}?)"/> already ran.</summary>
    private sealed class OmsClientRegistration
    {
    }
}

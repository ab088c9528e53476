using System;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Telemetry;

namespace OmsGenerated.Oms;

/// <summary>
/// Registers <see cref="OmsClient"/>: unnamed as a typed client of IHttpClientFactory, or by name, resolved through
/// <see cref="IOmsClientFactory"/>.
/// </summary>
/// <remarks>
/// <para>Options of every client are built in this order: the <c>HUAWEICLOUD_SDK_*</c> environment variables (region,
/// project ID), then the configuration section and the configure delegates in the order they were registered (later
/// wins), then the credential chain (README "Credentials"). They are validated when the host starts
/// (<c>ValidateOnStart</c>), and on first use without a host; messages name the configuration key of a bad value and
/// never contain a secret.</para>
/// <para>Each client's HttpClient has the options' base address, a resilience pipeline with the options' timeout and
/// retries, an authentication handler (<c>AkSkSigningHandler</c> or <c>TokenAuthHandler</c>), and HttpClient logging
/// that never records credential header values (category <c>System.Net.Http.HttpClient.OmsClient.ClientHandler</c>,
/// <c>…OmsClient.{name}.ClientHandler</c> for a named client; the default Microsoft.Extensions.Http logger is removed
/// because its structured state carries raw header values, so do not add it back with <c>AddDefaultLogger()</c>).
/// A <see cref="TimeProvider"/> registered in the container is used for <c>X-Sdk-Date</c>.</para>
/// </remarks>
public static class OmsServiceCollectionExtensions
{
    /// <summary>Registers the unnamed <see cref="OmsClient"/> (a typed HttpClient) configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after the environment defaults.</param>
    /// <returns>The builder of the typed client, to add handlers or resilience.</returns>
    /// <remarks>Calling it again only adds <paramref name="configure"/>.</remarks>
    public static IHttpClientBuilder AddOmsClient(this IServiceCollection services, Action<OmsClientOptions>? configure = null)
        => AddOmsClient(services, configure, getVariable: null);

    /// <summary>Registers the unnamed <see cref="OmsClient"/> (a typed HttpClient) with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The client's section, for example <c>builder.Configuration.GetSection("Oms")</c>;
    /// keys as in README "Configuration". Reloads of the section reach <c>IOptionsMonitor</c>.</param>
    /// <returns>The builder of the typed client, to add handlers or resilience.</returns>
    public static IHttpClientBuilder AddOmsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, Options.DefaultName, configuration, configure: null, getVariable: null);
    }

    /// <summary>Registers an <see cref="OmsClient"/> named <paramref name="name"/> with options bound from <paramref name="configuration"/>; resolve it with <see cref="IOmsClientFactory.CreateClient"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (not empty).</param>
    /// <param name="configuration">The client's section, for example <c>builder.Configuration.GetSection("Oms:Backup")</c>.</param>
    /// <returns>The builder of the client's named HttpClient (<c>OmsClient.{name}</c>).</returns>
    public static IHttpClientBuilder AddOmsClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, configuration, configure: null, getVariable: null);
    }

    /// <summary>Registers an <see cref="OmsClient"/> named <paramref name="name"/> configured by <paramref name="configure"/>; resolve it with <see cref="IOmsClientFactory.CreateClient"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (not empty).</param>
    /// <param name="configure">Adjusts the options after the environment defaults.</param>
    /// <returns>The builder of the client's named HttpClient (<c>OmsClient.{name}</c>).</returns>
    public static IHttpClientBuilder AddOmsClient(this IServiceCollection services, string name, Action<OmsClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, configuration: null, configure, getVariable: null);
    }

    /// <summary>As the public overload, with the environment lookup replaceable (tests).</summary>
    internal static IHttpClientBuilder AddOmsClient(IServiceCollection services, Action<OmsClientOptions>? configure, Func<string, string?>? getVariable)
        => Register(services, Options.DefaultName, configuration: null, configure, getVariable);

    /// <summary>Registers a client of any name, with the environment lookup replaceable (tests).</summary>
    internal static IHttpClientBuilder Register(
        IServiceCollection services,
        string name,
        IConfiguration? configuration,
        Action<OmsClientOptions>? configure,
        Func<string, string?>? getVariable)
    {
        ArgumentNullException.ThrowIfNull(services);
        OmsClientNames names = RegisterShared(services, getVariable ?? Environment.GetEnvironmentVariable);
        bool first = names.Add(name);
        if (configuration is not null)
        {
            services.AddSingleton<IConfigureOptions<OmsClientOptions>>(new OmsClientOptionsConfigurationSetup(name, configuration));
            services.AddSingleton<IOptionsChangeTokenSource<OmsClientOptions>>(new ConfigurationChangeTokenSource<OmsClientOptions>(name, configuration));
        }

        if (configure is not null)
        {
            services.Configure(name, configure);
        }

        string httpClientName = OmsClientNames.HttpClientName(name);
        if (!first)
        {
            return services.AddHttpClient(httpClientName);
        }

        services.AddOptions<OmsClientOptions>(name).ValidateOnStart();
        IHttpClientBuilder builder = services.AddHttpClient(httpClientName);
        if (name.Length == 0)
        {
            builder.AddTypedClient(static (httpClient, serviceProvider) =>
            {
                OmsClientOptions options = serviceProvider.GetRequiredService<IOptionsMonitor<OmsClientOptions>>().Get(Options.DefaultName);
                return new OmsClient(httpClient, options.ResolveEndpoint()) { ProjectId = options.ResolveProjectId() };
            });
        }

        builder.ConfigureHttpClient((serviceProvider, httpClient) =>
        {
            httpClient.BaseAddress = OptionsOf(serviceProvider, name).ResolveEndpoint();
            httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the resilience pipeline's total timeout governs
        });

        // Credentials never follow a redirect to another origin: a 3xx becomes the typed error (README "Redirects").
        builder.ConfigurePrimaryHttpMessageHandler(static (handler, _) => DisableAutoRedirect(handler));

        builder.AddApiClientMetrics(); // outermost: metrics from the container's IMeterFactory, retries counted there too
        // Outermost first: retries wrap authentication, so every attempt is signed afresh.
        builder.AddResilienceHandler("oms", (pipeline, context) =>
        {
            OmsClientOptions options = OptionsOf(context.ServiceProvider, name);
            OmsResilience.Configure(pipeline, options.Timeout, options.Retry);
        });
        builder.AddHttpMessageHandler(serviceProvider => OmsClientFactory.CreateAuthenticationHandler(
            OptionsOf(serviceProvider, name),
            serviceProvider.GetService<TimeProvider>()));

        // Innermost: bodies are read inside the attempt timeout and retries.
        builder.AddHttpMessageHandler(static () => new ResponseBufferingHandler());
        return builder.UseRedactingHttpClientLogging();
    }

    private static void DisableAutoRedirect(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static OmsClientOptions OptionsOf(IServiceProvider serviceProvider, string name)
        => serviceProvider.GetRequiredService<IOptionsMonitor<OmsClientOptions>>().Get(name);

    /// <summary>What every client shares, registered once per service collection: environment defaults, the credential chain, validation and the factory.</summary>
    private static OmsClientNames RegisterShared(IServiceCollection services, Func<string, string?> getVariable)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(OmsClientNames))?.ImplementationInstance is OmsClientNames existing)
        {
            return existing;
        }

        var names = new OmsClientNames();
        services.AddSingleton(names);
        services.AddOptions();
        services.AddHttpClient();
        services.AddSingleton<IConfigureOptions<OmsClientOptions>>(new OmsClientOptionsEnvironmentSetup(getVariable));
        services.AddSingleton<IPostConfigureOptions<OmsClientOptions>>(new OmsClientOptionsCredentialChain(getVariable));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmsClientOptions>, OmsClientOptionsValidator>());
        services.TryAddSingleton<IOmsClientFactory, OmsNamedClientFactory>();
        return names;
    }
}

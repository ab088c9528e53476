using System;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Runtime.Http;
using Polly;

namespace OmsGenerated.Oms;

/// <summary>Creates <see cref="OmsClient"/> instances without dependency injection.</summary>
/// <remarks>With dependency injection use <see cref="OmsServiceCollectionExtensions.AddOmsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{OmsClientOptions}?)"/> instead, which lets
/// IHttpClientFactory manage the handlers.</remarks>
public static class OmsClientFactory
{
    /// <summary>
    /// Creates a client over a new HttpClient whose pipeline authenticates every request (AK/SK signing or
    /// <c>X-Auth-Token</c>), with the base address and timeout of <paramref name="options"/>.
    /// </summary>
    /// <param name="options">The settings; validated first. Later changes to it do not affect the client.</param>
    /// <param name="innerHandler">The handler that sends requests (for example a test or proxy handler); defaults to a
    /// <see cref="SocketsHttpHandler"/> that recycles connections every 2 minutes and does not follow redirects. The client
    /// owns it. A <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> here must have
    /// <c>AllowAutoRedirect = false</c>, or the first call fails before sending (README "Redirects").</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public static OmsClient Create(OmsClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Uri endpoint = options.ResolveEndpoint();
        DelegatingHandler authentication = CreateAuthenticationHandler(options, timeProvider: null);
        authentication.InnerHandler = new ResponseBufferingHandler(innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false });

        // Resilience sits outside authentication, so every attempt is signed with a fresh X-Sdk-Date.
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        OmsResilience.Configure(pipeline, options.Timeout, options.Retry);
        var resilience = new ResilienceHandler(pipeline.Build()) { InnerHandler = authentication };
        var httpClient = new HttpClient(resilience, disposeHandler: true)
        {
            BaseAddress = endpoint,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // the pipeline's total timeout governs
        };
        return new OmsClient(httpClient, endpoint) { ProjectId = options.ResolveProjectId() }.OwnHttpClient(httpClient);
    }

    /// <summary>The runtime handler for the configured authentication mode: <see cref="AkSkSigningHandler"/> or <see cref="TokenAuthHandler"/>.</summary>
    internal static DelegatingHandler CreateAuthenticationHandler(OmsClientOptions options, TimeProvider? timeProvider)
    {
        string? projectId = options.ResolveProjectId();
        if (options.Credentials is { } credentials)
        {
            if (projectId is not null && credentials.ProjectId is null)
            {
                // Send (and sign) X-Project-Id for the configured project, as the official SDKs do.
                credentials = new HuaweiCloudCredentials(credentials.AccessKey, credentials.SecretKey, projectId, credentials.SecurityToken);
            }

            return new AkSkSigningHandler(credentials, timeProvider);
        }

        if (options.CredentialProvider is { } provider)
        {
            return new AkSkSigningHandler(projectId is null ? provider : new ProjectScopedCredentialProvider(provider, projectId), timeProvider);
        }

        if (options.AuthToken is { } token)
        {
            return new TokenAuthHandler(token, projectId);
        }

        throw new InvalidOperationException("No authentication is configured: set OmsClientOptions.Credentials, CredentialProvider or AuthToken.");
    }
}

using System;
using System.Net.Http;
using Microsoft.Extensions.Options;

namespace OmsGenerated.Oms;

/// <summary>Creates named <see cref="OmsClient"/>s from their named options and their named IHttpClientFactory clients.</summary>
internal sealed class OmsNamedClientFactory : IOmsClientFactory
{
    private readonly OmsClientNames _names;
    private readonly IOptionsMonitor<OmsClientOptions> _options;
    private readonly IHttpClientFactory _httpClientFactory;

    public OmsNamedClientFactory(OmsClientNames names, IOptionsMonitor<OmsClientOptions> options, IHttpClientFactory httpClientFactory)
    {
        _names = names;
        _options = options;
        _httpClientFactory = httpClientFactory;
    }

    public OmsClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_names.Contains(name))
        {
            throw new InvalidOperationException("No OMS client named '" + name + "' is registered (AddOmsClient(name, …)). Registered: " + _names.Describe() + ".");
        }

        OmsClientOptions options = _options.Get(name);
        HttpClient httpClient = _httpClientFactory.CreateClient(OmsClientNames.HttpClientName(name));
        return new OmsClient(httpClient, options.ResolveEndpoint()) { ProjectId = options.ResolveProjectId() };
    }
}

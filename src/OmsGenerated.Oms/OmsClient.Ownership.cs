using System;
using System.Net.Http;

namespace OmsGenerated.Oms;

/// <summary>A client made by <see cref="OmsClientFactory"/> owns its HttpClient and handlers; disposing releases them.</summary>
public partial class OmsClient : IDisposable
{
    private HttpClient? _ownedHttpClient;

    /// <summary>Releases the HttpClient the factory created for this client; a no-op for clients over a caller's HttpClient or adapter.</summary>
    public void Dispose()
    {
        _ownedHttpClient?.Dispose();
        _ownedHttpClient = null;
        GC.SuppressFinalize(this);
    }

    internal OmsClient OwnHttpClient(HttpClient httpClient)
    {
        _ownedHttpClient = httpClient;
        return this;
    }
}

namespace OmsGenerated.Oms;

/// <summary>
/// Creates the <see cref="OmsClient"/>s registered by name with
/// <c>AddOmsClient(name, configuration)</c> or <c>AddOmsClient(name, configure)</c>, in the manner of the Azure SDK's
/// <c>IAzureClientFactory&lt;T&gt;</c>. Each name has its own options (<c>IOptionsMonitor&lt;OmsClientOptions&gt;.Get(name)</c>)
/// and its own IHttpClientFactory client, so clients for different regions, endpoints or accounts work side by side.
/// </summary>
public interface IOmsClientFactory
{
    /// <summary>A client configured under <paramref name="name"/>; the unnamed client (from <c>AddOmsClient()</c>) is <c>""</c>.</summary>
    /// <exception cref="System.InvalidOperationException">No client of that name is registered; the message lists the registered names.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The client's options are invalid.</exception>
    OmsClient CreateClient(string name);
}

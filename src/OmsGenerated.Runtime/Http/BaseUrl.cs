using System;

namespace OmsGenerated.Runtime.Http;

/// <summary>Chooses and normalizes the base URL generated clients prefix to paths.</summary>
public static class BaseUrl
{
    public static string Resolve(string? configured, string? specDefault)
    {
        var chosen = !string.IsNullOrWhiteSpace(configured) ? configured : specDefault;
        if (string.IsNullOrWhiteSpace(chosen))
        {
            throw new InvalidOperationException("No base address: pass one to the client, set HttpClient.BaseAddress, or add an absolute server URL to the API description.");
        }

        if (!Uri.TryCreate(chosen, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The base address '" + chosen + "' is not an absolute http(s) URL.", nameof(configured));
        }

        return chosen!.TrimEnd('/');
    }
}

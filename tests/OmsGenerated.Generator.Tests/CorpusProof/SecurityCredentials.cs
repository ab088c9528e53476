using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>
/// Placeholder credentials for every security scheme a document declares (<c>components.securitySchemes</c> or 2.0
/// <c>securityDefinitions</c>), so that Prism, which checks that credentials are present, judges the rest of the
/// request. Made-up values for a local mock only; an existing header or query parameter is left as the client set it.
/// </summary>
internal sealed class SecurityCredentials
{
    private readonly string? _authorization;
    private readonly List<string> _headers = new();
    private readonly List<string> _queries = new();

    private SecurityCredentials(JsonObject? schemes)
    {
        string? basic = null;
        string? bearer = null;
        foreach ((_, JsonNode? raw) in schemes ?? new JsonObject())
        {
            string? type = raw?["type"]?.ToString();
            string? scheme = raw?["scheme"]?.ToString()?.ToLowerInvariant();
            if (type is "basic" || (type is "http" && scheme is "basic"))
            {
                basic = "Basic " + Convert.ToBase64String("mock-user:mock-password"u8.ToArray());
            }
            else if (type is "oauth2" or "openIdConnect" || (type is "http" && scheme is "bearer"))
            {
                bearer = "Bearer mock-token";
            }
            else if (type is "apiKey" && raw?["name"]?.ToString() is { Length: > 0 } name)
            {
                switch (raw["in"]?.ToString())
                {
                    case "header":
                        _headers.Add(name);
                        break;
                    case "query":
                        _queries.Add(name);
                        break;
                }
            }
        }

        _authorization = bearer ?? basic;
    }

    public static SecurityCredentials From(JsonNode? document)
        => new((document?["components"]?["securitySchemes"] ?? document?["securityDefinitions"]) as JsonObject);

    public void Apply(HttpRequestMessage request)
    {
        if (_authorization is not null && request.Headers.Authorization is null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(_authorization);
        }

        foreach (string header in _headers.Where(h => !request.Headers.Contains(h) && !string.Equals(h, "Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(header, "mock-key");
        }

        if (_queries.Count > 0 && request.RequestUri is { } uri)
        {
            string query = uri.Query.TrimStart('?');
            var present = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToHashSet(StringComparer.Ordinal);
            var added = _queries.Where(q => !present.Contains(q)).Select(q => Uri.EscapeDataString(q) + "=mock-key");
            string combined = string.Join("&", new[] { query }.Where(q => q.Length > 0).Concat(added));
            request.RequestUri = new UriBuilder(uri) { Query = combined }.Uri;
        }
    }
}

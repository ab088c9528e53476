using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Generator.Tests.ClientSurface;

/// <summary>
/// Security schemes become credentials plugged into the client: what reaches the server for apiKey (header, query,
/// cookie), HTTP bearer and basic, OAuth2 with an async token provider, a requirement naming two schemes, the first
/// satisfiable alternative, and <c>security: []</c>; secrets stay out of ToString and error messages; unsupported
/// schemes are located warnings.
/// </summary>
public sealed class SecuritySchemeTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Secure, version: '1'}
        security:
          - headerKey: []
        paths:
          /header:
            get: {operationId: viaHeader, responses: {'204': {description: none}}}
          /query:
            get: {operationId: viaQuery, security: [{queryKey: []}], parameters: [{name: q, in: query, schema: {type: string}}], responses: {'204': {description: none}}}
          /cookie:
            get: {operationId: viaCookie, security: [{cookieKey: []}], parameters: [{name: theme, in: cookie, schema: {type: string}}], responses: {'204': {description: none}}}
          /oauth:
            get: {operationId: viaOauth, security: [{oauth: [read]}], responses: {'204': {description: none}}}
          /basic:
            get: {operationId: viaBasic, security: [{basic: []}], responses: {'204': {description: none}}}
          /both:
            get: {operationId: viaBoth, security: [{headerKey: [], bearer: []}], responses: {'204': {description: none}}}
          /public:
            get: {operationId: anonymous, security: [], responses: {'204': {description: none}}}
          /fallback:
            get: {operationId: fallback, security: [{oidc: []}, {queryKey: []}], responses: {'204': {description: none}}}
          /echo:
            get:
              operationId: echo
              responses:
                '204': {description: none}
                '401': {description: denied, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        components:
          schemas:
            Problem: {type: object, properties: {message: {type: string}}}
          securitySchemes:
            headerKey: {type: apiKey, in: header, name: X-Api-Key}
            queryKey: {type: apiKey, in: query, name: api_key}
            cookieKey: {type: apiKey, in: cookie, name: sid}
            bearer: {type: http, scheme: bearer}
            basic: {type: http, scheme: basic}
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: r}}}}
            oidc: {type: openIdConnect, openIdConnectUrl: 'https://auth.example.com/.well-known/openid-configuration'}
            mtls: {type: mutualTLS}
            digest: {type: http, scheme: digest}
            nameless: {type: apiKey, in: header}
        """;

    [Fact]
    public async Task EachSchemeSendsItsCredentialWhereTheDocumentSays()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond = request => request.RawTarget.StartsWith("/echo", System.StringComparison.Ordinal)
            ? (401, new Dictionary<string, string>(), "{\"message\":\"key hdr-secret-0123456789 is not valid\"}")
            : (204, new Dictionary<string, string>(), string.Empty);
        const string probe = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using OmsGenerated.Runtime.Auth;
            using Live.Api;
            public static class Probe
            {
                public static async Task<string> RunAsync(HttpClient http)
                {
                    var calls = 0;
                    var credentials = new LiveClientCredentials
                    {
                        HeaderKey = new ApiKeyCredential("hdr-secret-0123456789"),
                        QueryKey = new ApiKeyCredential("q&secret 42"),
                        CookieKey = new ApiKeyCredential("cookie;secret"),
                        Bearer = new BearerTokenCredential("static-bearer-token"),
                        Basic = new BasicCredential("user", "p@ss:word"),
                        Oauth = new BearerTokenCredential(async ct => { await Task.Yield(); calls++; return "oauth-token-" + calls; }),
                    };
                    ILiveClient client = new LiveClient(http, null, credentials);
                    await client.ViaHeaderAsync();
                    await client.ViaQueryAsync(q: "x");
                    await client.ViaCookieAsync(theme: "dark");
                    await client.ViaOauthAsync();
                    await client.ViaOauthAsync();
                    await client.ViaBasicAsync();
                    await client.ViaBothAsync();
                    await client.AnonymousAsync();
                    await client.FallbackAsync();
                    string message;
                    try { await client.EchoAsync(); message = "no exception"; }
                    catch (System.Exception e) { message = e.Message + "|" + e; }
                    return string.Join("\n", credentials.HeaderKey, credentials.QueryKey, credentials.Basic, credentials.Oauth, credentials, message);
                }
            }
            """;

        var output = await LiveClient.RunAsync(Document, probe, server, "OAPI005");

        var requests = server.Requests;
        RecordedRequest At(string path) => requests.First(r => r.RawTarget.StartsWith(path, System.StringComparison.Ordinal));
        Assert.Equal("hdr-secret-0123456789", At("/header").Header("X-Api-Key"));
        Assert.Null(At("/header").Header("Authorization"));
        Assert.Equal("/query?q=x&api_key=q%26secret%2042", At("/query").RawTarget);
        Assert.Null(At("/query").Header("X-Api-Key"));
        Assert.Equal("theme=dark; sid=cookie%3Bsecret", At("/cookie").Header("Cookie"));
        Assert.Equal(new[] { "Bearer oauth-token-1", "Bearer oauth-token-2" }, requests.Where(r => r.RawTarget == "/oauth").Select(r => r.Header("Authorization")));
        Assert.Equal("Basic " + System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:p@ss:word")), At("/basic").Header("Authorization"));
        Assert.Equal("hdr-secret-0123456789", At("/both").Header("X-Api-Key"));
        Assert.Equal("Bearer static-bearer-token", At("/both").Header("Authorization"));
        var anonymous = At("/public");
        Assert.Null(anonymous.Header("Authorization"));
        Assert.Null(anonymous.Header("X-Api-Key"));
        Assert.Equal("/public", anonymous.RawTarget);
        Assert.Equal("/fallback?api_key=q%26secret%2042", At("/fallback").RawTarget);

        foreach (var secret in new[] { "hdr-secret-0123456789", "q&secret 42", "cookie;secret", "static-bearer-token", "p@ss:word", "oauth-token" })
        {
            Assert.DoesNotContain(secret, output, System.StringComparison.Ordinal);
        }

        Assert.Contains("ApiKeyCredential ***", output, System.StringComparison.Ordinal);
        Assert.Contains("is not valid", output, System.StringComparison.Ordinal); // the echoed message is there, with the key blanked
    }

    [Fact]
    public void UnsupportedSchemesAreLocatedWarnings()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/live.yaml", Document, "Live.Api", "LiveClient"));
        var warnings = result.GeneratorDiagnostics.Where(d => d.Id == "OAPI005").ToList();
        var lines = Document.Split('\n');
        foreach (var (scheme, words) in new[] { ("mtls", "mutualTLS"), ("digest", "digest"), ("nameless", "without a name") })
        {
            var warning = Assert.Single(warnings, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'" + scheme + "'", System.StringComparison.Ordinal));
            Assert.Contains(words, warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
            var line = warning.Location.GetLineSpan().StartLinePosition.Line;
            Assert.StartsWith(scheme + ":", lines[line].TrimStart(), System.StringComparison.Ordinal); // at the scheme's key
        }

        var source = LiveClient.Source(Document);
        Assert.DoesNotContain(" Mtls ", source, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" Digest ", source, System.StringComparison.Ordinal);
    }
}

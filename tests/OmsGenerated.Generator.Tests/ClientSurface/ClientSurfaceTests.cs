using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Generator.Tests.ClientSurface;

/// <summary>
/// The client's surface: an interface a test double implements, raw responses with the headers the document declares
/// as typed properties, per-call request headers, [GeneratedCode] on the client, and helper names that stay distinct
/// when operation names differ only in case or by a Kelvin sign.
/// </summary>
public sealed class ClientSurfaceTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Surface, version: '1'}
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
              responses:
                '201':
                  description: created
                  headers:
                    Location: {schema: {type: string}}
                    X-RateLimit-Remaining: {schema: {type: integer, format: int32}}
                    X-RateLimit-Reset: {schema: {type: string, format: date-time}}
                    X-Trace: {schema: {type: string}}
                  content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
                '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
            get:
              operationId: listPets
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}
                '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}}
          /pets/{id}:
            delete:
              operationId: deletePet
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '204': {description: gone}
          /a: {get: {operationId: "getAb\u212A", responses: {'204': {description: none}}}}
          /b: {get: {operationId: getAbk, responses: {'204': {description: none}}}}
          /d: {get: {operationId: getAbkOverRequestAdapter, responses: {'204': {description: none}}}}
        components:
          schemas:
            Pet: {type: object, properties: {name: {type: string}}}
            Problem: {type: object, properties: {message: {type: string}}}
        """;

    [Fact]
    public async Task RawResponseCarriesStatusAndTypedHeadersAndPerCallHeadersAreSent()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond = request => request.Method == "POST"
            ? (201, new Dictionary<string, string> { ["Location"] = "/pets/7", ["X-RateLimit-Remaining"] = "41", ["X-RateLimit-Reset"] = "2026-12-04T03:00:00Z" }, "{\"name\":\"Rex\"}")
            : (204, new Dictionary<string, string>(), string.Empty);
        const string probe = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using OmsGenerated.Runtime.Http;
            using Live.Api;
            public static class Probe
            {
                public static async Task<string> RunAsync(HttpClient http)
                {
                    ILiveClient client = new LiveClient(http);
                    var options = new ApiRequestOptions { ConfigureRequest = r => r.Headers.TryAddWithoutValidation("X-Configured", "yes") };
                    options.Headers["X-Request-Id"] = "call-1";
                    CreatePetApiResponse created = await client.CreatePetWithResponseAsync(new Pet { Name = "Rex" }, options);
                    ApiResponse deleted = await client.DeletePetWithResponseAsync("7");
                    return string.Join("|", created.StatusCode, created.Value.Name, created.Location, created.XRateLimitRemaining,
                        created.XRateLimitReset?.ToUnixTimeSeconds(), created.XTrace ?? "none", created.Headers.GetString("x-ratelimit-remaining"),
                        deleted.StatusCode, created.ToString().Contains("41"));
                }
            }
            """;

        var output = await LiveClient.RunAsync(Document, probe, server);

        Assert.Equal("201|Rex|/pets/7|41|" + System.DateTimeOffset.Parse("2026-12-04T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() + "|none|41|204|False", output);
        var post = server.Requests[0];
        Assert.Equal("call-1", post.Header("X-Request-Id"));
        Assert.Equal("yes", post.Header("X-Configured"));
        Assert.Null(server.Requests[1].Header("X-Request-Id"));
    }

    [Fact]
    public async Task ATestDoubleImplementsTheInterface()
    {
        await using var server = await RecordingServer.StartAsync();
        const string probe = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using OmsGenerated.Runtime.Http;
            using Live.Api;
            public sealed class FakePets : ILiveClient
            {
                public Task<Pet> CreatePetAsync(Pet body, CancellationToken cancellationToken = default) => Task.FromResult(new Pet { Name = "fake " + body.Name });
                public Task<CreatePetApiResponse> CreatePetWithResponseAsync(Pet body, ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
                public Task<List<Pet>> ListPetsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new List<Pet>());
                public Task<ApiResponse<List<Pet>>> ListPetsWithResponseAsync(ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
                public Task DeletePetAsync(string id, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<ApiResponse> DeletePetWithResponseAsync(string id, ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
                public Task GetAb\u212AAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<ApiResponse> GetAb\u212AWithResponseAsync(ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
                public Task GetAbkAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<ApiResponse> GetAbkWithResponseAsync(ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
                public Task GetAbkOverRequestAdapterAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                public Task<ApiResponse> GetAbkOverRequestAdapterWithResponseAsync(ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) => throw new System.NotSupportedException();
            }
            public static class Probe
            {
                public static async Task<string> RunAsync(HttpClient http)
                {
                    ILiveClient client = new FakePets();
                    var pet = await client.CreatePetAsync(new Pet { Name = "Rex" });
                    var generated = typeof(LiveClient).GetCustomAttributes(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), false).Length;
                    return pet.Name + "|" + typeof(ILiveClient).IsAssignableFrom(typeof(LiveClient)) + "|" + generated;
                }
            }
            """;

        Assert.Equal("fake Rex|True|1", await LiveClient.RunAsync(Document, probe, server));
    }

    [Fact]
    public void HelperNamesAreDistinctUnderCaseFoldingAndErrorMapsAreShared()
    {
        var source = LiveClient.Source(Document);
        var client = source.Substring(0, source.IndexOf("partial interface", System.StringComparison.Ordinal));
        var helpers = System.Text.RegularExpressions.Regex.Matches(client, @"private (?:static|async) [^\n(=]*? (\w+)(?: = |\()")
            .Select(m => m.Groups[1].Value)
            .ToList();
        // getAb\u212A (a Kelvin sign) and getAbk are two methods, but their helpers would fold to one name, and the
        // adapter helper of either would fold to the method generated for getAbkOverRequestAdapter
        Assert.Contains("GetAbkOverRequestAdapterAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("GetAb\u212A_2OverRequestAdapterAsync", helpers);
        Assert.Contains("GetAbk_3OverRequestAdapterAsync", helpers);
        var folded = helpers.Select(h => h.Normalize(System.Text.NormalizationForm.FormKC).ToUpperInvariant()).ToList();
        Assert.Equal(folded.Count, folded.Distinct().Count());

        // createPet and listPets map the same errors: one mapper and one Kiota table serve both, each method and its raw twin
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(client, @"ApiErrorException MapCreatePetError\("));
        Assert.DoesNotContain("MapListPetsError", client, System.StringComparison.Ordinal);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(client, @"\bMapCreatePetError\b").Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(client, @"\bs_createPetKiotaErrors\b").Count);
    }
}

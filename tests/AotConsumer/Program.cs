// Calls the generated client over an in-memory handler, so the published native binary proves the whole path —
// URL building, JSON writing and reading, typed errors — works without reflection. Prints what it got; exit code 0.
using System.Net;
using System.Text;
using AotConsumer.Shop;

var handler = new CannedHandler();
var client = new ShopClient(new HttpClient(handler), new Uri("http://shop.test/v1"));

var created = await client.CreatePetAsync(new NewPet { Name = "Rex", Kind = Kind.Dog, Tags = new() { "good" } });
Console.WriteLine("created " + created.Id + " " + created.Name + " sent " + handler.LastBody);

var pets = await client.ListPetsAsync(limit: 2, kind: Kind.Cat);
Console.WriteLine("listed " + pets.Count + " via " + handler.LastUri);

try
{
    await client.ListPetsAsync(limit: 1);
}
catch (ProblemException problem)
{
    Console.WriteLine("error " + problem.StatusCode + " " + problem.ErrorCode);
}

internal sealed class CannedHandler : HttpMessageHandler
{
    public string? LastBody { get; private set; }

    public Uri? LastUri { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastUri = request.RequestUri;
        LastBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var (status, json) = request.Method == HttpMethod.Post
            ? (HttpStatusCode.Created, """{"id":"6f1c2a3e-0000-4000-8000-000000000001","name":"Rex","kind":"dog"}""")
            : request.RequestUri!.Query.Contains("limit=1", StringComparison.Ordinal)
                ? (HttpStatusCode.BadRequest, """{"code":"PET.0001","message":"The pet name is missing."}""")
                : (HttpStatusCode.OK, """[{"id":"6f1c2a3e-0000-4000-8000-000000000002","name":"Tom","kind":"cat"},{"id":"6f1c2a3e-0000-4000-8000-000000000003","name":"Kit"}]""");
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}

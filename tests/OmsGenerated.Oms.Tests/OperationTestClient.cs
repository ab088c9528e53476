using System.Text;
using System.Text.Json;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>Shared pieces of the per-operation end-to-end tests: a client on the stub, and checks of what the stub received.</summary>
internal static class OperationTestClient
{
    public static readonly string ProjectPath = "/v2/" + Canary.ProjectId;

    public static OmsClient Create(OmsStubServer server)
        => OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = Canary.ProjectId,
            Credentials = Canary.Credentials(),
            Retry = StartTaskEndToEndTests.FastRetry(),
        });

    public static StubResponse JsonOk(string body) => new(200, StubResponse.Json, body);

    /// <summary>The one request reached <paramref name="operation"/> at <paramref name="rawTarget"/>, signed (independent verifier) and well formed.</summary>
    public static RecordedRequest AssertSingle(OmsStubServer server, string operation, string method, string rawTarget, bool inProject = true)
    {
        RecordedRequest request = Assert.Single(server.Requests);
        Assert.True(request.AuthValid, "authentication failed at the stub: " + request.AuthFailure);
        Assert.Empty(request.Problems);
        Assert.Equal(operation, request.Operation);
        Assert.Equal(method, request.Method);
        Assert.Equal(rawTarget, request.RawTarget);
        if (inProject)
        {
            Assert.Equal(Canary.ProjectId, request.ProjectId);
        }

        Assert.Equal(200, request.ResponseStatus);
        return request;
    }

    /// <summary>The request body as a JSON object, for comparing fields.</summary>
    public static JsonElement BodyObject(RecordedRequest request)
    {
        Assert.NotEmpty(request.Body);
        using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetString(request.Body));
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }
}

using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>The same generated OmsClient over Kiota's HttpClientRequestAdapter, with AK/SK signing in the HttpClient pipeline.</summary>
public class KiotaCompatibilityTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public KiotaCompatibilityTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private OmsClient CreateClient()
    {
        // Kiota's default middleware (retry, redirect, user agent, ...) in front of the runtime's signing handler.
        var signing = new AkSkSigningHandler(Canary.Credentials(projectId: Canary.ProjectId)) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        HttpClient httpClient = KiotaClientFactory.Create(signing);
        var adapter = new HttpClientRequestAdapter(
            new AnonymousAuthenticationProvider(),
            new JsonParseNodeFactory(),
            new JsonSerializationWriterFactory(),
            httpClient)
        {
            BaseUrl = _server.BaseAddress.ToString(),
        };

        var client = new OmsClient(adapter) { ProjectId = Canary.ProjectId };
        Assert.Equal(_server.BaseAddress.ToString().TrimEnd('/'), client.BaseUrl);
        return client;
    }

    [Fact]
    public async Task StartTask_through_Kiota_is_signed_and_carries_the_body()
    {
        OmsClient client = CreateClient();

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = Assert.Single(_server.Requests);
        StartTaskEndToEndTests.AssertWellFormedStartTask(request);
        Assert.Equal(200, request.ResponseStatus);
    }

    [Fact]
    public async Task OMS_0064_through_Kiota_becomes_ErrorResponseException()
    {
        _server.NextResponse = StubResponse.Oms0064();
        OmsClient client = CreateClient();

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        StartTaskEndToEndTests.AssertWellFormedStartTask(request);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal(400, ex.ResponseStatusCode);
        Assert.Equal("OMS.0064", ex.ErrorCode);
        Assert.Equal("Invalid request parameters.", ex.ErrorMessage);
        Assert.Equal("request parameter [dst_ak] invalid.", ex.ErrorDetail);
        Assert.Equal(request.RequestId, ex.RequestId);
        Assert.Equal(OmsErrorCodes.Oms0064, ex.KnownError?.Code);
        Assert.Contains("OMS.0064", ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "ErrorResponseException.ToString() (Kiota)");
    }

    [Fact]
    public async Task Wrong_key_through_Kiota_becomes_APIGW_0301_with_the_body_request_id()
    {
        var signing = new AkSkSigningHandler(Canary.Credentials(Canary.WrongSecretKey, projectId: Canary.ProjectId)) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), new JsonParseNodeFactory(), new JsonSerializationWriterFactory(), KiotaClientFactory.Create(signing))
        {
            BaseUrl = _server.BaseAddress.ToString(),
        };
        var client = new OmsClient(adapter);

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.ProjectId, Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("APIGW.0301", ex.ErrorCode);
        Assert.Equal(request.RequestId, ex.Error.RequestId);
        Assert.Equal(request.RequestId, ex.RequestId);
        Canary.AssertAbsent(ex.ToString(), "ErrorResponseException.ToString() (Kiota)");
    }

    [Fact]
    public async Task An_undocumented_status_through_Kiota_is_still_an_ApiException_with_the_status()
    {
        _server.NextResponse = StubResponse.BadGatewayHtml();
        OmsClient client = CreateClient();

        ApiException ex = await Assert.ThrowsAnyAsync<ApiException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        Assert.Equal(502, ex.ResponseStatusCode);
        Canary.AssertAbsent(ex.ToString(), "ApiException.ToString() (Kiota)");
    }
}

using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>What the retry policy repeats: the ApiOperation metadata the generated client attaches (x-idempotent for StartTask and StopTask), else the method.</summary>
public class OmsResilienceTests : IClassFixture<StubServerFixture>
{
    private static readonly StubResponse s_unavailable = new(503, StubResponse.Json, "{\"error_code\":\"APIGW.0503\",\"error_msg\":\"busy\"}");
    private readonly OmsStubServer _server;

    public OmsResilienceTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private OmsClient CreateClient() => OmsClientFactory.Create(new OmsClientOptions
    {
        Endpoint = _server.BaseAddress,
        ProjectId = Canary.ProjectId,
        Credentials = Canary.Credentials(),
        Retry = StartTaskEndToEndTests.FastRetry(),
    });

    [Fact]
    public async Task A_POST_start_is_retried_on_503_and_every_attempt_is_signed()
    {
        using OmsClient client = CreateClient();
        _server.NextResponse = s_unavailable;

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1 + new OmsRetryOptions().MaxRetryAttempts, _server.Requests.Count);
        Assert.All(_server.Requests, request =>
        {
            Assert.Equal("StartTask", request.Operation);
            Assert.True(request.AuthValid, request.AuthFailure);
        });
    }

    [Fact]
    public async Task A_POST_create_is_not_retried_on_503()
    {
        using OmsClient client = CreateClient();
        _server.NextResponse = s_unavailable;

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.CreateTaskAsync(new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { CloudType = CloudType.Aliyun, Region = "cn-hangzhou", Ak = Canary.SrcAk, Sk = Canary.SrcSk, Bucket = "src-bucket" },
            DstNode = new DstNodeReq { Region = "cn-north-4", Ak = Canary.DstAk, Sk = Canary.DstSk, Bucket = "dst-bucket" },
        }));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("CreateTask", Assert.Single(_server.Requests).Operation);
    }

    [Fact]
    public async Task A_POST_stop_is_retried_on_503()
    {
        using OmsClient client = CreateClient();
        _server.NextResponse = s_unavailable;

        await Assert.ThrowsAsync<ErrorResponseException>(() => client.StopTaskAsync(Canary.TaskId));

        Assert.Equal(1 + new OmsRetryOptions().MaxRetryAttempts, _server.Requests.Count(r => r.Operation == "StopTask"));
    }

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("DELETE", null, true)]
    [InlineData("PUT", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("PATCH", null, false)]
    [InlineData("POST", true, true)]
    [InlineData("GET", false, false)]
    public void The_metadata_decides_and_the_method_is_the_fallback(string method, bool? declared, bool expected)
    {
        // a URL that used to decide by suffix: it must not any more
        var request = new HttpRequestMessage(new HttpMethod(method), "http://localhost/v2/p/tasks/1/start");
        if (declared is { } idempotent)
        {
            request.Options.Set(ApiOperation.OptionsKey, new ApiOperation("Op", idempotent));
        }

        Assert.Equal(expected, OmsResilience.IsSafeToRetry(request));
        Assert.False(OmsResilience.IsSafeToRetry(null));
    }
}

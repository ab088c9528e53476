using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>The generated OmsClient, built by OmsClientFactory, against the OMS stub over real HTTP.</summary>
public class StartTaskEndToEndTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public StartTaskEndToEndTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private OmsClient CreateClient(string secretKey = Canary.SecretKey, TimeSpan? timeout = null, string? securityToken = null)
        => OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = _server.BaseAddress,
            ProjectId = Canary.ProjectId,
            Credentials = Canary.Credentials(secretKey, securityToken: securityToken),
            Timeout = timeout ?? OmsClientOptions.DefaultTimeout,
            Retry = FastRetry(),
        });

    /// <summary>The default retry policy with short delays, so retried scenarios stay fast.</summary>
    internal static OmsRetryOptions FastRetry() => new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    internal static void AssertWellFormedStartTask(RecordedRequest request, string expectedAuthMode = "aksk")
    {
        Assert.True(request.AuthValid, "authentication failed at the stub: " + request.AuthFailure);
        Assert.Equal(expectedAuthMode, request.AuthMode);
        Assert.Empty(request.Problems);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/" + Canary.ProjectId + "/tasks/" + Canary.TaskId + "/start", request.RawTarget);
        Assert.Equal(Canary.ProjectId, request.ProjectId);
        Assert.Equal(Canary.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture), request.TaskId);
        Assert.Equal(Canary.ProjectId, request.Header("X-Project-Id"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Canary.DstAk, request.JsonString("dst_ak"));
        Assert.Equal(Canary.DstSk, request.JsonString("dst_sk"));
        Assert.Equal(Canary.SrcAk, request.JsonString("src_ak"));
        Assert.Equal(Canary.SrcSk, request.JsonString("src_sk"));
        Assert.Equal(Canary.CdnKey, request.JsonString("source_cdn_authentication_key"));
        Assert.Equal(Canary.DstSecurityToken, request.JsonString("dst_security_token"));
        Assert.Equal(JsonValueKind.True, request.Json!.Value.GetProperty("migrate_failed_object").ValueKind);
        Assert.False(request.Json.Value.TryGetProperty("src_crypto_type", out _), "unset optional fields must be omitted");
    }

    [Fact]
    public async Task StartTask_sends_a_signed_request_with_the_json_body()
    {
        OmsClient client = CreateClient();
        Assert.Equal(_server.BaseAddress.ToString().TrimEnd('/'), client.BaseUrl);
        Assert.Equal(Canary.ProjectId, client.ProjectId);

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = Assert.Single(_server.Requests);
        AssertWellFormedStartTask(request);
        Assert.Equal(200, request.ResponseStatus);
        string authorization = request.Header("Authorization")!;
        Assert.StartsWith("SDK-HMAC-SHA256 Access=" + Canary.AccessKey + ", SignedHeaders=host;x-project-id;x-sdk-date, Signature=", authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTask_with_an_explicit_project_id()
    {
        OmsClient client = CreateClient();
        await client.StartTaskAsync(Canary.ProjectId, Canary.TaskId, Canary.Body(), CancellationToken.None);
        AssertWellFormedStartTask(Assert.Single(_server.Requests));
    }

    [Fact]
    public async Task Temporary_credentials_sign_the_security_token()
    {
        OmsClient client = CreateClient(securityToken: Canary.SecurityToken);
        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = Assert.Single(_server.Requests);
        AssertWellFormedStartTask(request);
        Assert.Equal(Canary.SecurityToken, request.Header("X-Security-Token"));
        Assert.Contains("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token,", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_authentication_sends_X_Auth_Token_and_X_Project_Id()
    {
        OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = _server.BaseAddress,
            ProjectId = Canary.ProjectId,
            AuthToken = Canary.AuthToken,
        });

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = Assert.Single(_server.Requests);
        AssertWellFormedStartTask(request, "token");
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task OMS_0064_becomes_ErrorResponseException_with_every_field()
    {
        _server.NextResponse = StubResponse.Oms0064();
        OmsClient client = CreateClient();

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        AssertWellFormedStartTask(request);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("OMS.0064", ex.ErrorCode);
        Assert.Equal("Invalid request parameters.", ex.ErrorMessage);
        Assert.Equal("request parameter [dst_ak] invalid.", ex.ErrorDetail);
        Assert.Equal(request.RequestId, ex.RequestId);
        Assert.True(ex.HasErrorBody);
        Assert.NotNull(ex.KnownError);
        Assert.Equal(OmsErrorCodes.Oms0064, ex.KnownError!.Code);
        Assert.Equal(400, ex.KnownError.HttpStatus);
        Assert.Contains("OMS.0064", ex.Message, StringComparison.Ordinal);
        Assert.Contains(request.RequestId, ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "ErrorResponseException.ToString()");
    }

    [Fact]
    public async Task OMS_0066_becomes_ErrorResponseException()
    {
        _server.NextResponse = StubResponse.Oms0066();
        OmsClient client = CreateClient();

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("OMS.0066", ex.ErrorCode);
        Assert.Null(ex.ErrorDetail);
        Assert.Equal(request.RequestId, ex.RequestId);
        Assert.Equal(OmsErrorCodes.Oms0066, ex.KnownError?.Code);
        Canary.AssertAbsent(ex.ToString(), "ErrorResponseException.ToString()");
    }

    [Fact]
    public async Task Bad_gateway_html_becomes_ApiErrorException_with_a_bounded_excerpt()
    {
        _server.NextResponse = StubResponse.BadGatewayHtml();
        OmsClient client = CreateClient();

        ApiErrorException ex = await Assert.ThrowsAnyAsync<ApiErrorException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        // 502 is transient: the first attempt and every retry reached the server, each signed afresh
        Assert.Equal(1 + new OmsRetryOptions().MaxRetryAttempts, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.True(r.AuthValid, r.AuthFailure));
        RecordedRequest request = _server.Requests[^1];
        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.False(ex.HasErrorBody);
        Assert.Equal("text/html", ex.ContentType);
        Assert.Equal(request.RequestId, ex.RequestId);
        Assert.NotNull(ex.RawBodyExcerpt);
        Assert.Contains("502 Bad Gateway", ex.RawBodyExcerpt, StringComparison.Ordinal);
        Assert.True(StubResponse.BadGatewayPage.Length > 10_000);
        Assert.InRange(ex.RawBodyExcerpt!.Length, 1, ApiErrorContext.MaxExcerptLength + 1);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 2_000, "the message must stay bounded");
        Canary.AssertAbsent(ex.ToString(), "ApiErrorException.ToString()");
    }

    [Fact]
    public async Task Wrong_secret_key_is_rejected_by_the_gateway_check_as_APIGW_0301()
    {
        OmsClient client = CreateClient(secretKey: Canary.WrongSecretKey);

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.False(request.AuthValid);
        Assert.Contains("signature mismatch", request.AuthFailure, StringComparison.Ordinal);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("APIGW.0301", ex.ErrorCode);
        Assert.Contains("verify aksk signature fail", ex.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(request.RequestId, ex.Error.RequestId);
        Assert.Equal(request.RequestId, ex.RequestId);
        Assert.Equal(OmsErrorCodes.Apigw0301, ex.KnownError?.Code);
        Canary.AssertAbsent(ex.ToString(), "ErrorResponseException.ToString()");
    }

    [Fact]
    public async Task A_stale_X_Sdk_Date_is_rejected_by_the_stub()
    {
        var handler = new AkSkSigningHandler(Canary.Credentials(projectId: Canary.ProjectId), new ShiftedTimeProvider(TimeSpan.FromMinutes(-20)))
        {
            InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        var client = new OmsClient(new HttpClient(handler), _server.BaseAddress) { ProjectId = Canary.ProjectId };

        ErrorResponseException ex = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Contains("X-Sdk-Date", request.AuthFailure, StringComparison.Ordinal);
        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("APIGW.0301", ex.ErrorCode);
    }

    [Fact]
    public async Task A_dst_ak_over_100_characters_is_rejected_before_sending()
    {
        OmsClient client = CreateClient();
        StartTaskReq body = Canary.Body();
        body.DstAk = Canary.DstAk + new string('x', 101 - Canary.DstAk.Length);
        Assert.Equal(101, body.DstAk.Length);

        ArgumentException ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.StartTaskAsync(Canary.TaskId, body));

        Assert.Contains("dst_ak", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dst_ak", ex.ParamName, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        Canary.AssertAbsent(ex.ToString(), "ArgumentException.ToString()");
    }

    [Fact]
    public async Task A_missing_dst_sk_is_rejected_before_sending()
    {
        OmsClient client = CreateClient();
        StartTaskReq body = Canary.Body();
        body.DstSk = null!;

        ArgumentException ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.StartTaskAsync(Canary.TaskId, body));

        Assert.Contains("dst_sk", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_overload_without_project_id_needs_ProjectId()
    {
        var client = new OmsClient(new HttpClient(), _server.BaseAddress);
        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));
        Assert.Contains("ProjectId", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Cancellation_is_honoured_while_waiting_for_the_response()
    {
        _server.NextResponse = StubResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) };
        OmsClient client = CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body(), cts.Token));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "cancellation took " + stopwatch.Elapsed);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        OmsClient client = CreateClient();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body(), cts.Token));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_configured_timeout_applies()
    {
        _server.NextResponse = StubResponse.Ok() with { Delay = TimeSpan.FromSeconds(30) };
        OmsClient client = CreateClient(timeout: TimeSpan.FromMilliseconds(300));

        // the resilience pipeline's total timeout ends the call, however many attempts were in flight
        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));
    }

    private sealed class ShiftedTimeProvider : TimeProvider
    {
        private readonly TimeSpan _shift;

        public ShiftedTimeProvider(TimeSpan shift)
        {
            _shift = shift;
        }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}

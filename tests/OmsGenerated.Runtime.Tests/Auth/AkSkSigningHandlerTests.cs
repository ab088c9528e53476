using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class AkSkSigningHandlerTests
{
    private static readonly DateTimeOffset OmsInstant = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (HttpMessageInvoker Invoker, CapturingHandler Inner, FakeTimeProvider Time) Create(HuaweiCloudCredentials credentials)
    {
        var inner = new CapturingHandler();
        var time = new FakeTimeProvider(OmsInstant);
        var handler = new AkSkSigningHandler(credentials, time) { InnerHandler = inner };
        return (new HttpMessageInvoker(handler), inner, time);
    }

    private static void AssertVerifies(CapturedRequest r, string ak, string sk)
    {
        Assert.True(IndependentAkSkVerifier.Verify(r.Method, r.PathAndQuery, r.Headers, r.Body, ak, sk, out string reason), reason);
    }

    [Fact]
    public async Task StartTask_with_JsonBodyContent_reproduces_the_oms_vector()
    {
        SignatureVector v = SignatureVectors.Get("OMS StartTask");
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey", SignatureVectors.OmsProject));
        using var request = new HttpRequestMessage(HttpMethod.Post, v.Url)
        {
            Content = new JsonBodyContent(Encoding.UTF8.GetBytes(SignatureVectors.StartTaskBody)),
        };

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        CapturedRequest r = inner.Last;
        Assert.Equal(v.ExpectedAuthorization, r.Headers["Authorization"]);
        Assert.Equal(SignatureVectors.OmsDate, r.Headers["X-Sdk-Date"]);
        Assert.Equal(SignatureVectors.OmsHost, r.Headers["Host"]);
        Assert.Equal(SignatureVectors.OmsProject, r.Headers["X-Project-Id"]);
        Assert.Equal("application/json; charset=UTF-8", r.Headers["Content-Type"]);
        Assert.DoesNotContain("content-type", r.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal(SignatureVectors.StartTaskBody, Encoding.UTF8.GetString(r.Body));
        Assert.Equal(1, r.AuthorizationValueCount);
        AssertVerifies(r, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task ListTasks_without_project_reproduces_the_oms_vector()
    {
        SignatureVector v = SignatureVectors.Get("OMS ListTasks");
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var request = new HttpRequestMessage(HttpMethod.Get, v.Url);

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(v.ExpectedAuthorization, inner.Last.Headers["Authorization"]);
        Assert.False(inner.Last.Headers.ContainsKey("X-Project-Id"));
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Same_date_string_is_sent_and_signed()
    {
        var (invoker, inner, time) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        time.Now = new DateTimeOffset(2025, 3, 4, 13, 14, 15, 678, TimeSpan.FromHours(-5));
        var uri = new Uri("https://oms.cn-north-4.myhuaweicloud.com/v2/p/tasks?limit=1");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        CapturedRequest r = inner.Last;
        Assert.Equal("20250304T181415Z", r.Headers["X-Sdk-Date"]);
        var signed = new[]
        {
            new KeyValuePair<string, string>("host", "oms.cn-north-4.myhuaweicloud.com"),
            new KeyValuePair<string, string>("x-sdk-date", "20250304T181415Z"),
        };
        string expected = AkSkSigner.ComputeSignature("GET", uri, signed, default, "20250304T181415Z", "SecretKey");
        Assert.EndsWith("Signature=" + expected, r.Headers["Authorization"], StringComparison.Ordinal);
        AssertVerifies(r, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Security_token_and_project_are_sent_and_signed()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("TempAK", "TempSK", "proj", "sts-token-value"));
        using var request = new HttpRequestMessage(HttpMethod.Delete, "https://oms.example.com/v2/proj/tasks/1");

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        CapturedRequest r = inner.Last;
        Assert.Equal("sts-token-value", r.Headers["X-Security-Token"]);
        Assert.Equal("proj", r.Headers["X-Project-Id"]);
        Assert.StartsWith(
            "SDK-HMAC-SHA256 Access=TempAK, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=",
            r.Headers["Authorization"],
            StringComparison.Ordinal);
        AssertVerifies(r, "TempAK", "TempSK");

        // Changing the token after signing must break the signature: it really is signed.
        r.Headers["X-Security-Token"] = "other";
        Assert.False(IndependentAkSkVerifier.Verify(r.Method, r.PathAndQuery, r.Headers, r.Body, "TempAK", "TempSK", out _));
    }

    [Fact]
    public async Task JsonBodyContent_bytes_are_hashed_exactly()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"name\":\"é \\u00e9\",\"n\":1}");
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://oms.example.com/v2/p/tasks/1")
        {
            Content = new JsonBodyContent(new ReadOnlyMemory<byte>(json)),
        };

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        CapturedRequest r = inner.Last;
        Assert.Equal(json, r.Body);
        string expected = AkSkSigner.ComputeSignature(
            "PUT",
            new Uri("https://oms.example.com/v2/p/tasks/1"),
            new[] { new KeyValuePair<string, string>("host", "oms.example.com"), new KeyValuePair<string, string>("x-sdk-date", SignatureVectors.OmsDate) },
            json,
            SignatureVectors.OmsDate,
            "SecretKey");
        Assert.EndsWith(expected, r.Headers["Authorization"], StringComparison.Ordinal);
        AssertVerifies(r, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Arbitrary_content_is_buffered_and_hashed()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var stream = new System.IO.MemoryStream(Encoding.UTF8.GetBytes("{\"streamed\":true}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/p/sync-tasks")
        {
            Content = new StreamContent(stream),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("{\"streamed\":true}", Encoding.UTF8.GetString(inner.Last.Body));
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
    }

    public static TheoryData<string, bool> NonJsonBodies => new()
    {
        { "multipart", false },
        { "application/octet-stream", false },
        { "text/plain; charset=utf-8", false },
        { "multipart", true },
        { "application/octet-stream", true },
    };

    private static HttpContent NonJsonContent(string kind) => kind == "multipart"
        ? new MultipartFormDataContent("boundary-1") { { new ByteArrayContent(new byte[] { 1, 2, 3 }), "file", "a.bin" } }
        : new ByteArrayContent(new byte[] { 0, 1, 0xFF }) { Headers = { ContentType = MediaTypeHeaderValue.Parse(kind) } };

    [Theory]
    [MemberData(nameof(NonJsonBodies))]
    public async Task A_non_json_body_is_sent_with_UNSIGNED_PAYLOAD_signed_in_place_of_its_hash(string kind, bool synchronous)
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey", SignatureVectors.OmsProject));
        var uri = new Uri("https://" + SignatureVectors.OmsHost + "/v2/" + SignatureVectors.OmsProject + "/objects/upload?part=1");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = NonJsonContent(kind) };
        byte[] sent = await request.Content!.ReadAsByteArrayAsync();

        (synchronous ? invoker.Send(request, CancellationToken.None) : await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        CapturedRequest r = inner.Last;
        Assert.Equal("UNSIGNED-PAYLOAD", r.Headers["X-Sdk-Content-Sha256"]);
        Assert.Equal(sent, r.Body);
        SignatureVector v = SignatureVectors.Get("Derived UNSIGNED-PAYLOAD upload"); // same request, date and keys
        Assert.Equal(v.ExpectedAuthorization, r.Headers["Authorization"]);
        AssertVerifies(r, "AccessKey", "SecretKey");

        // The literal, not the body, is signed: the header is what the signature protects.
        r.Headers["X-Sdk-Content-Sha256"] = Hex.Sha256(r.Body);
        Assert.False(IndependentAkSkVerifier.Verify(r.Method, r.PathAndQuery, r.Headers, r.Body, "AccessKey", "SecretKey", out _));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("APPLICATION/JSON")]
    [InlineData("application/problem+json")]
    [InlineData("application/merge-patch+json; charset=utf-8")]
    [InlineData("application/bson")]
    [InlineData(null)]
    public async Task A_json_or_bson_body_or_one_without_content_type_is_hashed(string? contentType)
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/p/tasks")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"a\":1}")),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        CapturedRequest r = inner.Last;
        Assert.False(r.Headers.ContainsKey("X-Sdk-Content-Sha256"));
        Assert.StartsWith("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, ", r.Headers["Authorization"], StringComparison.Ordinal);
        AssertVerifies(r, "AccessKey", "SecretKey");
        r.Body[^2] ^= 1; // the body really is signed
        Assert.False(IndependentAkSkVerifier.Verify(r.Method, r.PathAndQuery, r.Headers, r.Body, "AccessKey", "SecretKey", out _));
    }

    [Fact]
    public async Task JsonBodyContent_is_hashed_and_a_caller_set_content_sha256_is_signed_as_given()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var json = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/p/tasks")
        {
            Content = new JsonBodyContent(Encoding.UTF8.GetBytes("{}")),
        };
        (await invoker.SendAsync(json, CancellationToken.None)).Dispose();
        Assert.False(inner.Last.Headers.ContainsKey("X-Sdk-Content-Sha256"));

        byte[] body = { 9, 8, 7 };
        using var preset = new HttpRequestMessage(HttpMethod.Put, "https://oms.example.com/v2/p/objects/x")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };
        preset.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", Hex.Sha256(body));
        (await invoker.SendAsync(preset, CancellationToken.None)).Dispose();

        CapturedRequest r = inner.Last;
        Assert.Equal(Hex.Sha256(body), r.Headers["X-Sdk-Content-Sha256"]);
        Assert.Contains("SignedHeaders=host;x-sdk-content-sha256;x-sdk-date,", r.Headers["Authorization"], StringComparison.Ordinal);
        AssertVerifies(r, "AccessKey", "SecretKey");
    }

    [Fact]
    public void Synchronous_send_is_signed_too()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey", "proj"));
        using var json = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/proj/tasks")
        {
            Content = new JsonBodyContent(Encoding.UTF8.GetBytes("{}")),
        };
        using var text = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/proj/tasks")
        {
            Content = new StringContent("plain"),
        };
        using var empty = new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/proj/tasks");

        invoker.Send(json, CancellationToken.None).Dispose();
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
        invoker.Send(text, CancellationToken.None).Dispose();
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
        invoker.Send(empty, CancellationToken.None).Dispose();
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Existing_foreign_authorization_is_not_resigned()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey", "proj"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/proj/tasks");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");

        using HttpResponseMessage response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal("Bearer abc", inner.Last.Headers["Authorization"]);
        Assert.False(inner.Last.Headers.ContainsKey("X-Sdk-Date"));
        Assert.False(inner.Last.Headers.ContainsKey("X-Project-Id"));

        // Another access key's signature is foreign as well.
        using var presigned = new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/proj/tasks");
        presigned.Headers.TryAddWithoutValidation("Authorization", "SDK-HMAC-SHA256 Access=AccessKey2, SignedHeaders=x-sdk-date, Signature=00");
        using HttpResponseMessage response2 = await invoker.SendAsync(presigned, CancellationToken.None);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey2, SignedHeaders=x-sdk-date, Signature=00", inner.Last.Headers["Authorization"]);
    }

    [Fact]
    public async Task Resending_the_same_request_resigns_with_a_fresh_date()
    {
        var (invoker, inner, time) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/p/tasks")
        {
            Content = new JsonBodyContent(Encoding.UTF8.GetBytes("{\"a\":1}")),
        };

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        string first = inner.Last.Headers["Authorization"];
        time.Now = time.Now.AddMinutes(1);
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        CapturedRequest r = inner.Last;
        Assert.Equal("20240101T000100Z", r.Headers["X-Sdk-Date"]);
        Assert.NotEqual(first, r.Headers["Authorization"]);
        Assert.Equal(1, r.AuthorizationValueCount);
        Assert.DoesNotContain(",", r.Headers["X-Sdk-Date"], StringComparison.Ordinal);
        AssertVerifies(r, "AccessKey", "SecretKey");
    }

    [Theory]
    [InlineData("https://oms.example.com:8443/v2/p/tasks", "oms.example.com:8443")]
    [InlineData("https://oms.example.com:443/v2/p/tasks", "oms.example.com")]
    [InlineData("http://oms.example.com:80/v2/p/tasks", "oms.example.com")]
    [InlineData("http://127.0.0.1:5000/v2/p/tasks", "127.0.0.1:5000")]
    [InlineData("http://[::1]:5000/v2/p/tasks", "[::1]:5000")]
    public async Task Host_includes_only_non_default_ports(string url, string expectedHost)
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal(expectedHost, inner.Last.Headers["Host"]);
        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Encoded_path_and_query_verify_on_the_server_side()
    {
        var (invoker, inner, _) = Create(new HuaweiCloudCredentials("AccessKey", "SecretKey"));
        string url = "https://oms.example.com/v2/p/objects/" + Uri.EscapeDataString("dir a/ü(1).txt")
            + "?prefix=" + Uri.EscapeDataString("a b+c/一") + "&flag&x=";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        AssertVerifies(inner.Last, "AccessKey", "SecretKey");
    }

    [Fact]
    public async Task Credentials_provider_allows_rotation()
    {
        var current = new HuaweiCloudCredentials("AK1", "SK1");
        var inner = new CapturingHandler();
        var handler = new AkSkSigningHandler(() => current, new FakeTimeProvider(OmsInstant)) { InnerHandler = inner };
        using var invoker = new HttpMessageInvoker(handler);

        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/p/tasks"), CancellationToken.None)).Dispose();
        AssertVerifies(inner.Last, "AK1", "SK1");

        current = new HuaweiCloudCredentials("AK2", "SK2", securityToken: "tok");
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/p/tasks"), CancellationToken.None)).Dispose();
        AssertVerifies(inner.Last, "AK2", "SK2");
        Assert.Contains("x-security-token", inner.Last.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_or_relative_uri_fails_without_leaking_secrets()
    {
        var (invoker, _, _) = Create(new HuaweiCloudCredentials("CANARYACCESSKEY0001", "canary-secret-0001", securityToken: "canary-token-0001"));

        using var noUri = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);
        InvalidOperationException e1 = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(noUri, CancellationToken.None));
        using var relative = new HttpRequestMessage(HttpMethod.Get, new Uri("/v2/x", UriKind.Relative));
        InvalidOperationException e2 = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(relative, CancellationToken.None));

        foreach (Exception e in new Exception[] { e1, e2 })
        {
            string text = e.ToString();
            Assert.DoesNotContain("CANARYACCESSKEY0001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("canary-secret-0001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("canary-token-0001", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => new AkSkSigningHandler((HuaweiCloudCredentials)null!));
        Assert.Throws<ArgumentNullException>(() => new AkSkSigningHandler((Func<HuaweiCloudCredentials>)null!));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>AK/SK signature and X-Sdk-Date checks, token authentication and the project check.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_wrong_secret_key_gets_401_APIGW_0301_with_request_id()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        var wrong = new HuaweiCloudCredentials(emulator.Credentials.AccessKey, "not-the-secret-key", emulator.ProjectId);
        OmsClient client = TestClients.Create(emulator, credentials: wrong);

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.ShowTaskAsync(emulator.ProjectId, 1001));
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Equal("Incorrect IAM authentication information: verify aksk signature fail", error.ErrorMessage);
        Assert.Matches("^[0-9a-f]{32}$", error.RequestId);
        Assert.Equal(1, emulator.Statistics.SignatureFailures);
        Assert.Equal(1, emulator.Statistics.StatusCount(401));
    }

    [Fact]
    public async Task An_unknown_access_key_gets_401()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        var other = new HuaweiCloudCredentials("OTHERACCESSKEY000000", emulator.Credentials.SecretKey, emulator.ProjectId);
        OmsClient client = TestClients.Create(emulator, credentials: other);
        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.ListTasksAsync(emulator.ProjectId));
        Assert.Equal("APIGW.0301", error.ErrorCode);
    }

    [Fact]
    public async Task The_signature_covers_the_query_and_the_body()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        string tasks = TestClients.TasksPath(emulator);

        using (HttpClient queryChanged = TestClients.RawSigned(emulator, afterSigning: request => request.RequestUri = new Uri(request.RequestUri + "&limit=2")))
        {
            using HttpResponseMessage response = await queryChanged.GetAsync(tasks + "?offset=0");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (HttpClient bodyChanged = TestClients.RawSigned(emulator, afterSigning: request => request.Content = TestClients.Json("""{"dst_ak":"B","dst_sk":"B"}""")))
        {
            using HttpResponseMessage response = await bodyChanged.PostAsync(tasks + "/1001/start", TestClients.Json("""{"dst_ak":"A","dst_sk":"A"}"""));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (HttpClient untouched = TestClients.RawSigned(emulator))
        {
            using HttpResponseMessage response = await untouched.GetAsync(tasks + "?offset=0&limit=2&task_name=demo%20p");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, emulator.Statistics.SignatureFailures);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task An_X_Sdk_Date_outside_the_clock_skew_gets_401_saying_the_date_is_out_of_range(int minutes)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.OverRawSigned(emulator, new ShiftedTimeProvider(TimeSpan.FromMinutes(minutes)));

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.ShowTaskAsync(emulator.ProjectId, 1001));
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("APIGW.0301", error.ErrorCode);
        Assert.Contains("out of range", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Statistics.SignatureFailures);
    }

    [Fact]
    public async Task An_X_Sdk_Date_within_the_clock_skew_is_accepted()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { MaxClockSkew = TimeSpan.FromMinutes(15) });
        OmsClient client = TestClients.OverRawSigned(emulator, new ShiftedTimeProvider(TimeSpan.FromMinutes(-10)));
        Assert.Equal("demo-paused", (await client.ShowTaskAsync(emulator.ProjectId, 1001)).Name);
    }

    [Fact]
    public async Task Without_authentication_or_with_an_unknown_token_the_answer_is_401()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { AuthToken = "emulator-token" });
        using var plain = new HttpClient { BaseAddress = emulator.BaseAddress };
        string path = TestClients.TasksPath(emulator) + "/1001";

        using (HttpResponseMessage none = await plain.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal("application/json; charset=UTF-8", none.Content.Headers.ContentType?.ToString().Replace(";charset", "; charset", StringComparison.Ordinal));
            using JsonDocument body = JsonDocument.Parse(await none.Content.ReadAsStringAsync());
            Assert.Equal("APIGW.0301", body.RootElement.GetProperty("error_code").GetString());
            Assert.Equal(none.Headers.GetValues("X-Request-Id").Single(), body.RootElement.GetProperty("request_id").GetString());
        }

        using (var badToken = new HttpRequestMessage(HttpMethod.Get, path))
        {
            badToken.Headers.Add("X-Auth-Token", "wrong-token");
            using HttpResponseMessage response = await plain.SendAsync(badToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("decrypt token fail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var goodToken = new HttpRequestMessage(HttpMethod.Get, path))
        {
            goodToken.Headers.Add("X-Auth-Token", "emulator-token");
            using HttpResponseMessage response = await plain.SendAsync(goodToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(2, emulator.Statistics.AuthenticationFailures);
    }

    [Fact]
    public async Task Another_project_id_gets_403_OMS_0206()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        var noProject = new HuaweiCloudCredentials(emulator.Credentials.AccessKey, emulator.Credentials.SecretKey);
        OmsClient client = TestClients.Create(emulator, credentials: noProject, projectId: "11111111111111111111111111111111");

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.ShowTaskAsync("11111111111111111111111111111111", 1001));
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("OMS.0206", error.ErrorCode);
    }

    private static HttpRequestMessage OctetStreamShowTask(OmsEmulator emulator, byte[] body) => new(HttpMethod.Get, TestClients.TasksPath(emulator) + "/1001")
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream") } },
    };

    [Fact]
    public async Task A_correctly_signed_UNSIGNED_PAYLOAD_request_is_accepted_and_a_tampered_one_rejected()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        byte[] body = [0, 1, 2, 0xFF];

        using (HttpClient signed = TestClients.RawSigned(emulator))
        {
            using HttpRequestMessage request = OctetStreamShowTask(emulator, body);
            using HttpResponseMessage response = await signed.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("UNSIGNED-PAYLOAD", request.Headers.GetValues("X-Sdk-Content-Sha256").Single());
            Assert.Contains("x-sdk-content-sha256", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        }

        // What a body-changing proxy can do to such a request: the body is not signed, the literal is.
        using (HttpClient bodyChanged = TestClients.RawSigned(emulator, afterSigning: r => r.Content = new ByteArrayContent([9, 9]) { Headers = { ContentType = new("application/octet-stream") } }))
        {
            using HttpRequestMessage request = OctetStreamShowTask(emulator, body);
            using HttpResponseMessage response = await bodyChanged.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, emulator.Statistics.SignatureFailures);
        var tamperings = new Action<HttpRequestMessage>[]
        {
            r => { r.Headers.Remove("X-Sdk-Content-Sha256"); r.Headers.TryAddWithoutValidation("X-Sdk-Content-Sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))); },
            r => r.Headers.Remove("X-Sdk-Content-Sha256"),
            r => r.RequestUri = new Uri(r.RequestUri + "?limit=1"),
        };
        foreach (Action<HttpRequestMessage> tamper in tamperings)
        {
            using HttpClient tampered = TestClients.RawSigned(emulator, afterSigning: tamper);
            using HttpRequestMessage request = OctetStreamShowTask(emulator, body);
            using HttpResponseMessage response = await tampered.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(tamperings.Length, emulator.Statistics.SignatureFailures);
    }

    [Fact]
    public void The_verifier_accepts_the_derived_UNSIGNED_PAYLOAD_vector_and_only_with_the_header_signed()
    {
        // Derived with python3 hashlib/hmac (Runtime.Tests SignatureVectors "Derived UNSIGNED-PAYLOAD upload").
        var date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const string Target = "/v2/2c0689c860ad4728a497c91ec0844383/objects/upload?part=1";
        Dictionary<string, string> Headers(string signedHeaders, string signature) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "oms.cn-north-4.myhuaweicloud.com",
            ["X-Project-Id"] = "2c0689c860ad4728a497c91ec0844383",
            ["X-Sdk-Content-Sha256"] = "UNSIGNED-PAYLOAD",
            ["X-Sdk-Date"] = "20240101T000000Z",
            ["Authorization"] = "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=" + signedHeaders + ", Signature=" + signature,
        };
        Dictionary<string, string> valid = Headers("host;x-project-id;x-sdk-content-sha256;x-sdk-date", "5b293631500276077625b01ee46ab0c8f89e61539aef81986234a492cfdce5a2");

        Assert.Equal(SignatureCheck.Valid, AkSkVerifier.Verify("PUT", Target, valid, [0, 1, 0xFF, 10], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out string reason));
        Assert.Equal(SignatureCheck.Valid, AkSkVerifier.Verify("PUT", Target, valid, [], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out reason));
        Assert.Equal(SignatureCheck.Invalid, AkSkVerifier.Verify("POST", Target, valid, [], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out reason));
        Assert.Equal("signature mismatch", reason);

        valid["X-Sdk-Content-Sha256"] = AkSkSigner.EmptyPayloadSha256.ToUpperInvariant(); // a hash of another body than the one sent
        Assert.Equal(SignatureCheck.Invalid, AkSkVerifier.Verify("PUT", Target, valid, [1], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out reason));
        Assert.Contains("neither UNSIGNED-PAYLOAD nor the body's SHA-256", reason, StringComparison.Ordinal);

        // Sent but not signed: the body hash would be the payload line, and the request is refused before that.
        Dictionary<string, string> unsigned = Headers("host;x-project-id;x-sdk-date", "5b293631500276077625b01ee46ab0c8f89e61539aef81986234a492cfdce5a2");
        Assert.Equal(SignatureCheck.Invalid, AkSkVerifier.Verify("PUT", Target, unsigned, [], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out reason));
        Assert.Equal("X-Sdk-Content-Sha256 is sent but not signed", reason);
    }

    [Fact]
    public async Task The_verifier_accepts_the_published_OMS_shaped_vectors()
    {
        // Reference §3.3: AK "AccessKey", SK "SecretKey", X-Sdk-Date 20240101T000000Z, StartTask and ListTasks.
        var date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var start = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "oms.cn-north-4.myhuaweicloud.com",
            ["X-Project-Id"] = "2c0689c860ad4728a497c91ec0844383",
            ["X-Sdk-Date"] = "20240101T000000Z",
            ["Authorization"] = "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, Signature=e55e24b1ec4acab282c4d23a66d0463b86e02e42a67c0d7f578c33701e639521",
        };
        byte[] body = System.Text.Encoding.UTF8.GetBytes("""{"dst_ak":"DSTAK","dst_sk":"DSTSK","migrate_failed_object":true}""");
        SignatureCheck check = AkSkVerifier.Verify("POST", "/v2/2c0689c860ad4728a497c91ec0844383/tasks/191297407830872/start", start, body, "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out string reason);
        Assert.True(check == SignatureCheck.Valid, reason);

        var list = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "oms.cn-north-4.myhuaweicloud.com",
            ["X-Sdk-Date"] = "20240101T000000Z",
            ["Authorization"] = "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=419e7728d1736466d6dc79862968ce821a3f52ff896db953aa5b9202ff199111",
        };
        check = AkSkVerifier.Verify("GET", "/v2/2c0689c860ad4728a497c91ec0844383/tasks?limit=10&offset=0&status=2", list, [], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out reason);
        Assert.True(check == SignatureCheck.Valid, reason);
        Assert.Equal(SignatureCheck.Invalid, AkSkVerifier.Verify("GET", "/v2/2c0689c860ad4728a497c91ec0844383/tasks?limit=10&offset=1&status=2", list, [], "AccessKey", "SecretKey", date, TimeSpan.FromMinutes(15), out _));
        Assert.Equal(SignatureCheck.DateOutOfRange, AkSkVerifier.Verify("GET", "/v2/2c0689c860ad4728a497c91ec0844383/tasks?limit=10&offset=0&status=2", list, [], "AccessKey", "SecretKey", date.AddMinutes(16), TimeSpan.FromMinutes(15), out _));
    }
}

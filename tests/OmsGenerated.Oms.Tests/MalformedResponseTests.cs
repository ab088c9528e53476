using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Runtime.Errors;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Every malformed answer is the typed <see cref="ApiErrorException"/> with the status and an excerpt of what arrived,
/// never a JsonException, InvalidOperationException or HttpRequestException, with or without the OMS pipeline.
/// </summary>
public sealed class MalformedResponseTests
{
    private static readonly byte[] s_invalidUtf8String = Concat("{\"id\":1001,\"name\":\"bad-", [0xC3, 0x28, 0xFF], "\",\"status\":2}");

    public static TheoryData<string, string, int> SuccessCases() => new()
    {
        { "invalid UTF-8 in a string", "invalid-utf8", 200 },
        { "body shorter than its Content-Length", "short", 200 },
        { "a JSON value of the wrong type", "wrong-type", 200 },
        { "an HTML page", "html", 200 },
        { "an empty body", "empty", 200 },
        { "truncated JSON", "truncated", 200 },
        { "JSON followed by more", "trailing", 200 },
        { "an error with invalid UTF-8 in its message", "invalid-utf8", 400 },
        { "an error body shorter than its Content-Length", "short", 503 },
    };

    [Theory]
    [MemberData(nameof(SuccessCases))]
    public async Task Through_the_OMS_pipeline_a_malformed_answer_is_the_typed_error(string description, string kind, int status)
    {
        await using var server = new RawHttpServer(_ => Answer(kind, status));
        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = Canary.ProjectId,
            AuthToken = Canary.AuthToken,
            Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
        });

        ApiErrorException error = await CatchTyped(() => client.ShowTaskAsync(1001), description);

        AssertDescribes(error, kind, status);
    }

    [Theory]
    [MemberData(nameof(SuccessCases))]
    public async Task Over_a_plain_HttpClient_a_malformed_answer_is_the_typed_error(string description, string kind, int status)
    {
        await using var server = new RawHttpServer(_ => Answer(kind, status));
        using var httpClient = new HttpClient(new TokenAuthHandler(Canary.AuthToken) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        var client = new OmsClient(httpClient, server.BaseAddress) { ProjectId = Canary.ProjectId };

        ApiErrorException error = await CatchTyped(() => client.ShowTaskAsync(1001), description);

        AssertDescribes(error, kind, status);
    }

    [Fact]
    public async Task A_short_success_body_is_retried_then_reported_with_what_arrived()
    {
        await using var server = new RawHttpServer(_ => Answer("short", 200));
        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = Canary.ProjectId,
            AuthToken = Canary.AuthToken,
            Retry = new OmsRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });

        ApiErrorException error = await CatchTyped(() => client.ShowTaskAsync(1001), "short");

        Assert.Equal(3, server.Requests.Count); // a read is safe to repeat: retried twice
        Assert.Contains("ended before it was complete", error.Message);
        Assert.Contains("{\"id\":1001", error.RawBodyExcerpt);
    }

    [Fact]
    public async Task A_response_that_echoes_the_request_credentials_has_them_blanked_in_the_excerpt()
    {
        // A proxy's error page that prints the request it got, headers and all.
        await using var server = new RawHttpServer(head => RawHttpServer.Response("502 Bad Gateway", "text/html", Encoding.UTF8.GetBytes("<html><pre>" + head + "</pre></html>")));
        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = Canary.ProjectId,
            Credentials = Canary.Credentials(securityToken: Canary.SecurityToken),
            Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
        });

        ApiErrorException error = await CatchTyped(() => client.ShowTaskAsync(1001), "echo");

        Assert.Contains("X-Security-Token", error.RawBodyExcerpt); // the echo is there ...
        Assert.Contains("X-Security-Token: ***", error.RawBodyExcerpt);
        foreach (string secret in Canary.All)
        {
            Assert.DoesNotContain(secret, error.RawBodyExcerpt); // ... its values are not
            Assert.DoesNotContain(secret, error.Message);
        }

        string signature = Regex.Match(server.Requests.Single(), "Signature=([0-9a-f]+)").Groups[1].Value;
        Assert.NotEmpty(signature);
        Assert.DoesNotContain(signature, error.RawBodyExcerpt);
    }

    [Fact]
    public async Task A_response_that_echoes_the_request_body_has_its_credential_fields_blanked()
    {
        // A gateway's 400 page that quotes the body it could not parse: dst_sk, src_sk, tokens and the CDN key with it.
        await using var server = new RawHttpServer(request => RawHttpServer.Response("400 Bad Request", "text/plain", Encoding.UTF8.GetBytes("cannot parse: " + request[(request.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])));
        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = server.BaseAddress,
            ProjectId = Canary.ProjectId,
            AuthToken = Canary.AuthToken,
            Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
        });

        ApiErrorException error = await CatchTyped(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()), "echo body");

        Assert.Contains("\"dst_sk\":\"***\"", error.RawBodyExcerpt); // the echo is there ...
        foreach (string secret in Canary.All)
        {
            Assert.DoesNotContain(secret, error.RawBodyExcerpt); // ... its credentials are not
            Assert.DoesNotContain(secret, error.Message);
        }
    }

    private static async Task<ApiErrorException> CatchTyped(Func<Task> call, string description)
    {
        Exception? thrown = await Record.ExceptionAsync(call);
        Assert.True(thrown is ApiErrorException, description + ": expected ApiErrorException, got " + (thrown?.GetType().FullName ?? "no exception") + ": " + thrown);
        return (ApiErrorException)thrown!;
    }

    private static void AssertDescribes(ApiErrorException error, string kind, int status)
    {
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("raw-req-1", error.RequestId);
        string expected = kind switch
        {
            "invalid-utf8" => "\"id\":1001,\"name\":\"bad-",
            "short" => "{\"id\":1001",
            "wrong-type" => "[\"not\",\"a\",\"task\"]",
            "html" => "<title>Maintenance</title>",
            "truncated" => "{\"id\":1001,\"name\":\"ab",
            "trailing" => "<!-- injected -->",
            _ => string.Empty,
        };
        Assert.Contains(expected, error.RawBodyExcerpt);
        if (kind == "short" && status == 200)
        {
            Assert.Contains("ended before it was complete", error.Message);
        }
    }

    private static byte[] Answer(string kind, int status)
    {
        string statusLine = status switch { 200 => "200 OK", 400 => "400 Bad Request", _ => "503 Service Unavailable" };
        const string json = "application/json;charset=UTF-8";
        return kind switch
        {
            "invalid-utf8" => RawHttpServer.Response(statusLine, json, status == 200 ? s_invalidUtf8String : Concat("{\"error_code\":\"OMS.0001\",\"error_msg\":\"bad-", [0xFF], "\",\"id\":1001,\"name\":\"bad-\"}")),
            "short" => RawHttpServer.Response(statusLine, json, Encoding.UTF8.GetBytes("{\"id\":1001,\"na"), contentLength: 200),
            "wrong-type" => RawHttpServer.Response(statusLine, json, Encoding.UTF8.GetBytes("[\"not\",\"a\",\"task\"]")),
            "html" => RawHttpServer.Response(statusLine, "text/html", Encoding.UTF8.GetBytes("<html><head><title>Maintenance</title></head></html>")),
            "empty" => RawHttpServer.Response(statusLine, json, []),
            "truncated" => RawHttpServer.Response(statusLine, json, Encoding.UTF8.GetBytes("{\"id\":1001,\"name\":\"ab")),
            "trailing" => RawHttpServer.Response(statusLine, json, Encoding.UTF8.GetBytes("{\"id\":1001,\"name\":\"ok\",\"status\":2}<!-- injected -->")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static byte[] Concat(string before, byte[] middle, string after)
        => Encoding.UTF8.GetBytes(before).Concat(middle).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
}

using System.Net;
using System.Net.Http;
using System.Text;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Http;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Errors;

/// <summary>
/// What a response may echo of the request and what the error keeps of it: <see cref="ApiErrorContext.BodyExcerpt"/>
/// blanks every request credential the body repeats, in whatever form the request carried it.
/// </summary>
public class RequestSecretsTests
{
    private const string Sk = "secret-key-value-0000000000000000000000";
    private const string Ak = "ACCESSKEYEXAMPLE0000";
    private const string Signature = "5b293631aa00bb11cc22dd33ee44ff5566778899aabbccddeeff001122cdce5a2";

    [Theory]
    [InlineData("""{"dst_ak":"x","dst_sk":"SK"}""")]
    [InlineData("{\n  \"dst_sk\" : \"SK\",\n  \"other\": 1\n}")] // written by someone else: whitespace around the colon
    [InlineData("""{"nested":{"list":[1,"plain"],"password":"SK"}}""")]
    [InlineData("""{"note":"a \"quoted\" text","dst_sk":"SK"}""")] // an escaped quote before the credential
    public void A_body_credential_the_response_repeats_is_blanked(string requestJson)
    {
        ApiErrorContext context = Context(Request(requestJson.Replace("SK", Sk)), "cannot parse: " + requestJson.Replace("SK", Sk));

        Assert.DoesNotContain(Sk, context.BodyExcerpt());
        Assert.Contains("***", context.BodyExcerpt());
    }

    [Fact]
    public void A_repeated_property_name_or_an_unrepeated_value_is_kept()
    {
        // "source_cdn_authentication_key" is a name, not a credential; the SK itself is not in the response.
        ApiErrorContext context = Context(Request("{\"source_cdn_authentication_key\":\"" + Sk + "\"}"), "unknown field source_cdn_authentication_key");

        Assert.Equal("unknown field source_cdn_authentication_key", context.BodyExcerpt());
    }

    [Theory]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=SIG")]
    [InlineData("SDK-HMAC-SHA256 access=AK,signedheaders=host;x-sdk-date,signature=SIG")] // another signer's casing and spacing
    public void The_access_key_and_signature_of_an_echoed_authorization_are_blanked(string authorization)
    {
        using HttpRequestMessage request = Request("{}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("AK", Ak).Replace("SIG", Signature));

        string excerpt = Context(request, "<pre>Authorization: " + request.Headers.NonValidated["Authorization"] + "</pre>").BodyExcerpt();

        Assert.DoesNotContain(Ak, excerpt);
        Assert.DoesNotContain(Signature, excerpt);
        Assert.Contains("SDK-HMAC-SHA256", excerpt);
    }

    [Fact]
    public void A_token_header_the_response_repeats_is_blanked()
    {
        using HttpRequestMessage request = Request("{}");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "token-value-123456789");

        Assert.Equal("echo: ***", Context(request, "echo: token-value-123456789").BodyExcerpt());
    }

    private static HttpRequestMessage Request(string json)
        => new(HttpMethod.Post, "https://oms.example.test/v2/p/tasks/1/start") { Content = new JsonBodyContent(Encoding.UTF8.GetBytes(json)) };

    private static ApiErrorContext Context(HttpRequestMessage request, string responseBody)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request, Content = new StringContent(responseBody) };
        return ApiErrorContext.FromResponse(response, Encoding.UTF8.GetBytes(responseBody));
    }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class AkSkSignerTests
{
    [Theory]
    [MemberData(nameof(SignatureVectors.Names), MemberType = typeof(SignatureVectors))]
    public void ComputeSignature_matches_vector(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);

        string signature = AkSkSigner.ComputeSignature(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body, v.SdkDate, v.SecretKey);

        Assert.Equal(v.ExpectedSignature, signature);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.Names), MemberType = typeof(SignatureVectors))]
    public void CreateAuthorization_matches_vector(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);

        string authorization = AkSkSigner.CreateAuthorization(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body, v.SdkDate, v.AccessKey, v.SecretKey);

        Assert.Equal(v.ExpectedAuthorization, authorization);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.Names), MemberType = typeof(SignatureVectors))]
    public void Non_array_header_lists_give_the_same_signature(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);

        var list = new List<KeyValuePair<string, string>>(v.SignedHeaders);
        var readOnly = new ReadOnlyCollection<KeyValuePair<string, string>>(list);

        Assert.Equal(v.ExpectedSignature, AkSkSigner.ComputeSignature(v.Method, new Uri(v.Url), list, v.Body, v.SdkDate, v.SecretKey));
        Assert.Equal(v.ExpectedSignature, AkSkSigner.ComputeSignature(v.Method, new Uri(v.Url), readOnly, v.Body, v.SdkDate, v.SecretKey));
    }

    [Fact]
    public void Official_guide_canonical_request_hash()
    {
        SignatureVector v = SignatureVectors.Get("1 official guide (content-type signed)");

        Assert.Equal(v.ExpectedCanonicalRequestHash, CanonicalStrings.RequestHash(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body));
        Assert.Equal(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n"
            + "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n"
            + "content-type;host;x-sdk-date\n" + AkSkSigner.EmptyPayloadSha256,
            CanonicalStrings.Request(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body));
    }

    [Fact]
    public void Net_post_canonical_request_has_trailing_slash_and_empty_query_line()
    {
        SignatureVector v = SignatureVectors.Get("3 NET POST");

        string canonical = CanonicalStrings.Request(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body);

        Assert.StartsWith("POST\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123/\n\nhost:", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Oms_start_task_payload_hash_and_string_to_sign_hash()
    {
        SignatureVector v = SignatureVectors.Get("OMS StartTask");

        Assert.Equal("0929d560f8a0127cc67363cb980560a047274a2db772ff9b7b8152f1f33c9bec", Hex.Sha256(v.Body));
        string canonical = CanonicalStrings.Request(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body);
        Assert.EndsWith("\n0929d560f8a0127cc67363cb980560a047274a2db772ff9b7b8152f1f33c9bec", canonical, StringComparison.Ordinal);
        Assert.Equal(v.ExpectedCanonicalRequestHash, CanonicalStrings.RequestHash(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body));
    }

    [Fact]
    public void Oms_list_tasks_canonical_query()
    {
        SignatureVector v = SignatureVectors.Get("OMS ListTasks");

        string canonical = CanonicalStrings.Request(v.Method, new Uri(v.Url), v.SignedHeaders, v.Body);

        Assert.Contains("\nlimit=10&offset=0&status=2\n", canonical, StringComparison.Ordinal);
    }

    private const string ExpectedCanonicalQuery =
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29";

    [Fact]
    public void Canonical_query_vector_from_escaped_uri()
    {
        string query = "?limit=1&enable=true&test=" + Uri.EscapeDataString("一 (&=?!#%.*)")
            + "&path=" + Uri.EscapeDataString("/tmp/123") + "&multi=3&multi=1&multi=2";
        var uri = new Uri("https://example.com/p" + query);

        Assert.Equal(ExpectedCanonicalQuery, CanonicalStrings.Query(uri.Query));
        Assert.Equal(ExpectedCanonicalQuery, CanonicalStrings.Query(query));
    }

    [Fact]
    public void Canonical_query_vector_from_minimally_escaped_raw_query()
    {
        // Only the structural characters are escaped; the rest is literal, including a non-ASCII character.
        string raw = "multi=2&test=一 (%26%3D%3F!%23%25.*)&path=/tmp/123&limit=1&multi=1&enable=true&multi=3";

        Assert.Equal(ExpectedCanonicalQuery, CanonicalStrings.Query(raw));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?", "")]
    [InlineData("?flag", "flag=")]
    [InlineData("?b=&a", "a=&b=")]
    [InlineData("?a=1&&b=2&", "a=1&b=2")]
    [InlineData("?a=x=y", "a=x%3Dy")]
    [InlineData("?a+b=c+d", "a%2Bb=c%2Bd")]
    [InlineData("?k=%7e%2d%5F", "k=~-_")]
    [InlineData("?bad=%zz%4", "bad=%25zz%254")]
    [InlineData("?a%2Fb=2&a-b=1&a=0", "a=0&a-b=1&a%2Fb=2")] // sorted on decoded names: "-" (0x2D) < "/" (0x2F), unlike the encoded "%2F"
    public void Canonical_query_edge_cases(string query, string expected)
    {
        Assert.Equal(expected, CanonicalStrings.Query(query));
        Assert.Equal(expected, OmsGenerated.Tests.Shared.IndependentAkSkVerifier.CanonicalQuery(query.TrimStart('?')));
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/v1/a", "/v1/a/")]
    [InlineData("/v1/a/", "/v1/a/")]
    [InlineData("/a%20b/c", "/a%20b/c/")]
    [InlineData("/a b/c", "/a%20b/c/")]
    [InlineData("/%e4%b8%80/x", "/%E4%B8%80/x/")]
    [InlineData("/一/x", "/%E4%B8%80/x/")]
    [InlineData("/a+b/(c)*!", "/a%2Bb/%28c%29%2A%21/")]
    [InlineData("/a~b_c-d.e", "/a~b_c-d.e/")]
    [InlineData("/a%2Fb", "/a/b/")]
    [InlineData("/x%zz", "/x%25zz/")]
    [InlineData("/😀", "/%F0%9F%98%80/")]
    public void Canonical_uri_cases(string path, string expected)
    {
        Assert.Equal(expected, CanonicalStrings.Uri(path));
        Assert.Equal(expected, OmsGenerated.Tests.Shared.IndependentAkSkVerifier.CanonicalUri(path));
    }

    [Theory]
    [InlineData("/a/./b", "/a/./b/")] // dot segments are ordinary segments, as in the Python SDK (Uri removes literal ones first)
    [InlineData("/a/../b", "/a/../b/")]
    [InlineData("/..", "/../")]
    [InlineData("/a/%2E%2E/b", "/a/../b/")]
    [InlineData("/a/.%2e/b", "/a/../b/")]
    public void Canonical_uri_dot_segments_as_the_python_sdk(string path, string expected)
    {
        Assert.Equal(expected, CanonicalStrings.Uri(path));
        Assert.Equal(expected, OmsGenerated.Tests.Shared.IndependentAkSkVerifier.CanonicalUri(path));
    }

    // Expected values from python3: "/".join(quote(s, safe="~") for s in unquote(path).split("/")) + "/"; unquote
    // replaces bytes that are not UTF-8 with U+FFFD (one per maximal invalid subsequence), as .NET's decoder does.
    [Theory]
    [InlineData("/%FF", "/%EF%BF%BD/")]
    [InlineData("/a%C3/b", "/a%EF%BF%BD/b/")]
    [InlineData("/%E4%B8/x", "/%EF%BF%BD/x/")]
    [InlineData("/%E4%B8%80%80", "/%E4%B8%80%EF%BF%BD/")]
    [InlineData("/%ED%A0%80", "/%EF%BF%BD%EF%BF%BD%EF%BF%BD/")]
    [InlineData("/%C0%AF", "/%EF%BF%BD%EF%BF%BD/")]
    [InlineData("/caf%C3%A9%FF/x", "/caf%C3%A9%EF%BF%BD/x/")]
    [InlineData("/%F0%9F%98", "/%EF%BF%BD/")]
    public void Canonical_uri_invalid_utf8_as_the_python_sdk(string path, string expected)
    {
        Assert.Equal(expected, CanonicalStrings.Uri(path));
    }

    [Fact]
    public void Canonical_uri_lone_surrogate_is_U_FFFD()
    {
        Assert.Equal("/a%EF%BF%BDb/", CanonicalStrings.Uri("/a\uD800b"));
    }

    [Fact]
    public void Unsigned_payload_ignores_the_body_and_only_when_the_header_is_signed()
    {
        SignatureVector v = SignatureVectors.Get("Derived UNSIGNED-PAYLOAD upload");
        var uri = new Uri(v.Url);

        Assert.Equal(v.ExpectedCanonicalRequestHash, CanonicalStrings.RequestHash(v.Method, uri, v.SignedHeaders, v.Body));
        Assert.EndsWith("\nUNSIGNED-PAYLOAD", CanonicalStrings.Request(v.Method, uri, v.SignedHeaders, v.Body), StringComparison.Ordinal);
        Assert.Equal(v.ExpectedSignature, AkSkSigner.ComputeSignature(v.Method, uri, v.SignedHeaders, Array.Empty<byte>(), v.SdkDate, v.SecretKey));
        Assert.Equal(v.ExpectedSignature, AkSkSigner.ComputeSignature(v.Method, uri, v.SignedHeaders, new byte[5000], v.SdkDate, v.SecretKey));

        KeyValuePair<string, string>[] withoutHeader = Array.FindAll(v.SignedHeaders, h => h.Key != "x-sdk-content-sha256");
        string bodyHashed = CanonicalStrings.Request(v.Method, uri, withoutHeader, v.Body);
        Assert.EndsWith("\n" + Hex.Sha256(v.Body), bodyHashed, StringComparison.Ordinal);
        Assert.NotEqual(v.ExpectedSignature, AkSkSigner.ComputeSignature(v.Method, uri, withoutHeader, v.Body, v.SdkDate, v.SecretKey));
    }

    [Fact]
    public void Method_is_upper_cased_and_header_values_trimmed()
    {
        SignatureVector v = SignatureVectors.Get("2 NET GET");
        var padded = new[]
        {
            new KeyValuePair<string, string>("host", "  service.region.example.com\t"),
            new KeyValuePair<string, string>("x-sdk-date", " 20191115T033655Z "),
        };

        Assert.Equal(v.ExpectedSignature, AkSkSigner.ComputeSignature("get", new Uri(v.Url), padded, v.Body, v.SdkDate, v.SecretKey));
    }

    [Fact]
    public void Large_inputs_use_pooled_buffers_and_agree_with_the_independent_verifier()
    {
        string longSegment = new string('a', 3000) + " é";
        var uri = new Uri("https://example.com/v1/" + Uri.EscapeDataString(longSegment) + "?q=" + new string('z', 2000) + "&a=%20");
        string date = "20240101T000000Z";
        var headers = new[]
        {
            new KeyValuePair<string, string>("host", "example.com"),
            new KeyValuePair<string, string>("x-long", new string('v', 5000)),
            new KeyValuePair<string, string>("x-sdk-date", date),
        };
        byte[] body = new byte[100_000];
        new Random(42).NextBytes(body);
        string secret = new string('S', 400);

        string authorization = AkSkSigner.CreateAuthorization("PUT", uri, headers, body, date, "AK", secret);

        var received = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = "example.com",
            ["X-Long"] = headers[1].Value,
            ["X-Sdk-Date"] = date,
            ["Authorization"] = authorization,
        };
        Assert.True(
            OmsGenerated.Tests.Shared.IndependentAkSkVerifier.Verify("PUT", uri.PathAndQuery, received, body, "AK", secret, out string reason),
            reason);
    }

    [Fact]
    public void Many_query_parameters_use_the_pooled_range_table()
    {
        var sb = new StringBuilder("https://example.com/p?");
        for (int i = 99; i >= 0; i--)
        {
            sb.Append("k").Append(i % 7).Append('=').Append(i).Append('&');
        }

        var uri = new Uri(sb.ToString());
        Assert.Equal(
            OmsGenerated.Tests.Shared.IndependentAkSkVerifier.CanonicalQuery(uri.Query.TrimStart('?')),
            CanonicalStrings.Query(uri.Query));
    }

    [Fact]
    public void FormatSdkDate_is_utc_and_culture_invariant()
    {
        var local = new DateTimeOffset(2024, 1, 1, 8, 5, 9, TimeSpan.FromHours(8));

        Assert.Equal("20240101T000509Z", AkSkSigner.FormatSdkDate(local));
        Assert.Equal("00010101T000000Z", AkSkSigner.FormatSdkDate(DateTimeOffset.MinValue));
        Assert.Equal(
            local.UtcDateTime.ToString(AkSkSigner.SdkDateFormat, System.Globalization.CultureInfo.InvariantCulture),
            AkSkSigner.FormatSdkDate(local));
    }

    [Fact]
    public void Empty_body_hash_constant()
    {
        Assert.Equal(AkSkSigner.EmptyPayloadSha256, Hex.Sha256(Array.Empty<byte>()));
    }

    [Fact]
    public void Relative_uri_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => AkSkSigner.ComputeSignature(
            "GET", new Uri("/v1/x", UriKind.Relative), Array.Empty<KeyValuePair<string, string>>(), default, "20240101T000000Z", "SK"));
    }
}

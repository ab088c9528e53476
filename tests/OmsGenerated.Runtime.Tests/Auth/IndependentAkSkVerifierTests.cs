using System;
using System.Collections.Generic;
using System.Text;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class IndependentAkSkVerifierTests
{
    private static Dictionary<string, string> ReceivedHeaders(SignatureVector v, string? authorization = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> h in v.SignedHeaders)
        {
            // Received with conventional casing; the verifier must not care.
            headers[h.Key == "x-sdk-date" ? "X-Sdk-Date" : h.Key == "host" ? "Host" : h.Key] = h.Value;
        }

        headers["Authorization"] = authorization ?? v.ExpectedAuthorization;
        headers["User-Agent"] = "unsigned/1.0";
        return headers;
    }

    private static string PathAndQuery(SignatureVector v) => new Uri(v.Url).PathAndQuery;

    [Theory]
    [MemberData(nameof(SignatureVectors.Names), MemberType = typeof(SignatureVectors))]
    public void Accepts_every_vector(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);

        bool ok = IndependentAkSkVerifier.Verify(v.Method, PathAndQuery(v), ReceivedHeaders(v), v.Body, v.AccessKey, v.SecretKey, out string reason);

        Assert.True(ok, reason);
        Assert.Equal(string.Empty, reason);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.BodySignedNames), MemberType = typeof(SignatureVectors))]
    public void Rejects_tampered_body(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);
        byte[] tampered = v.Body.Length == 0 ? Encoding.UTF8.GetBytes("x") : (byte[])v.Body.Clone();
        if (v.Body.Length > 0)
        {
            tampered[^1] ^= 1;
        }

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, PathAndQuery(v), ReceivedHeaders(v), tampered, v.AccessKey, v.SecretKey, out string reason));
        Assert.Contains("signature mismatch", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SignatureVectors.Names), MemberType = typeof(SignatureVectors))]
    public void Rejects_tampered_path(string name)
    {
        SignatureVector v = SignatureVectors.Get(name);
        string pathAndQuery = PathAndQuery(v);
        int q = pathAndQuery.IndexOf('?');
        string tampered = q < 0 ? pathAndQuery + "x" : pathAndQuery.Insert(q, "x");

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, tampered, ReceivedHeaders(v), v.Body, v.AccessKey, v.SecretKey, out string reason));
        Assert.Contains("signature mismatch", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_tampered_query_method_header_and_date()
    {
        SignatureVector v = SignatureVectors.Get("OMS ListTasks");
        string pq = PathAndQuery(v);

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq.Replace("limit=10", "limit=11", StringComparison.Ordinal), ReceivedHeaders(v), v.Body, v.AccessKey, v.SecretKey, out _));
        Assert.False(IndependentAkSkVerifier.Verify("DELETE", pq, ReceivedHeaders(v), v.Body, v.AccessKey, v.SecretKey, out _));

        Dictionary<string, string> otherHost = ReceivedHeaders(v);
        otherHost["Host"] = "evil.example.com";
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, otherHost, v.Body, v.AccessKey, v.SecretKey, out _));

        Dictionary<string, string> otherDate = ReceivedHeaders(v);
        otherDate["X-Sdk-Date"] = "20240101T000001Z";
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, otherDate, v.Body, v.AccessKey, v.SecretKey, out _));
    }

    [Fact]
    public void Reordered_query_is_still_accepted()
    {
        SignatureVector v = SignatureVectors.Get("OMS ListTasks");
        string pq = new Uri(v.Url).AbsolutePath + "?status=2&offset=0&limit=10";

        Assert.True(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v), v.Body, v.AccessKey, v.SecretKey, out string reason), reason);
    }

    [Fact]
    public void Rejects_wrong_keys_and_malformed_authorization()
    {
        SignatureVector v = SignatureVectors.Get("OMS StartTask");
        string pq = PathAndQuery(v);

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v), v.Body, "OtherKey", v.SecretKey, out string r1));
        Assert.Equal("unexpected access key", r1);

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v), v.Body, v.AccessKey, "WrongSecret", out string r2));
        Assert.DoesNotContain("WrongSecret", r2, StringComparison.Ordinal);
        Assert.DoesNotContain(v.SecretKey, r2, StringComparison.Ordinal);

        Dictionary<string, string> noAuth = ReceivedHeaders(v);
        noAuth.Remove("Authorization");
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, noAuth, v.Body, v.AccessKey, v.SecretKey, out string r3));
        Assert.Equal("missing Authorization header", r3);

        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v, "Bearer abc"), v.Body, v.AccessKey, v.SecretKey, out _));
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v, v.ExpectedAuthorization.Replace(", ", ",", StringComparison.Ordinal)), v.Body, v.AccessKey, v.SecretKey, out _));
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v, v.ExpectedAuthorization[..^1] + "0"), v.Body, v.AccessKey, v.SecretKey, out _));

        string withoutDate = v.ExpectedAuthorization.Replace("host;x-project-id;x-sdk-date", "host;x-project-id", StringComparison.Ordinal);
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, ReceivedHeaders(v, withoutDate), v.Body, v.AccessKey, v.SecretKey, out string r4));
        Assert.Equal("x-sdk-date is not signed", r4);

        Dictionary<string, string> missingProject = ReceivedHeaders(v);
        missingProject.Remove("x-project-id");
        Assert.False(IndependentAkSkVerifier.Verify(v.Method, pq, missingProject, v.Body, v.AccessKey, v.SecretKey, out string r5));
        Assert.Contains("x-project-id", r5, StringComparison.Ordinal);
    }
}

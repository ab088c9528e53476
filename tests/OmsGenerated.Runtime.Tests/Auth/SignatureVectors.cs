using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>A published or derived SDK-HMAC-SHA256 vector (reference oms-api.md §3.3).</summary>
internal sealed record SignatureVector(
    string Name,
    string Method,
    string Url,
    KeyValuePair<string, string>[] SignedHeaders,
    byte[] Body,
    string SdkDate,
    string AccessKey,
    string SecretKey,
    string ExpectedSignature,
    string? ExpectedCanonicalRequestHash = null)
{
    public string SignedHeaderNames => string.Join(";", SignedHeaders.Select(h => h.Key));

    public string ExpectedAuthorization
        => $"SDK-HMAC-SHA256 Access={AccessKey}, SignedHeaders={SignedHeaderNames}, Signature={ExpectedSignature}";

    public override string ToString() => Name;
}

internal static class SignatureVectors
{
    private const string GuideDate = "20191115T033655Z";
    private const string PyDate = "20200608T023900Z";
    private const string GoDate = "20060102T150405Z";
    internal const string OmsDate = "20240101T000000Z";
    internal const string OmsHost = "oms.cn-north-4.myhuaweicloud.com";
    internal const string OmsProject = "2c0689c860ad4728a497c91ec0844383";
    internal const string StartTaskBody = "{\"dst_ak\":\"DSTAK\",\"dst_sk\":\"DSTSK\",\"migrate_failed_object\":true}";

    private static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    public static readonly SignatureVector[] All =
    {
        new(
            "1 official guide (content-type signed)",
            "GET",
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            new[] { H("content-type", "application/json"), H("host", "service.region.example.com"), H("x-sdk-date", GuideDate) },
            Array.Empty<byte>(),
            GuideDate,
            "QTWAOYTTINDUT2QVKYUC",
            "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc",
            "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"),
        new(
            "2 NET GET",
            "GET",
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            new[] { H("host", "service.region.example.com"), H("x-sdk-date", GuideDate) },
            Array.Empty<byte>(),
            GuideDate,
            "AccessKey",
            "SecretKey",
            "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d"),
        new(
            "3 NET POST",
            "POST",
            "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123",
            new[] { H("host", "service.region.example.com"), H("x-sdk-date", GuideDate) },
            Encoding.UTF8.GetBytes("{\"key\":\"value\"}"),
            GuideDate,
            "AccessKey",
            "SecretKey",
            "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771"),
        new(
            "4 PY GET",
            "GET",
            "https://service.endpoint.myhuaweicloud.com/resources?size=1",
            new[] { H("host", "service.endpoint.myhuaweicloud.com"), H("x-sdk-date", PyDate) },
            Array.Empty<byte>(),
            PyDate,
            "AccessKey",
            "SecretKey",
            "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"),
        new(
            "5 PY POST",
            "POST",
            "https://service.endpoint.myhuaweicloud.com/resources?size=1",
            new[] { H("host", "service.endpoint.myhuaweicloud.com"), H("x-sdk-date", PyDate) },
            Encoding.UTF8.GetBytes("{\"name\":\"test\",\"id\":1}"),
            PyDate,
            "AccessKey",
            "SecretKey",
            "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f"),
        new(
            "6a GO test 1 (x-sdk-date only)",
            "GET",
            "https://example.huaweicloud.com/path?limit=1",
            new[] { H("x-sdk-date", GoDate) },
            Array.Empty<byte>(),
            GoDate,
            "AccessKey",
            "SecretKey",
            "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"),
        new(
            "6b GO test 2 (body with trailing newline)",
            "POST",
            "https://example.huaweicloud.com/path?key=value",
            new[] { H("x-sdk-date", GoDate) },
            Encoding.UTF8.GetBytes("{\"Name\":\"test\",\"Id\":1}\n"),
            GoDate,
            "AccessKey",
            "SecretKey",
            "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"),
        new(
            "OMS StartTask",
            "POST",
            "https://" + OmsHost + "/v2/" + OmsProject + "/tasks/191297407830872/start",
            new[] { H("host", OmsHost), H("x-project-id", OmsProject), H("x-sdk-date", OmsDate) },
            Encoding.UTF8.GetBytes(StartTaskBody),
            OmsDate,
            "AccessKey",
            "SecretKey",
            "e55e24b1ec4acab282c4d23a66d0463b86e02e42a67c0d7f578c33701e639521",
            "da012e7307f649fb6db8605ed705ebd36b0f5bac048927befecc4ab5a78a4874"),
        new(
            "OMS ListTasks",
            "GET",
            "https://" + OmsHost + "/v2/" + OmsProject + "/tasks?limit=10&offset=0&status=2",
            new[] { H("host", OmsHost), H("x-sdk-date", OmsDate) },
            Array.Empty<byte>(),
            OmsDate,
            "AccessKey",
            "SecretKey",
            "419e7728d1736466d6dc79862968ce821a3f52ff896db953aa5b9202ff199111"),

        // Derived (python3 hashlib/hmac, not the runtime): x-sdk-content-sha256 signed, so the payload line is the literal
        // and the body bytes do not count. Canonical-request hash 9a50106c…e696a5.
        new(
            "Derived UNSIGNED-PAYLOAD upload",
            "PUT",
            "https://" + OmsHost + "/v2/" + OmsProject + "/objects/upload?part=1",
            new[] { H("host", OmsHost), H("x-project-id", OmsProject), H("x-sdk-content-sha256", "UNSIGNED-PAYLOAD"), H("x-sdk-date", OmsDate) },
            new byte[] { 0x00, 0x01, 0xFF, (byte)'\n' },
            OmsDate,
            "AccessKey",
            "SecretKey",
            "5b293631500276077625b01ee46ab0c8f89e61539aef81986234a492cfdce5a2",
            "9a50106ccac849075c0f2c58da39e77d7744505dba31714c86b16a1191e696a5"),
    };

    public static SignatureVector Get(string name) => All.Single(v => v.Name == name);

    public static TheoryData<string> Names => new(All.Select(v => v.Name));

    /// <summary>The vectors whose payload line is the body hash (not a signed x-sdk-content-sha256).</summary>
    public static TheoryData<string> BodySignedNames => new(All.Where(v => !v.SignedHeaders.Any(h => h.Key == "x-sdk-content-sha256")).Select(v => v.Name));
}

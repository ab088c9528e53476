using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Benchmarks;

/// <summary>
/// The AK/SK signer alone for the OMS StartTask request, against the floor of any SDK-HMAC-SHA256 signer: the three
/// crypto calls (SHA-256 of the body, SHA-256 of an already built canonical request, HMAC-SHA256 of the string to sign)
/// and the hex encodings between them, on preallocated buffers, returning the hex signature. An informational method
/// does the same three steps on <see cref="IncrementalHash"/> objects created once in the setup, to show how much of the
/// cost is the per-call native context setup of the one-shot calls.
/// </summary>
[MemoryDiagnoser]
public class SignerBenchmarks
{
    private Uri _uri = null!;
    private KeyValuePair<string, string>[] _signedHeaders = null!;
    private byte[] _body = null!;
    private string _sdkDate = null!;

    private byte[] _canonical = null!;   // canonical request, its last 64 bytes receive hex(SHA-256(body))
    private byte[] _stringToSign = null!; // "SDK-HMAC-SHA256\n{date}\n" + 64 bytes for hex(SHA-256(canonical))
    private byte[] _key = null!;
    private IncrementalHash _sha256 = null!;
    private IncrementalHash _hmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        _uri = new Uri($"{BenchEnvironment.BaseUrl}/v2/{BenchEnvironment.ProjectId}/tasks/{BenchEnvironment.TaskId}/start");
        _sdkDate = AkSkSigner.FormatSdkDate(FixedTimeProvider.Instance.GetUtcNow());
        _signedHeaders =
        [
            new("host", _uri.Host),
            new("x-project-id", BenchEnvironment.ProjectId),
            new("x-sdk-date", _sdkDate),
        ];
        _body = Encoding.UTF8.GetBytes($$"""{"src_ak":"{{Payload.SrcAk}}","src_sk":"{{Payload.SrcSk}}","dst_ak":"{{Payload.DstAk}}","dst_sk":"{{Payload.DstSk}}"}""");

        string canonicalPrefix = "POST\n" + _uri.AbsolutePath + "/\n\n"
            + "host:" + _uri.Host + "\nx-project-id:" + BenchEnvironment.ProjectId + "\nx-sdk-date:" + _sdkDate + "\n\n"
            + "host;x-project-id;x-sdk-date\n";
        _canonical = new byte[Encoding.UTF8.GetByteCount(canonicalPrefix) + 64];
        Encoding.UTF8.GetBytes(canonicalPrefix, _canonical);
        string stsPrefix = AkSkSigner.Algorithm + "\n" + _sdkDate + "\n";
        _stringToSign = new byte[stsPrefix.Length + 64];
        Encoding.ASCII.GetBytes(stsPrefix, _stringToSign);
        _key = Encoding.UTF8.GetBytes(BenchEnvironment.Credentials.SecretKey);
        _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);

        string ours = AkSkSigner.ComputeSignature("POST", _uri, _signedHeaders, _body, _sdkDate, BenchEnvironment.Credentials.SecretKey);
        string floor = Floor();
        if (ours != floor)
        {
            throw new InvalidOperationException($"The floor signer disagrees with AkSkSigner: {floor} vs {ours}.");
        }

        string reused = FloorWithReusedContexts();
        if (reused != floor)
        {
            throw new InvalidOperationException($"The floor with reused hash contexts disagrees with the floor: {reused} vs {floor}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sha256.Dispose();
        _hmac.Dispose();
    }

    /// <summary>The floor's prebuilt inputs (for the diagnostics).</summary>
    internal (byte[] Body, byte[] Canonical, byte[] StringToSign, byte[] Key) FloorInputs => (_body, _canonical, _stringToSign, _key);

    [Benchmark(Baseline = true, Description = "Floor (3 crypto calls + hex)")]
    public string Floor()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_body, hash);
        Convert.TryToHexStringLower(hash, _canonical.AsSpan(_canonical.Length - 64), out _);
        SHA256.HashData(_canonical, hash);
        Convert.TryToHexStringLower(hash, _stringToSign.AsSpan(_stringToSign.Length - 64), out _);
        HMACSHA256.HashData(_key, _stringToSign, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Informational, not a target: the floor's three steps on reused hash objects (the HMAC one keyed once in the
    /// setup, which a signer must not do with a caller's secret).
    /// </summary>
    [Benchmark(Description = "Floor with reused hash contexts")]
    public string FloorWithReusedContexts()
    {
        Span<byte> hash = stackalloc byte[32];
        _sha256.AppendData(_body);
        _sha256.GetHashAndReset(hash);
        Convert.TryToHexStringLower(hash, _canonical.AsSpan(_canonical.Length - 64), out _);
        _sha256.AppendData(_canonical);
        _sha256.GetHashAndReset(hash);
        Convert.TryToHexStringLower(hash, _stringToSign.AsSpan(_stringToSign.Length - 64), out _);
        _hmac.AppendData(_stringToSign);
        _hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    [Benchmark(Description = "AkSkSigner.CreateAuthorization")]
    public string Ours()
        => AkSkSigner.CreateAuthorization("POST", _uri, _signedHeaders, _body, _sdkDate, BenchEnvironment.Credentials.AccessKey, BenchEnvironment.Credentials.SecretKey);
}

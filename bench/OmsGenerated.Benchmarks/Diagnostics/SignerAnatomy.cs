using System;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// Where the signer's time goes: the floor's three one-shot crypto calls, the same three calls on reused
/// <see cref="IncrementalHash"/> objects (no per-call native context setup), each call alone, and the signer.
/// Not part of the default run: <c>-- anatomy-signer</c>.
/// </summary>
[MemoryDiagnoser]
public class SignerAnatomy
{
    private readonly SignerBenchmarks _signer = new();
    private IncrementalHash _sha256 = null!;
    private IncrementalHash _hmac = null!;
    private byte[] _body = null!;
    private byte[] _canonical = null!;
    private byte[] _stringToSign = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer.Setup();
        (_body, _canonical, _stringToSign, byte[] key) = _signer.FloorInputs;
        _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        if (ReusedHashes() != _signer.Floor())
        {
            throw new InvalidOperationException("The reused-hash floor disagrees with the one-shot floor.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sha256.Dispose();
        _hmac.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Floor: 3 one-shot crypto calls + hex")]
    public string OneShot() => _signer.Floor();

    [Benchmark(Description = "Floor on reused IncrementalHash objects")]
    public string ReusedHashes()
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

    [Benchmark(Description = "One-shot SHA256.HashData(body) alone")]
    public byte ShaOfBody()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_body, hash);
        return hash[0];
    }

    [Benchmark(Description = "AkSkSigner.CreateAuthorization")]
    public string Signer() => _signer.Ours();
}

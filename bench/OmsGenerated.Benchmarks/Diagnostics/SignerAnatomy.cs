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
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _signer.Setup(); // also checks that the reused-context floor agrees with the one-shot floor
        _body = _signer.FloorInputs.Body;
    }

    [GlobalCleanup]
    public void Cleanup() => _signer.Cleanup();

    [Benchmark(Baseline = true, Description = "Floor: 3 one-shot crypto calls + hex")]
    public string OneShot() => _signer.Floor();

    [Benchmark(Description = "Floor on reused IncrementalHash objects")]
    public string ReusedHashes() => _signer.FloorWithReusedContexts();

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

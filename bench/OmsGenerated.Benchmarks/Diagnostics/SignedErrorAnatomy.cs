using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// The StartTask error path, signed and unsigned, of the floor and of ours side by side in one process (the same calls
/// as <see cref="StartTaskBenchmarks"/>, body built per call): what signing adds to each side's error path, without
/// the launch-to-launch spread of comparing separate runs. Not part of the default run: <c>-- anatomy-signed</c>.
/// </summary>
[MemoryDiagnoser]
public class SignedErrorAnatomy
{
    private readonly StartTaskBenchmarks _signed = new() { Outcome = Outcome.Error, Signing = Signing.Signed };
    private readonly StartTaskBenchmarks _unsigned = new() { Outcome = Outcome.Error, Signing = Signing.Unsigned };

    [GlobalSetup]
    public void Setup()
    {
        _signed.Setup();
        _unsigned.Setup();
    }

    [Benchmark(Baseline = true, Description = "Floor, signed")]
    public Task<string?> FloorSigned() => _signed.Floor();

    [Benchmark(Description = "Ours, signed")]
    public Task<string?> OursSigned() => _signed.Ours();

    [Benchmark(Description = "Floor, unsigned")]
    public Task<string?> FloorUnsigned() => _unsigned.Floor();

    [Benchmark(Description = "Ours, unsigned")]
    public Task<string?> OursUnsigned() => _unsigned.Ours();
}

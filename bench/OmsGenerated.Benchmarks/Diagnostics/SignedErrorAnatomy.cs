using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Benchmarks.Peers;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// The StartTask error path, signed and unsigned, of the floor and of ours side by side in one process (six-field body
/// built per call, as in <see cref="StartTaskBenchmarks"/>): what signing adds to each side's error path.
/// Not part of the default run: <c>-- anatomy-signed</c>.
/// </summary>
[MemoryDiagnoser]
public class SignedErrorAnatomy
{
    private FloorOmsClient _floorSigned = null!;
    private FloorOmsClient _floorUnsigned = null!;
    private OmsClient _oursSigned = null!;
    private OmsClient _oursUnsigned = null!;

    [GlobalSetup]
    public void Setup()
    {
        _floorSigned = new FloorOmsClient(Client(signed: true), BenchEnvironment.BaseUrl);
        _floorUnsigned = new FloorOmsClient(Client(signed: false), BenchEnvironment.BaseUrl);
        _oursSigned = new OmsClient(Client(signed: true), new Uri(BenchEnvironment.BaseUrl));
        _oursUnsigned = new OmsClient(Client(signed: false), new Uri(BenchEnvironment.BaseUrl));
    }

    private static HttpClient Client(bool signed)
    {
        var inner = new InMemoryOmsHandler(fail: true);
        HttpMessageHandler handler = signed
            ? new AkSkSigningHandler(BenchEnvironment.Credentials, FixedTimeProvider.Instance) { InnerHandler = inner }
            : inner;
        return new HttpClient(handler, disposeHandler: true);
    }

    [Benchmark(Baseline = true, Description = "Floor, signed")]
    public Task<string?> FloorSigned() => Floor(_floorSigned);

    [Benchmark(Description = "Ours, signed")]
    public Task<string?> OursSigned() => Ours(_oursSigned);

    [Benchmark(Description = "Floor, unsigned")]
    public Task<string?> FloorUnsigned() => Floor(_floorUnsigned);

    [Benchmark(Description = "Ours, unsigned")]
    public Task<string?> OursUnsigned() => Ours(_oursUnsigned);

    private static async Task<string?> Floor(FloorOmsClient client)
    {
        try
        {
            await client.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, Payload.FloorBody()).ConfigureAwait(false);
            return null;
        }
        catch (FloorApiException e)
        {
            return e.Error?.ErrorCode;
        }
    }

    private static async Task<string?> Ours(OmsClient client)
    {
        try
        {
            var body = new StartTaskReq
            {
                SrcAk = Payload.SrcAk,
                SrcSk = Payload.SrcSk,
                DstAk = Payload.DstAk,
                DstSk = Payload.DstSk,
                SourceCdnAuthenticationKey = Payload.CdnKey,
                MigrateFailedObject = true,
            };
            await client.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, body).ConfigureAwait(false);
            return null;
        }
        catch (ErrorResponseException e)
        {
            return e.ErrorCode;
        }
    }
}

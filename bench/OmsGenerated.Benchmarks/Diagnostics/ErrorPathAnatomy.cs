using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Benchmarks.Peers;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Errors;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// Where the time of the StartTask error path goes (unsigned, in memory): the whole call of the floor and of ours,
/// the floor's exception pushed through two more awaiting async frames (what ours cost before its exception crossed
/// a single async frame, as the floor's does), and the decode and the throw of each side alone.
/// Not part of the default run: <c>-- anatomy</c>.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathAnatomy
{
    private FloorOmsClient _floor = null!;
    private OmsClient _ours = null!;
    private FloorStartTaskBody _floorBody = null!;
    private StartTaskReq _oursBody = null!;
    private ErrorResponseException _oursPrebuilt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _floor = new FloorOmsClient(new HttpClient(new InMemoryOmsHandler(fail: true)), BenchEnvironment.BaseUrl);
        _ours = new OmsClient(new HttpClient(new InMemoryOmsHandler(fail: true)), new Uri(BenchEnvironment.BaseUrl));
        _floorBody = new FloorStartTaskBody { SrcAk = Payload.SrcAk, SrcSk = Payload.SrcSk, DstAk = Payload.DstAk, DstSk = Payload.DstSk };
        _oursBody = new StartTaskReq { SrcAk = Payload.SrcAk, SrcSk = Payload.SrcSk, DstAk = Payload.DstAk, DstSk = Payload.DstSk };
        _oursPrebuilt = ErrorResponseException.FromResponse(ApiErrorContext.FromResponse(ErrorResponse(), InMemoryOmsHandler.ErrorBody));
    }

    private static HttpResponseMessage ErrorResponse()
    {
        var content = new ByteArrayContent(InMemoryOmsHandler.ErrorBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = content };
    }

    [Benchmark(Baseline = true, Description = "Floor: whole call")]
    public async Task<string?> FloorCall()
    {
        try
        {
            await _floor.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, _floorBody).ConfigureAwait(false);
            return null;
        }
        catch (FloorApiException e)
        {
            return e.Error?.ErrorCode;
        }
    }

    [Benchmark(Description = "Floor: whole call, +2 async frames")]
    public async Task<string?> FloorCallDeeper()
    {
        try
        {
            await Frame1().ConfigureAwait(false);
            return null;
        }
        catch (FloorApiException e)
        {
            return e.Error?.ErrorCode;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task Frame1() => await Frame2().ConfigureAwait(false);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task Frame2() => await _floor.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, _floorBody).ConfigureAwait(false);

    [Benchmark(Description = "Ours: whole call")]
    public async Task<string?> OursCall()
    {
        try
        {
            await _ours.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, _oursBody).ConfigureAwait(false);
            return null;
        }
        catch (ErrorResponseException e)
        {
            return e.ErrorCode;
        }
    }

    [Benchmark(Description = "Floor: decode error + new exception (no throw)")]
    public string? FloorDecode()
    {
        using HttpResponseMessage response = ErrorResponse();
        var e = new FloorApiException((int)response.StatusCode, JsonSerializer.Deserialize(InMemoryOmsHandler.ErrorBody, FloorJsonContext.Default.FloorError));
        return e.Error?.ErrorCode;
    }

    [Benchmark(Description = "Ours: ApiErrorContext + FromResponse (no throw)")]
    public string? OursDecode()
    {
        using HttpResponseMessage response = ErrorResponse();
        return ErrorResponseException.FromResponse(ApiErrorContext.FromResponse(response, InMemoryOmsHandler.ErrorBody)).ErrorCode;
    }

    [Benchmark(Description = "Floor: throw + catch, 1 sync frame")]
    public string? FloorThrow()
    {
        try
        {
            throw new FloorApiException(400, null);
        }
        catch (FloorApiException e)
        {
            return e.Message;
        }
    }

    [Benchmark(Description = "Ours: throw + catch (prebuilt), 1 sync frame")]
    public int OursThrow()
    {
        try
        {
            throw _oursPrebuilt;
        }
        catch (ErrorResponseException e)
        {
            return e.StatusCode;
        }
    }
}

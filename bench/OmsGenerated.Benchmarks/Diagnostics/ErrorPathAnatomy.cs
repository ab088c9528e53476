using System;
using System.Globalization;
using System.Threading;
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
using OmsGenerated.Runtime.Json;
using OmsGenerated.Runtime.Validation;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// Where the time of the StartTask error path goes (unsigned, in memory): the whole call of the floor and of ours,
/// the floor's exception pushed through two more awaiting async frames (the depth of ours:
/// StartTaskAsync → ApiTransport.SendAsync → SendCheckedAsync), and the decode and the throw of each side alone.
/// Not part of the default run: <c>-- anatomy</c>.
/// </summary>
[MemoryDiagnoser]
public class ErrorPathAnatomy
{
    private FloorOmsClient _floor = null!;
    private OmsClient _ours = null!;
    private HttpClient _oursHttp = null!;
    private FloorStartTaskBody _floorBody = null!;
    private StartTaskReq _oursBody = null!;
    private ErrorResponseException _oursPrebuilt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _floor = new FloorOmsClient(new HttpClient(new InMemoryOmsHandler(fail: true)), BenchEnvironment.BaseUrl);
        _oursHttp = new HttpClient(new InMemoryOmsHandler(fail: true));
        _ours = new OmsClient(_oursHttp, new Uri(BenchEnvironment.BaseUrl));
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

    /// <summary>
    /// Lab of the proposed fix (bench-only copy of the generated method): the transport returns the error instead of
    /// throwing it, and the generated async method throws it, so it crosses one async frame like the floor's.
    /// </summary>
    [Benchmark(Description = "Lab: ours with the throw in the generated frame")]
    public async Task<string?> OursSingleFrameLab()
    {
        try
        {
            await StartTaskLabAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, _oursBody).ConfigureAwait(false);
            return null;
        }
        catch (ErrorResponseException e)
        {
            return e.ErrorCode;
        }
    }

    private async Task StartTaskLabAsync(string projectId, long taskId, StartTaskReq body, CancellationToken cancellationToken = default)
    {
        Guard.Required(projectId, "project_id");
        Guard.Range((double?)taskId, 0d, false, 999999999999999d, false, "task_id");
        Guard.Required(body, "body");
        body.Validate();
        var url = string.Create(CultureInfo.InvariantCulture, $"{BenchEnvironment.BaseUrl}/v2/{Uri.EscapeDataString(projectId)}/tasks/{taskId}/start");
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = JsonBody.Create(body, static (w, v) => v.WriteJson(w));
        ApiErrorException? error = await LabTransport.SendAsync(_oursHttp, request, static c => ErrorResponseException.FromResponse(c), cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            throw error;
        }
    }

    private static class LabTransport
    {
        /// <summary>Sends; returns null on success, else the operation's error (read, not thrown).</summary>
        public static async ValueTask<ApiErrorException?> SendAsync(HttpClient client, HttpRequestMessage request, Func<ApiErrorContext, ApiErrorException> mapError, CancellationToken cancellationToken)
        {
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return mapError(ApiErrorContext.FromResponse(response, body));
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

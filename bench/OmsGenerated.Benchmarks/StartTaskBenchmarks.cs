using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Benchmarks.Peers;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;
using Refit;

namespace OmsGenerated.Benchmarks;

public enum Outcome
{
    /// <summary>200 with an empty body.</summary>
    Success,

    /// <summary>400 OMS.0064 error JSON, decoded into each contender's typed exception and caught.</summary>
    Error,
}

public enum Signing
{
    Unsigned,

    /// <summary>The runtime's <see cref="AkSkSigningHandler"/> (fixed clock) in every contender's pipeline.</summary>
    Signed,
}

/// <summary>
/// One StartTask call over an in-memory handler (no sockets): the floor (hand-written HttpClient + STJ source-gen) vs our
/// generated <see cref="OmsClient"/> vs the NSwag-generated client (default settings) vs Refit (STJ source-gen).
/// Every contender builds its StartTask body on every call, as callers do, with all six fields a restart sends
/// (<c>src_ak</c>, <c>src_sk</c>, <c>dst_ak</c>, <c>dst_sk</c>, <c>source_cdn_authentication_key</c>,
/// <c>migrate_failed_object</c>), sends the same request (POST /v2/{project_id}/tasks/{task_id}/start) and, on the error
/// path, catches its own typed exception and reads the error code from it.
/// </summary>
[MemoryDiagnoser]
public class StartTaskBenchmarks
{
    private FloorOmsClient _floor = null!;
    private OmsClient _ours = null!;
    private MyNamespace.Client _nswag = null!;
    private IRefitOmsApi _refit = null!;

    [Params(Outcome.Success, Outcome.Error)]
    public Outcome Outcome { get; set; }

    [Params(Signing.Unsigned, Signing.Signed)]
    public Signing Signing { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var baseUri = new Uri(BenchEnvironment.BaseUrl);
        _floor = new FloorOmsClient(CreateHttpClient(out _), BenchEnvironment.BaseUrl);
        _ours = new OmsClient(CreateHttpClient(out _), baseUri);
        _nswag = new MyNamespace.Client(CreateHttpClient(out _)) { BaseUrl = BenchEnvironment.BaseUrl };
        var refitHttp = CreateHttpClient(out _);
        refitHttp.BaseAddress = baseUri;
        _refit = RestService.For<IRefitOmsApi>(refitHttp, RefitOms.Settings);
    }

    private HttpClient CreateHttpClient(out InMemoryOmsHandler inner)
    {
        inner = new InMemoryOmsHandler(Outcome == Outcome.Error);
        HttpMessageHandler handler = Signing == Signing.Signed
            ? new AkSkSigningHandler(BenchEnvironment.Credentials, FixedTimeProvider.Instance) { InnerHandler = inner }
            : inner;
        return new HttpClient(handler, disposeHandler: true);
    }

    [Benchmark(Baseline = true, Description = "Floor (HttpClient+STJ)")]
    public async Task<string?> Floor()
    {
        try
        {
            await _floor.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, Payload.FloorBody()).ConfigureAwait(false);
            return null;
        }
        catch (FloorApiException e)
        {
            return e.Error?.ErrorCode;
        }
    }

    [Benchmark(Description = "OmsGenerated")]
    public async Task<string?> Ours()
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
            await _ours.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, body).ConfigureAwait(false);
            return null;
        }
        catch (ErrorResponseException e)
        {
            return e.ErrorCode;
        }
    }

    [Benchmark(Description = "NSwag")]
    public async Task<string?> NSwag()
    {
        try
        {
            var body = new MyNamespace.StartTaskReq
            {
                Src_ak = Payload.SrcAk,
                Src_sk = Payload.SrcSk,
                Dst_ak = Payload.DstAk,
                Dst_sk = Payload.DstSk,
                Source_cdn_authentication_key = Payload.CdnKey,
                Migrate_failed_object = true,
            };
            await _nswag.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, body).ConfigureAwait(false);
            return null;
        }
        catch (MyNamespace.ApiException<MyNamespace.ErrorResponse> e)
        {
            return e.Result.Error_code;
        }
    }

    [Benchmark(Description = "Refit (STJ)")]
    public async Task<string?> Refit()
    {
        try
        {
            await _refit.StartTaskAsync(BenchEnvironment.ProjectId, BenchEnvironment.TaskId, Payload.FloorBody()).ConfigureAwait(false);
            return null;
        }
        catch (ApiException e)
        {
            // Refit's typed error: the body decoded with the same serializer as requests.
            FloorError? error = await e.GetContentAsAsync<FloorError>().ConfigureAwait(false);
            return error?.ErrorCode;
        }
    }

    /// <summary>Runs every contender once with a recording handler and checks they sent the same request and saw the same outcome.</summary>
    public static async Task<IReadOnlyList<string>> VerifyAsync()
    {
        foreach (Outcome outcome in Enum.GetValues<Outcome>())
        {
            foreach (Signing signing in Enum.GetValues<Signing>())
            {
                var bench = new StartTaskBenchmarks { Outcome = outcome, Signing = signing };
                bench.Setup();
                string? expected = outcome == Outcome.Error ? "OMS.0064" : null;
                Check("Floor", await bench.Floor().ConfigureAwait(false), expected, outcome, signing);
                Check("OmsGenerated", await bench.Ours().ConfigureAwait(false), expected, outcome, signing);
                Check("NSwag", await bench.NSwag().ConfigureAwait(false), expected, outcome, signing);
                Check("Refit", await bench.Refit().ConfigureAwait(false), expected, outcome, signing);
            }
        }

        // Same wire request from everyone (method, path, body fields, signature).
        var recorded = new (string Name, RecordedRequest Request)[4];
        var b = new StartTaskBenchmarks { Outcome = Outcome.Success, Signing = Signing.Signed };
        b.Setup();
        int i = 0;
        foreach ((string name, Func<Task<string?>> call, Func<HttpClient> client) in new (string, Func<Task<string?>>, Func<HttpClient>)[]
                 {
                     ("Floor", b.Floor, () => b.CreateRecordingClient(c => b._floor = new FloorOmsClient(c, BenchEnvironment.BaseUrl))),
                     ("OmsGenerated", b.Ours, () => b.CreateRecordingClient(c => b._ours = new OmsClient(c, new Uri(BenchEnvironment.BaseUrl)))),
                     ("NSwag", b.NSwag, () => b.CreateRecordingClient(c => b._nswag = new MyNamespace.Client(c) { BaseUrl = BenchEnvironment.BaseUrl })),
                     ("Refit", b.Refit, () => b.CreateRecordingClient(c => { c.BaseAddress = new Uri(BenchEnvironment.BaseUrl); b._refit = RestService.For<IRefitOmsApi>(c, RefitOms.Settings); })),
                 })
        {
            client();
            await call().ConfigureAwait(false);
            recorded[i++] = (name, b._recording!.Last ?? throw new InvalidOperationException(name + " sent nothing."));
        }

        var sent = new List<string>();
        string expectedPath = $"/v2/{BenchEnvironment.ProjectId}/tasks/{BenchEnvironment.TaskId}/start";
        foreach ((string name, RecordedRequest request) in recorded)
        {
            if (request.Method != "POST" || request.Uri.AbsolutePath != expectedPath)
            {
                throw new InvalidOperationException($"{name} sent {request.Method} {request.Uri}, expected POST {expectedPath}.");
            }

            if (!request.Headers.Contains("SDK-HMAC-SHA256 Access=", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{name}: the request was not signed.");
            }

            using JsonDocument body = JsonDocument.Parse(request.Body);
            foreach ((string field, string value) in new[] { ("src_ak", Payload.SrcAk), ("src_sk", Payload.SrcSk), ("dst_ak", Payload.DstAk), ("dst_sk", Payload.DstSk), ("source_cdn_authentication_key", Payload.CdnKey) })
            {
                if (!body.RootElement.TryGetProperty(field, out JsonElement v) || v.GetString() != value)
                {
                    throw new InvalidOperationException($"{name}: body field {field} is missing or wrong: {System.Text.Encoding.UTF8.GetString(request.Body)}");
                }
            }

            if (!body.RootElement.TryGetProperty("migrate_failed_object", out JsonElement migrate) || migrate.ValueKind != JsonValueKind.True)
            {
                throw new InvalidOperationException($"{name}: body field migrate_failed_object is missing or not true: {System.Text.Encoding.UTF8.GetString(request.Body)}");
            }

            // NSwag also writes the spec's defaults (the three *_crypto_type fields); the others send exactly the six.
            if (name != "NSwag" && body.RootElement.EnumerateObject().Count() != 6)
            {
                throw new InvalidOperationException($"{name}: the body should hold exactly the six fields: {System.Text.Encoding.UTF8.GetString(request.Body)}");
            }

            sent.Add($"{name}: {request.Method} {request.Uri.PathAndQuery} [{request.ContentHeaders.Trim().ReplaceLineEndings("; ")}] {System.Text.Encoding.UTF8.GetString(request.Body)}");
        }

        return sent;
    }

    private InMemoryOmsHandler? _recording;

    private HttpClient CreateRecordingClient(Action<HttpClient> install)
    {
        HttpClient client = CreateHttpClient(out InMemoryOmsHandler inner);
        inner.Record = true;
        _recording = inner;
        install(client);
        return client;
    }

    private static void Check(string name, string? actual, string? expected, Outcome outcome, Signing signing)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"StartTask {name} ({outcome}, {signing}): got error code '{actual ?? "none"}', expected '{expected ?? "none"}'.");
        }
    }
}

/// <summary>The StartTask body fields every contender sends (with <c>migrate_failed_object: true</c>).</summary>
public static class Payload
{
    public const string SrcAk = "SRCACCESSKEYEXAMPLE0";
    public const string SrcSk = "src-secret-key-example-0000000000000000";
    public const string DstAk = "DSTACCESSKEYEXAMPLE0";
    public const string DstSk = "dst-secret-key-example-0000000000000000";
    public const string CdnKey = "cdn-authentication-key-example-00000000";

    /// <summary>A new body for the floor and Refit (both use the floor's source-generated model), as a caller builds it per call.</summary>
    public static FloorStartTaskBody FloorBody() => new()
    {
        SrcAk = SrcAk,
        SrcSk = SrcSk,
        DstAk = DstAk,
        DstSk = DstSk,
        SourceCdnAuthenticationKey = CdnKey,
        MigrateFailedObject = true,
    };
}

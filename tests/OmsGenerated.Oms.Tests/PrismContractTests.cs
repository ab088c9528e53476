using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// The generated OMS client against Stoplight Prism mocking spec/oms.openapi.yaml: an independent judge of both
/// directions. Every request the client sends must pass Prism's validation (no <c>sl-violations</c>), and every
/// random schema-valid answer Prism makes up (<c>--dynamic</c>) must be read without error and written back equal.
/// </summary>
public sealed class PrismContractTests
{
    private const long TaskId = 191297407830872;

    private static string SpecPath => Path.Combine(PrismMock.RepositoryRoot!, "spec", "oms.openapi.yaml");

    [PrismFact]
    public async Task Every_operation_sends_a_request_the_document_allows()
    {
        await using PrismMock prism = await PrismMock.StartAsync(SpecPath, dynamic: false);
        var recorder = new RecordingHandler();
        OmsClient client = CreateClient(prism, recorder);

        var calls = new (string Operation, Func<Task> Call)[]
        {
            ("ListTasks", () => client.ListTasksAsync(limit: 10, offset: 0, status: MigrationTaskStatus.Stopped, taskName: "photos")),
            ("ListTasks (group)", () => client.ListTasksAsync(groupId: "6a2fd0a3-5f45-4a3e-8b8a-0c3d6f1f4a11")),
            ("ShowTask", () => client.ShowTaskAsync(TaskId)),
            ("CreateTask", () => client.CreateTaskAsync(NewTask())),
            ("StartTask", () => client.StartTaskAsync(TaskId, FullStart())),
            ("StartTask (minimal)", () => client.StartTaskAsync(TaskId, new StartTaskReq { DstAk = "DSTAK", DstSk = "DSTSK" })),
            ("StopTask", () => client.StopTaskAsync(TaskId)),
            ("DeleteTask", () => client.DeleteTaskAsync(TaskId)),
        };

        var failures = new List<string>();
        foreach ((string operation, Func<Task> call) in calls)
        {
            try
            {
                await call();
            }
            catch (Exception e)
            {
                failures.Add($"{operation}: {e.GetType().Name}: {e.Message} {recorder.LastViolations}");
                continue;
            }

            if (recorder.LastViolations is { } violations)
            {
                failures.Add($"{operation}: {violations}");
            }
        }

        Assert.True(failures.Count == 0, "Prism found problems:\n" + string.Join("\n", failures) + "\nPrism log:\n" + Tail(prism.Output));
        Assert.Equal(calls.Length, recorder.Responses);
    }

    [PrismFact]
    public async Task Random_schema_valid_answers_are_read_and_written_back_equal()
    {
        await using PrismMock prism = await PrismMock.StartAsync(SpecPath, dynamic: true);
        var recorder = new RecordingHandler();
        OmsClient client = CreateClient(prism, recorder);

        var failures = new List<string>();
        const int Rounds = 15;
        for (int round = 0; round < Rounds; round++)
        {
            await Check("ListTasks", async () => Write((await client.ListTasksAsync(limit: 5)).WriteJson));
            await Check("ShowTask", async () => Write((await client.ShowTaskAsync(TaskId)).WriteJson));
            await Check("CreateTask", async () => Write((await client.CreateTaskAsync(NewTask())).WriteJson));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Rounds * 3} answers were not read back losslessly:\n" + string.Join("\n", failures.Take(10)));

        async Task Check(string operation, Func<Task<string>> readAndWrite)
        {
            string rewritten;
            try
            {
                rewritten = await readAndWrite();
            }
            catch (Exception e)
            {
                failures.Add($"{operation}: {e.GetType().Name}: {e.Message}\n  answer: {recorder.LastBody}");
                return;
            }

            JsonNode? original = JsonNode.Parse(recorder.LastBody);
            JsonNode? again = JsonNode.Parse(rewritten);
            if (!JsonNode.DeepEquals(Normalize(original), Normalize(again)))
            {
                failures.Add($"{operation}:\n  answer:    {recorder.LastBody}\n  rewritten: {rewritten}");
            }
        }
    }

    private static OmsClient CreateClient(PrismMock prism, RecordingHandler recorder)
    {
        recorder.InnerHandler = new TokenAuthHandler("prism-contract-token", Canary.ProjectId) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        return new OmsClient(new HttpClient(recorder), prism.BaseAddress) { ProjectId = Canary.ProjectId };
    }

    private static CreateTaskReq NewTask() => new()
    {
        SrcNode = new SrcNodeReq { CloudType = CloudType.Aws, Region = "us-west-2", Ak = "SRCAK", Sk = "SRCSK", Bucket = "my-source", ObjectKey = ["photos/"] },
        DstNode = new DstNodeReq { Ak = "DSTAK", Sk = "DSTSK", Bucket = "my-destination", Region = "cn-north-4", SavePrefix = "imported/" },
        Description = "created by the Prism contract test",
        TaskType = TaskType.Prefix,
    };

    private static StartTaskReq FullStart() => new()
    {
        SrcAk = "SRCAK",
        SrcSk = "SRCSK",
        DstAk = "DSTAK",
        DstSk = "DSTSK",
        SourceCdnAuthenticationKey = "cdn-key",
        MigrateFailedObject = true,
    };

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Numbers compared by value (1.0 and 1 are the same JSON number once read into a double or decimal).</summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        _ => node?.DeepClone(),
    };

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];

    /// <summary>Keeps the last answer's body and Prism's violations header.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public string LastBody { get; private set; } = string.Empty;

        public string? LastViolations { get; private set; }

        public int Responses { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            LastBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LastViolations = response.Headers.TryGetValues(PrismMock.ViolationsHeader, out IEnumerable<string>? values) ? string.Join(" ", values) : null;
            Responses++;
            return response;
        }
    }
}

/// <summary>A fact that needs the Prism CLI from package.json: skipped, with the reason, when <c>npm ci</c> has not run.</summary>
public sealed class PrismFactAttribute : FactAttribute
{
    public PrismFactAttribute()
    {
        Skip = PrismMock.SkipReason;
    }
}

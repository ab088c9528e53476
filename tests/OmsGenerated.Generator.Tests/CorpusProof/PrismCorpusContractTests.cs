using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using OmsGenerated.Generator.Model;
using OmsGenerated.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>
/// Clients generated from corpus documents against Stoplight Prism mocking the same document: every operation the
/// test can make arguments for is called once against <c>prism --errors</c> (the request must not be flagged in
/// <c>sl-violations</c>) and once against <c>prism --errors --dynamic</c> (the random schema-valid answer must be read
/// and written back equal). Prints per document how many operations were called, flagged and failed, and why any
/// operation was not called.
/// </summary>
[Trait("Category", "Prism")]
public sealed class PrismCorpusContractTests
{
    /// <summary>
    /// Documents with many plain JSON operations: OpenAPI 3.0 and 3.1, Swagger 2.0 with a discriminator hierarchy and
    /// with 224 operations. Two Prism processes each, whose cold start dominates the run, so four documents only.
    /// </summary>
    public static readonly string[] Documents =
    {
        "oai-v3-petstore-expanded.yaml",
        "redocly-museum.yaml",
        "apisguru-db-flinkster.yaml",
        "apisguru-gitea.yaml",
    };

    private readonly ITestOutputHelper _output;

    public PrismCorpusContractTests(ITestOutputHelper output) => _output = output;

    [PrismCorpusFact]
    public async Task Generated_clients_send_requests_prism_accepts_and_read_its_random_answers_losslessly()
    {
        // Prism's cold start dominates: every instance starts at once
        var runs = Documents.Select(name => RunDocumentAsync(Path.Combine(GeneratorHarness.CorpusDirectory, name))).ToArray();
        var results = await Task.WhenAll(runs);

        var text = new StringBuilder();
        text.AppendLine("| Document | Operations | Called | Of those JSON-only (asserted) | Flagged (--errors) | Failed (--errors) | Flagged (--dynamic) | Not read back equal (--dynamic) | Not called | Non-JSON: problems / called | Prism start, calls (s) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            int outside = r.OutsideClaim.Count(p => r.NotCalled.All(n => !n.StartsWith(p.Key + ":", StringComparison.Ordinal)));
            text.AppendLine(FormattableString.Invariant($"| `{r.Document}` | {r.Operations} | {r.Called} | {r.Called - outside} | {r.StaticFlagged.Count} | {r.StaticFailed.Count} | {r.DynamicFlagged.Count} | {r.DynamicFailed.Count} | {r.NotCalled.Count} | {r.OutsideClaimProblems.Count} / {outside} | {r.Startup.TotalSeconds:0.0}, {r.Calls.TotalSeconds:0.0} |"));
        }

        text.AppendLine($"| **Total** | {results.Sum(r => r.Operations)} | {results.Sum(r => r.Called)} | | {results.Sum(r => r.StaticFlagged.Count)} | {results.Sum(r => r.StaticFailed.Count)} | {results.Sum(r => r.DynamicFlagged.Count)} | {results.Sum(r => r.DynamicFailed.Count)} | {results.Sum(r => r.NotCalled.Count)} | {results.Sum(r => r.OutsideClaimProblems.Count)} | |");
        foreach (var r in results)
        {
            foreach (var (what, items) in new[] { ("not called", r.NotCalled), ("flagged (--errors)", r.StaticFlagged), ("failed (--errors)", r.StaticFailed), ("flagged (--dynamic)", r.DynamicFlagged), ("not read back equal (--dynamic)", r.DynamicFailed), ("outside the JSON claim, not asserted", r.OutsideClaimProblems) })
            {
                foreach (string item in items)
                {
                    text.AppendLine($"- {r.Document} {what}: {item}");
                }
            }
        }

        _output.WriteLine(text.ToString());
        if (Environment.GetEnvironmentVariable("OMSGENERATED_PRISM_REPORT") is { Length: > 0 } target)
        {
            File.WriteAllText(target, "# Prism contract over corpus documents\n\n" + text);
        }

        Assert.All(results, r => Assert.True(r.Called > 0, r.Document + ": no operation was called"));
        Assert.True(results.All(r => r.StaticFlagged.Count == 0 && r.StaticFailed.Count == 0 && r.DynamicFlagged.Count == 0 && r.DynamicFailed.Count == 0), "Prism found problems:\n" + text);
    }

    private static async Task<DocumentResult> RunDocumentAsync(string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Task<PrismMock> staticPrism = PrismMock.StartAsync(path, dynamic: false);
        Task<PrismMock> dynamicPrism = PrismMock.StartAsync(path, dynamic: true);
        try
        {
            return await CallEveryOperationAsync(path, clock, staticPrism, dynamicPrism);
        }
        finally
        {
            // both processes end, whatever failed first (generation, the other start, a call)
            foreach (var started in new[] { staticPrism, dynamicPrism })
            {
                try
                {
                    await (await started).DisposeAsync();
                }
                catch (InvalidOperationException)
                {
                    // it never listened; StartAsync has disposed it already
                }
                catch (OperationCanceledException)
                {
                    // timed out starting; StartAsync has disposed it already
                }
            }
        }
    }

    private static async Task<DocumentResult> CallEveryOperationAsync(string path, System.Diagnostics.Stopwatch clock, Task<PrismMock> staticPrism, Task<PrismMock> dynamicPrism)
    {
        var (model, image) = await Task.Run(() => Generate(path));
        var document = DocumentOperations.Load(path);
        var security = SecurityCredentials.From(document);
        var declared = DocumentOperations.Read(document).ToDictionary(d => d.Key, StringComparer.Ordinal);
        PrismMock errors = await staticPrism;
        PrismMock dynamic = await dynamicPrism;

        var context = new AssemblyLoadContext("prism-corpus-" + Path.GetFileName(path), isCollectible: true);
        try
        {
            Assembly assembly = context.LoadFromStream(new MemoryStream(image));
            Type clientType = assembly.GetType("Corpus.Api.CorpusClient", throwOnError: true)!;
            var result = new DocumentResult(Path.GetFileName(path), model.Operations.Count);
            var synthesizer = new ArgumentSynthesizer(model);
            var calls = new List<(OperationModel Operation, MethodInfo Method, object?[] Arguments)>();
            foreach (var operation in model.Operations)
            {
                MethodInfo? method = clientType.GetMethods().SingleOrDefault(m => m.Name == operation.MethodName);
                if (method is null)
                {
                    result.NotCalled.Add(operation.MethodName + ": no single public method of that name");
                    continue;
                }

                if (declared.TryGetValue(operation.HttpMethod + " " + operation.PathTemplate, out var source)
                    && source.RequestContentTypes.Concat(source.ResponseContentTypes).Where(t => !IsJson(t)).ToList() is { Count: > 0 } other)
                {
                    result.OutsideClaim.Add(operation.MethodName, "media types " + string.Join(", ", other.Distinct(StringComparer.Ordinal)));
                }

                try
                {
                    calls.Add((operation, method, Arguments(operation, method, synthesizer)));
                }
                catch (NotSupportedException e)
                {
                    result.NotCalled.Add(operation.MethodName + ": " + e.Message);
                }
            }

            result.Called = calls.Count;
            result.Startup = clock.Elapsed;
            await Task.WhenAll(CallAllAsync(errors, dynamicAnswer: false), CallAllAsync(dynamic, dynamicAnswer: true));
            result.Calls = clock.Elapsed - result.Startup;

            return result;

            async Task CallAllAsync(PrismMock prism, bool dynamicAnswer)
            {
                var recorder = new RecordingHandler(security) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
                using var http = new HttpClient(recorder) { Timeout = TimeSpan.FromSeconds(20) };
                object client = Activator.CreateInstance(clientType, http, prism.BaseAddress)!;
                foreach (var (operation, method, arguments) in calls)
                {
                    await CallAsync(client, recorder, operation, method, arguments, dynamicAnswer, result);
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static (ApiModel Model, byte[] Image) Generate(string path)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.SpecFromFile(path, "Corpus.Api", "CorpusClient"));
        Assert.Empty(result.Errors);
        var model = result.RunResult.Results[0].TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs).Select(o => o.Value).OfType<ApiModel>().Single();
        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        return (model, image.ToArray());
    }

    private static object?[] Arguments(OperationModel operation, MethodInfo method, ArgumentSynthesizer synthesizer)
    {
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments[i] = CancellationToken.None;
            }
            else if (parameter.HasDefaultValue)
            {
                arguments[i] = parameter.DefaultValue;
            }
            else if (operation.Body is { } body && parameter.Name == body.Name.TrimStart('@'))
            {
                arguments[i] = synthesizer.Make(parameter.ParameterType, null, 0);
            }
            else if (operation.Parameters.FirstOrDefault(p => p.Name.TrimStart('@') == parameter.Name) is { } declared)
            {
                arguments[i] = synthesizer.ForParameter(declared, parameter.ParameterType);
            }
            else
            {
                throw new NotSupportedException("parameter '" + parameter.Name + "' is neither a declared parameter nor the body");
            }
        }

        return arguments;
    }

    private static async Task CallAsync(object client, RecordingHandler recorder, OperationModel operation, MethodInfo method, object?[] arguments, bool dynamicAnswer, DocumentResult result)
    {
        string name = operation.MethodName + " (" + operation.HttpMethod + " " + operation.PathTemplate + ")";
        object? value = null;
        Exception? failure = null;
        try
        {
            var task = (Task)method.Invoke(client, arguments)!;
            await task;
            value = task.GetType().GetProperty("Result")?.GetValue(task);
        }
        catch (Exception e)
        {
            failure = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
        }

        bool outside = result.OutsideClaim.TryGetValue(operation.MethodName, out string? why);
        var flagged = outside ? result.OutsideClaimProblems : dynamicAnswer ? result.DynamicFlagged : result.StaticFlagged;
        var failed = outside ? result.OutsideClaimProblems : dynamicAnswer ? result.DynamicFailed : result.StaticFailed;
        name += (outside ? " (" + why + "; " + (dynamicAnswer ? "--dynamic" : "--errors") + ")" : string.Empty) + " [sent " + recorder.LastRequest + "]";
        if (recorder.LastViolations is { } violations)
        {
            Add(flagged, $"{name}: {recorder.LastStatus} {violations}");
            return;
        }

        if (failure is not null)
        {
            Add(failed, $"{name}: {failure.GetType().Name}: {failure.Message.Split('\n')[0]} (status {recorder.LastStatus}, answer {Shorten(recorder.LastBody)})");
            return;
        }

        if (!dynamicAnswer || value is null || operation.Response is not { Kind: BodyKind.Json } || recorder.LastBody.Length == 0)
        {
            return;
        }

        string rewritten = JsonSerializer.Serialize(value, value.GetType());
        if (JsonComparison.FirstDifference(JsonNode.Parse(recorder.LastBody), JsonNode.Parse(rewritten)) is { } difference)
        {
            Add(failed, $"{name}: {difference}");
        }
    }

    /// <summary>Both passes write to the shared list of problems outside the claim.</summary>
    private static void Add(List<string> list, string item)
    {
        lock (list)
        {
            list.Add(item);
        }
    }

    /// <summary>JSON media types (and "anything"), the content the generated client sends and reads as JSON.</summary>
    private static bool IsJson(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "application/json" or "*/*" || type.EndsWith("+json", StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private sealed class DocumentResult
    {
        public DocumentResult(string document, int operations)
        {
            Document = document;
            Operations = operations;
        }

        public string Document { get; }

        public int Operations { get; }

        public int Called { get; set; }

        public List<string> NotCalled { get; } = new();

        /// <summary>Operations called but not asserted on, as they send or take more than JSON; with the reason.</summary>
        public Dictionary<string, string> OutsideClaim { get; } = new(StringComparer.Ordinal);

        /// <summary>What Prism flagged or the client failed on for operations outside the claim (reported, not asserted).</summary>
        public List<string> OutsideClaimProblems { get; } = new();

        public TimeSpan Startup { get; set; }

        public TimeSpan Calls { get; set; }

        public List<string> StaticFlagged { get; } = new();

        public List<string> StaticFailed { get; } = new();

        public List<string> DynamicFlagged { get; } = new();

        public List<string> DynamicFailed { get; } = new();
    }

    /// <summary>Adds the credentials the document asks for (Prism checks they are there, not what they are) and keeps the last answer.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        private readonly SecurityCredentials _security;

        public RecordingHandler(SecurityCredentials security) => _security = security;

        public string LastBody { get; private set; } = string.Empty;

        public string? LastViolations { get; private set; }

        public int LastStatus { get; private set; }

        /// <summary>The content type and Accept header of the last request.</summary>
        public string LastRequest { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _security.Apply(request);
            LastRequest = "Content-Type: " + (request.Content?.Headers.ContentType?.ToString() ?? "none") + ", Accept: " + (request.Headers.Accept.Count == 0 ? "none" : request.Headers.Accept.ToString());
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            LastBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LastStatus = (int)response.StatusCode;
            LastViolations = response.Headers.TryGetValues(PrismMock.ViolationsHeader, out IEnumerable<string>? values) ? string.Join(" ", values) : null;
            return response;
        }
    }
}

/// <summary>A fact that needs both the public corpus and the Prism CLI; skipped with the reason otherwise.</summary>
public sealed class PrismCorpusFactAttribute : FactAttribute
{
    public PrismCorpusFactAttribute() => Skip = Corpus.SkipReason ?? PrismMock.SkipReason;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using NSwag;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Parsing;
using OmsGenerated.Generator.Parsing.Syntax;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests.Bodies;

/// <summary>
/// Over the whole corpus: every operation the document gives a request body (OpenAPI 3 requestBody, Swagger 2 body or
/// formData parameters) is generated, and its method can send that body. Prints the content types seen.
/// </summary>
public sealed class CorpusRequestBodyCoverageTests
{
    private readonly ITestOutputHelper _output;

    public CorpusRequestBodyCoverageTests(ITestOutputHelper output) => _output = output;

    [CorpusFact]
    public void EveryOperationWithARequestBodyCanSendIt()
    {
        var withBody = 0;
        var unsendable = new List<string>();
        var requestTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var responseTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(GeneratorHarness.CorpusDirectory).Where(p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal)).OrderBy(p => p, StringComparer.Ordinal))
        {
            var input = new SpecInput(path, File.ReadAllText(path), "Corpus.Api", "CorpusClient", "public");
            var diagnostics = new List<DiagnosticInfo>();
            var document = SpecLoader.Load(input, new SpecPositions(path, SourceText.From(input.Text!)), diagnostics, CancellationToken.None);
            var model = SpecParser.Parse(input, CancellationToken.None).Model;
            if (document is null || model is null)
            {
                continue;
            }

            var isSwagger2 = document.SchemaType == NJsonSchema.SchemaType.Swagger2;
            foreach (var description in document.Operations)
            {
                var operation = description.Operation;
                var declared = DeclaredRequestTypes(document, operation, isSwagger2);
                foreach (var response in operation.ActualResponses.Where(r => r.Key.StartsWith("2", StringComparison.Ordinal)))
                {
                    foreach (var type in response.Value.ActualResponse.Content.Keys)
                    {
                        Count(responseTypes, type);
                    }
                }

                if (declared is null)
                {
                    continue;
                }

                withBody++;
                foreach (var type in declared)
                {
                    Count(requestTypes, type);
                }

                var id = string.IsNullOrWhiteSpace(operation.OperationId) ? description.Method.ToUpperInvariant() + " " + description.Path : operation.OperationId!;
                var generated = model.Operations.FirstOrDefault(o => o.OperationId == id && o.PathTemplate == description.Path);
                if (generated?.Body is null)
                {
                    unsendable.Add(Path.GetFileName(path) + ": " + id + " (" + string.Join(", ", declared) + ")" + (generated is null ? " skipped" : " no body parameter"));
                }
            }
        }

        _output.WriteLine("operations with a request body: " + withBody + ", that cannot send it: " + unsendable.Count);
        _output.WriteLine("request content types: " + string.Join(", ", requestTypes.Select(p => p.Key + " ×" + p.Value)));
        _output.WriteLine("success response content types: " + string.Join(", ", responseTypes.Select(p => p.Key + " ×" + p.Value)));
        foreach (var line in unsendable)
        {
            _output.WriteLine("  " + line);
        }

        Assert.True(withBody > 100, "the corpus should have request bodies to check; found " + withBody);
        Assert.Empty(unsendable);
    }

    private static List<string>? DeclaredRequestTypes(OpenApiDocument document, OpenApiOperation operation, bool isSwagger2)
    {
        if (isSwagger2)
        {
            var kinds = operation.ActualParameters.Select(p => p.Kind).ToList();
            if (!kinds.Contains(OpenApiParameterKind.Body) && !kinds.Contains(OpenApiParameterKind.FormData))
            {
                return null;
            }

            var consumes = operation.Consumes?.Count > 0 ? operation.Consumes : document.Consumes;
            return consumes?.Count > 0 ? consumes.ToList() : new List<string> { kinds.Contains(OpenApiParameterKind.FormData) ? "(formData)" : "(body)" };
        }

        return operation.ActualRequestBody is { } body && body.Content.Count > 0 ? body.Content.Keys.ToList() : null;
    }

    private static void Count(SortedDictionary<string, int> counts, string key)
        => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}

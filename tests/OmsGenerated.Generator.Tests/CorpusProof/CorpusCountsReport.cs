using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OmsGenerated.Generator.Model;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>
/// How much of each corpus document the generated client covers: operations the document declares, client methods
/// generated, operations skipped, methods that cannot send the body the operation takes, and the generator's warnings.
/// Prints a markdown table; with <c>OMSGENERATED_CORPUS_REPORT=&lt;file&gt;</c> also writes it there
/// (bench/scripts/corpus-counts.sh does, into bench/results/). Runs in the "CorpusReport" category.
/// </summary>
[Trait("Category", "CorpusReport")]
public sealed class CorpusCountsReport
{
    private readonly ITestOutputHelper _output;

    public CorpusCountsReport(ITestOutputHelper output) => _output = output;

    [CorpusFact]
    public void Every_document_is_counted_and_no_operation_is_lost_without_a_diagnostic()
    {
        var rows = Directory.GetFiles(GeneratorHarness.CorpusDirectory)
            .Where(p => p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(CorpusCounts.Measure)
            .ToList();

        string report = CorpusCounts.ToMarkdown(rows);
        _output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("OMSGENERATED_CORPUS_REPORT") is { Length: > 0 } target)
        {
            File.WriteAllText(target, report);
            _output.WriteLine("written to " + target);
        }

        Assert.NotEmpty(rows);
        foreach (var row in rows.Where(r => r.GeneratorException is null && r.ReadError is null))
        {
            // every generated operation is one of the document's, and has its method in the client
            Assert.True(row.UnknownGenerated.Count == 0, row.File + ": generated operations the document does not declare: " + string.Join(", ", row.UnknownGenerated));
            Assert.True(row.MethodsMissingInClient.Count == 0, row.File + ": operations of the model without a client method: " + string.Join(", ", row.MethodsMissingInClient));
        }

        Assert.All(rows, r => Assert.Null(r.GeneratorException));
    }
}

/// <summary>The counts of one document.</summary>
internal sealed record CorpusCountsRow(
    string File,
    string Version,
    string? ReadError,
    string? GeneratorException,
    int DocumentOperations,
    int GeneratedMethods,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> LostWithoutDiagnostic,
    IReadOnlyList<string> BodyCannotBeSent,
    IReadOnlyList<string> UnknownGenerated,
    IReadOnlyList<string> MethodsMissingInClient,
    IReadOnlyDictionary<string, int> Warnings,
    int Errors)
{
    public int Warning(string id) => Warnings.TryGetValue(id, out int n) ? n : 0;

    public int OtherWarnings => Warnings.Where(p => p.Key is not ("OAPI005" or "OAPI009")).Sum(p => p.Value);
}

internal static class CorpusCounts
{
    private const string ClientName = "CorpusClient";

    public static CorpusCountsRow Measure(string path)
    {
        string file = Path.GetFileName(path);
        IReadOnlyList<DocumentOperation> declared;
        string version;
        string? readError = null;
        try
        {
            var document = DocumentOperations.Load(path);
            version = document?["openapi"]?.ToString() is { } openapi ? "OpenAPI " + openapi : document?["swagger"]?.ToString() is { } swagger ? "Swagger " + swagger : "?";
            declared = DocumentOperations.Read(document);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or System.Text.Json.JsonException)
        {
            // the counting reader could not read it (the generator may still report why): counted as unreadable
            version = "?";
            declared = Array.Empty<DocumentOperation>();
            readError = e.GetType().Name + ": " + e.Message.Split('\n')[0];
        }

        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.SpecFromFile(path, "Corpus.Api", ClientName) })
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics);
        var run = driver.GetRunResult();
        var result = run.Results[0];
        var model = result.TrackedSteps.TryGetValue(TrackingNames.Model, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Value).OfType<ApiModel>().SingleOrDefault()
            : null;
        var operations = model?.Operations.ToList() ?? new List<OperationModel>();

        var generatedKeys = operations.ToDictionary(o => o.HttpMethod + " " + o.PathTemplate, StringComparer.Ordinal);
        var declaredKeys = declared.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var skipped = declared.Where(d => !generatedKeys.ContainsKey(d.Key)).ToList();
        var skipDiagnostics = diagnostics.Where(d => d.Id == "OAPI009").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

        // OAPI009 names the operation by its operationId, or "METHOD /path" when it has none
        var lost = skipped
            .Where(d => !skipDiagnostics.Any(m => m.Contains("'" + (d.OperationId ?? d.Key) + "'", StringComparison.Ordinal) || m.Contains(d.OperationId ?? d.Key, StringComparison.Ordinal)))
            .Select(d => d.Key)
            .ToList();
        var bodyCannotBeSent = declared
            .Where(d => d.HasRequestBody && generatedKeys.TryGetValue(d.Key, out var generated) && generated.Body is null)
            .Select(d => d.Key + (d.IsBodyRequired ? " (required)" : string.Empty))
            .ToList();

        var clientMethods = run.GeneratedTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.Identifier.ValueText == ClientName)
            .SelectMany(c => c.Members.OfType<MethodDeclarationSyntax>())
            .Where(m => m.Modifiers.Any(t => t.ValueText == "public"))
            .Select(m => m.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);

        return new CorpusCountsRow(
            file,
            version,
            readError,
            result.Exception?.GetType().Name,
            declared.Count,
            operations.Count,
            skipped.Select(d => d.Key).ToList(),
            lost,
            bodyCannotBeSent,
            readError is null ? generatedKeys.Keys.Where(k => !declaredKeys.Contains(k)).ToList() : new List<string>(),
            operations.Where(o => !clientMethods.Contains(o.MethodName)).Select(o => o.MethodName).ToList(),
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    public static string ToMarkdown(IReadOnlyList<CorpusCountsRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Corpus counts");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Generated in-process from the {rows.Count} documents of `../shared/specs/real-world` (commit {Commit()}). ");
        text.AppendLine("*Ops*: method keys under `paths` (read from the document itself, Swagger 2.0 included); *Methods*: client methods generated; ");
        text.AppendLine("*Skipped*: operations without a method (*Lost*: of those, the ones no OAPI009 names); *No body*: generated methods whose operation has a ");
        text.AppendLine("`requestBody`, `in: body` or `in: formData` parameter but that take no body (required ones in brackets); *Other*: other warnings by id.");
        text.AppendLine();
        text.AppendLine("| Document | Version | Ops | Methods | Skipped | Lost | No body (required) | OAPI005 | OAPI009 | Other warnings | Errors |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var row in rows)
        {
            string other = string.Join(", ", row.Warnings.Where(p => p.Key is not ("OAPI005" or "OAPI009")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " " + p.Value));
            string version = row.ReadError is null ? row.Version : "unreadable here";
            int required = row.BodyCannotBeSent.Count(b => b.EndsWith("(required)", StringComparison.Ordinal));
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{row.File}` | {version} | {row.DocumentOperations} | {row.GeneratedMethods} | {row.Skipped.Count} | {row.LostWithoutDiagnostic.Count} | {row.BodyCannotBeSent.Count} ({required}) | {row.Warning("OAPI005")} | {row.Warning("OAPI009")} | {other} | {row.Errors}{(row.GeneratorException is null ? string.Empty : " (threw " + row.GeneratorException + ")")} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **Total** | | **{rows.Sum(r => r.DocumentOperations)}** | **{rows.Sum(r => r.GeneratedMethods)}** | **{rows.Sum(r => r.Skipped.Count)}** | **{rows.Sum(r => r.LostWithoutDiagnostic.Count)}** | **{rows.Sum(r => r.BodyCannotBeSent.Count)} ({rows.Sum(r => r.BodyCannotBeSent.Count(b => b.EndsWith("(required)", StringComparison.Ordinal)))})** | **{rows.Sum(r => r.Warning("OAPI005"))}** | **{rows.Sum(r => r.Warning("OAPI009"))}** | **{rows.Sum(r => r.OtherWarnings)}** | **{rows.Sum(r => r.Errors)}** |");

        foreach (var row in rows.Where(r => r.ReadError is not null))
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"`{row.File}` could not be read by the counting reader ({row.ReadError}); its operations are not counted.");
        }

        text.AppendLine().AppendLine("## Details").AppendLine();
        foreach (var row in rows.Where(r => r.Skipped.Count > 0 || r.BodyCannotBeSent.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{row.File}`");
            Details(text, "skipped", row.Skipped);
            Details(text, "lost without a diagnostic", row.LostWithoutDiagnostic);
            Details(text, "body cannot be sent", row.BodyCannotBeSent);
        }

        return text.ToString();
    }

    private static void Details(StringBuilder text, string what, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        const int Shown = 12;
        string byMethod = string.Join(", ", items.GroupBy(i => i.Split(' ')[0], StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key + " " + g.Count().ToString(CultureInfo.InvariantCulture)));
        text.AppendLine(CultureInfo.InvariantCulture, $"  - {what} ({items.Count}; {byMethod}): {string.Join("; ", items.Take(Shown))}{(items.Count > Shown ? "; …" : string.Empty)}");
    }

    /// <summary>The commit measured, as bench/scripts/corpus-counts.sh passes it.</summary>
    private static string Commit() => Environment.GetEnvironmentVariable("OMSGENERATED_REPORT_COMMIT") is { Length: > 0 } commit ? commit : "not given";
}

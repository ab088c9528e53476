using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Testing;

namespace OmsGenerated.Generator.Tests;

/// <summary>Runs the generator in-process with a CSharpGeneratorDriver over spec texts and compiles the result.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The public corpus beside the repository; <c>OMSGENERATED_CORPUS</c> points elsewhere (or nowhere, to try a clone without it).</summary>
    public static string CorpusDirectory => Environment.GetEnvironmentVariable("OMSGENERATED_CORPUS") is { Length: > 0 } overridden ? overridden : Metadata("CorpusDirectory");

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string OmsSpecPath => Path.Combine(RepositoryRoot, "spec", "oms.openapi.yaml");

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // as the SDK does: reference-version unification notices are not warnings about the code
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, bool trackSteps = true)
    {
        var texts = specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToImmutableArray();
        var options = InMemoryOptionsProvider.ByPath(specs.ToDictionary(s => s.Path, s => s.Metadata));
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Generates from the given specs and compiles; returns generator diagnostics and compiler diagnostics of the output.</summary>
    public static GenerationResult Run(params SpecFile[] specs)
    {
        var compilation = CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GenerationResult(driver.GetRunResult(), output, generatorDiagnostics, compileDiagnostics);
    }

    public static SpecFile Spec(string path, string text, string? ns = "Test.Api", string? clientName = null, string? accessibility = null)
    {
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApi"] = "true" };
        if (ns is not null)
        {
            metadata["build_metadata.AdditionalFiles.OpenApiNamespace"] = ns;
        }

        if (clientName is not null)
        {
            metadata["build_metadata.AdditionalFiles.OpenApiClientName"] = clientName;
        }

        if (accessibility is not null)
        {
            metadata["build_metadata.AdditionalFiles.OpenApiAccessibility"] = accessibility;
        }

        return new SpecFile(path, text, metadata);
    }

    public static SpecFile SpecFromFile(string path, string? ns = "Test.Api", string? clientName = null)
        => Spec(path, File.ReadAllText(path), ns, clientName);

    private static string Metadata(string key)
        => typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).ToList();
        foreach (var name in new[] { "OmsGenerated.Runtime.dll", "Microsoft.Kiota.Abstractions.dll", "Std.UriTemplate.dll", "Microsoft.Extensions.Http.dll", "Microsoft.Extensions.Logging.Abstractions.dll" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, name);
            if (File.Exists(path) && !paths.Any(p => Path.GetFileName(p) == name))
            {
                paths.Add(path);
            }
        }

        return paths.Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }



}

internal sealed record SpecFile(string Path, string Text, Dictionary<string, string> Metadata);

internal sealed record GenerationResult(
    GeneratorDriverRunResult RunResult,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics)
{
    public IEnumerable<Diagnostic> Errors => GeneratorDiagnostics.Concat(CompileDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The generator checks the project it runs in: too old a C# version or a missing runtime gives one located error per
/// document (and no generated code) instead of a wall of CS errors; and the code it does generate compiles without a
/// warning with nullable annotations on and off (projects that treat warnings as errors).
/// </summary>
public sealed class ConsumerProjectTests
{
    private const string Document = RepositoryDocuments.ShopYaml30;

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    public void TooOldCSharpIsOneOapi012PerDocumentAndNoCode(LanguageVersion version)
    {
        var result = Run(version, GeneratorHarness.References, NullableContextOptions.Enable);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OAPI012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/shop.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains(version.ToDisplayString(), diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Fact]
    public void MissingRuntimeIsOneOapi013PerDocumentAndNoCode()
    {
        var withoutRuntime = GeneratorHarness.References.Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("OmsGenerated.Runtime", StringComparison.Ordinal)).ToImmutableArray();
        Assert.NotEqual(GeneratorHarness.References.Length, withoutRuntime.Length);

        var result = Run(LanguageVersion.Latest, withoutRuntime, NullableContextOptions.Enable);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("OAPI013", diagnostic.Id);
        Assert.Contains("OmsGenerated.Runtime", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Warnings)]
    [InlineData(NullableContextOptions.Annotations)]
    public void GeneratedCodeHasNoWarningWhateverTheNullableContext(NullableContextOptions nullable)
    {
        foreach (var (name, text) in RepositoryDocuments.All.Append(("oms.openapi.yaml", File.ReadAllText(GeneratorHarness.OmsSpecPath))))
        {
            var result = Run(LanguageVersion.CSharp11, GeneratorHarness.References, nullable, "/specs/" + name, text);

            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.NotEmpty(result.GeneratedTrees);
            var warnings = result.Compiled.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(warnings.Count == 0, name + " with nullable " + nullable + ":\n" + string.Join("\n", warnings.Take(10)));
        }
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<SyntaxTree> GeneratedTrees, ImmutableArray<Diagnostic> Compiled) Run(
        LanguageVersion version, ImmutableArray<MetadataReference> references, NullableContextOptions nullable, string path = "/specs/shop.yaml", string text = Document)
    {
        var parseOptions = new CSharpParseOptions(version);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", parseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, warningLevel: 9999, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new AdditionalText[] { new OmsGenerated.Testing.InMemoryAdditionalText(path, text) },
            parseOptions,
            OmsGenerated.Testing.InMemoryOptionsProvider.OptIn("Consumer.Api"));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = output.SyntaxTrees.Where(t => !compilation.SyntaxTrees.Contains(t)).ToImmutableArray();
        return (diagnostics, generated, output.GetDiagnostics());
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests;

/// <summary>The generated code compiles with 0 errors and 0 warnings for the OMS spec and real-world documents.</summary>
public sealed class CorpusCompileTests
{
    private readonly ITestOutputHelper _output;

    public CorpusCompileTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> CorpusDocuments()
        => Corpus.Files(name => name.StartsWith("oai-", System.StringComparison.Ordinal) || name == "github-api.json")
            .OrderBy(row => (string)row[0], System.StringComparer.Ordinal);

    public static IEnumerable<object[]> OwnDocuments() => RepositoryDocuments.All.Select(d => new object[] { d.Name });

    [Fact]
    public void OmsSpecCompilesCleanly()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.SpecFromFile(GeneratorHarness.OmsSpecPath, "Oms.Client", "OmsClient"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileDiagnostics);
        Assert.NotNull(result.Output.GetTypeByMetadataName("Oms.Client.OmsClient"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Oms.Client.StartTaskReq"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Oms.Client.ErrorResponseException"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Oms.Client.OmsErrorCodes"));
    }

    /// <summary>The fast generality check that needs nothing beside the repository: its own 2.0, 3.0 and 3.1 documents.</summary>
    [Theory]
    [MemberData(nameof(OwnDocuments))]
    public void RepositoryDocumentCompilesWithoutErrorsOrWarnings(string name)
    {
        var text = RepositoryDocuments.All.Single(d => d.Name == name).Text;
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/" + name, text, "Own.Api", "OwnClient"));

        foreach (var diagnostic in result.GeneratorDiagnostics.Concat(result.CompileDiagnostics))
        {
            _output.WriteLine(diagnostic.ToString());
        }

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompileDiagnostics);
        Assert.NotNull(result.Output.GetTypeByMetadataName("Own.Api.OwnClient"));
        Assert.Contains(result.Output.GetTypeByMetadataName("Own.Api.OwnClient")!.GetMembers().OfType<IMethodSymbol>(), m => m.Name.EndsWith("Async", System.StringComparison.Ordinal));
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusDocuments))]
    public void CorpusDocumentCompilesWithoutErrorsOrWarnings(string fileName)
    {
        var path = Path.Combine(GeneratorHarness.CorpusDirectory, fileName);
        var result = GeneratorHarness.Run(GeneratorHarness.SpecFromFile(path, "Corpus.Api", "CorpusClient"));

        foreach (var diagnostic in result.GeneratorDiagnostics)
        {
            _output.WriteLine("generator: " + diagnostic);
        }

        foreach (var diagnostic in result.CompileDiagnostics.Take(30))
        {
            _output.WriteLine("compiler: " + diagnostic);
        }

        _output.WriteLine($"{fileName}: {result.RunResult.GeneratedTrees.Length} files, generator diagnostics {result.GeneratorDiagnostics.Length} ({result.GeneratorDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning)} warnings), compiler diagnostics {result.CompileDiagnostics.Length}");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(result.CompileDiagnostics);
        Assert.NotNull(result.Output.GetTypeByMetadataName("Corpus.Api.CorpusClient"));
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Generator;

using OmsGenerated.Testing;

namespace OmsGenerated.Benchmarks;

/// <summary>
/// The generator as the compiler runs it (<see cref="CSharpGeneratorDriver"/>) on the OMS spec: a first run (parse,
/// model, emit, parse of the generated trees) against the run after an unrelated C# edit (one syntax tree of the
/// compilation replaced, the spec unchanged), which must cost no parse and no emit. The setup checks that with
/// step tracking: every tracked step of the rerun is Cached or Unchanged.
/// </summary>
[MemoryDiagnoser]
public class GeneratorRerunBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private ImmutableArray<AdditionalText> _texts;

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree a = CSharpSyntaxTree.ParseText("namespace Consumer { public static class A { public static int X => 1; } }", parseOptions, path: "A.cs");
        SyntaxTree b = CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { public static int Y => 2; } }", parseOptions, path: "B.cs");
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { a, b },
            // the runtime the generated code calls: without it the generator reports OAPI013 and emits nothing
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(OmsGenerated.Runtime.Http.ApiTransport).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        SyntaxTree bEdited = CSharpSyntaxTree.ParseText("namespace Consumer { public static class B { public static int Y => 3; /* edited */ } }", parseOptions, path: "B.cs");
        _edited = _compilation.ReplaceSyntaxTree(b, bEdited);
        _texts = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(BenchEnvironment.OmsSpecPath, File.ReadAllText(BenchEnvironment.OmsSpecPath)));

        _warm = CreateDriver(trackSteps: false).RunGenerators(_compilation);
        Verify();
    }

    private GeneratorDriver CreateDriver(bool trackSteps)
        => CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            _texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            InMemoryOptionsProvider.OptIn("OmsGenerated.Oms", "OmsClient"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The first run of a new driver: everything is computed.</summary>
    [Benchmark(Baseline = true, Description = "First run (parse + emit)")]
    public GeneratorDriver FirstRun() => CreateDriver(trackSteps: false).RunGenerators(_compilation);

    /// <summary>The run after an unrelated edit, from a driver that already ran once.</summary>
    [Benchmark(Description = "Rerun after unrelated C# edit")]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warm.RunGenerators(_edited);

    private void Verify()
    {
        GeneratorDriver first = CreateDriver(trackSteps: true).RunGenerators(_compilation);
        GeneratorRunResult firstResult = first.GetRunResult().Results.Single();
        if (firstResult.GeneratedSources.Length < 10 || firstResult.Exception is not null)
        {
            throw new InvalidOperationException($"The generator produced {firstResult.GeneratedSources.Length} files on the OMS spec ({firstResult.Exception?.Message}).");
        }

        GeneratorRunResult rerun = first.RunGenerators(_edited).GetRunResult().Results.Single();
        var recomputed = rerun.TrackedSteps.Concat(rerun.TrackedOutputSteps)
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(o => (step.Key, o.Reason))))
            .Where(x => x.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .ToList();
        if (recomputed.Count > 0)
        {
            throw new InvalidOperationException("An unrelated edit recomputed: " + string.Join(", ", recomputed.Select(x => x.Key + "=" + x.Reason)));
        }

        RerunReport = "rerun after an unrelated edit: steps " + string.Join(", ", rerun.TrackedSteps.Concat(rerun.TrackedOutputSteps)
            .Select(step => step.Key + "=" + string.Join("/", step.Value.SelectMany(r => r.Outputs).Select(o => o.Reason).Distinct())));
    }

    /// <summary>What the tracked steps said about the rerun (for the report).</summary>
    public static string? RerunReport { get; private set; }
}

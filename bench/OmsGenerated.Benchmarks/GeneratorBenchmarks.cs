using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using OmsGenerated.Benchmarks.Infrastructure;
using OmsGenerated.Generator.Emitting;
using OmsGenerated.Generator.Parsing;

namespace OmsGenerated.Benchmarks;

/// <summary>
/// Spec text to C# source, warm, in process: our parse + model + emit (<c>SpecParser.Parse</c> then
/// <c>SourceEmitter.Emit</c>, every file materialized to a string) against NSwag's own parse
/// (<c>OpenApiYamlDocument.FromYamlAsync</c> / <c>OpenApiDocument.FromJsonAsync</c>) plus
/// <c>CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile()</c>, on the same text.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const string Oms = "oms.openapi.yaml";
    public const string Synthetic = "synthetic-500ops.json";
    public const string GitHub = "github-api.json";

    private string _path = null!;
    private string _text = null!;
    private SpecInput _input = null!;

    /// <summary>The documents: the OMS spec, the synthetic 500/500 spec, and github-api.json when it is present.</summary>
    public static IEnumerable<string> Specs()
    {
        yield return Oms;
        yield return Synthetic;
        if (File.Exists(BenchEnvironment.GitHubSpecPath))
        {
            yield return GitHub;
        }
        else
        {
            Console.WriteLine($"// GeneratorBenchmarks: skipping {GitHub}: not found at {BenchEnvironment.GitHubSpecPath}");
        }
    }

    [ParamsSource(nameof(Specs))]
    public string Spec { get; set; } = Oms;

    [GlobalSetup]
    public void Setup()
    {
        _path = PathOf(Spec);
        _text = File.ReadAllText(_path);
        _input = new SpecInput(_path, _text, "Bench.Api", "BenchClient", "public");

        // Both sides must actually produce a client from this document.
        ParseResult parsed = SpecParser.Parse(_input, CancellationToken.None);
        if (parsed.Model is null)
        {
            throw new InvalidOperationException($"OmsGenerated produced no model for {Spec}: " + string.Join("; ", parsed.Diagnostics.Select(d => d.ToString())));
        }
    }

    public static string PathOf(string spec) => spec switch
    {
        Oms => BenchEnvironment.OmsSpecPath,
        Synthetic => File.Exists(SyntheticSpec.DefaultPath) && IsCurrent(SyntheticSpec.DefaultPath) ? SyntheticSpec.DefaultPath : SyntheticSpec.WriteTo(SyntheticSpec.DefaultPath),
        GitHub => BenchEnvironment.GitHubSpecPath,
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, null),
    };

    // Regenerated each process unless an identical copy is already there (it is deterministic).
    private static bool IsCurrent(string path)
    {
        string fresh = Path.Combine(Path.GetDirectoryName(path)!, "synthetic-500.check.json");
        SyntheticSpec.WriteTo(fresh);
        bool same = File.ReadAllBytes(fresh).AsSpan().SequenceEqual(File.ReadAllBytes(path));
        File.Delete(fresh);
        return same;
    }

    [Benchmark(Baseline = true, Description = "NSwag parse + CSharpClientGenerator")]
    public int NSwag()
    {
        OpenApiDocument document = (_path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? OpenApiDocument.FromJsonAsync(_text, _path)
                : OpenApiYamlDocument.FromYamlAsync(_text, _path))
            .GetAwaiter().GetResult();
        return new CSharpClientGenerator(document, new CSharpClientGeneratorSettings()).GenerateFile().Length;
    }

    [Benchmark(Description = "OmsGenerated parse + model + emit")]
    public int Ours()
    {
        ParseResult result = SpecParser.Parse(_input, CancellationToken.None);
        int length = 0;
        foreach (GeneratedFile file in SourceEmitter.Emit(result.Model!, CancellationToken.None))
        {
            length += file.Text.ToString().Length;
        }

        return length;
    }
}

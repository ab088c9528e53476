using System.Collections.Generic;
using System.IO;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Text;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Emitting;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing;
using SpecDocument = OmsGenerated.Generator.Parsing.OpenApi.OpenApiDocument;

namespace OmsGenerated.Benchmarks.Diagnostics;

/// <summary>
/// Where the generator's time goes on a spec (default: the synthetic 500/500 one), stage by stage, next to NSwag's
/// parse and NSwag's code generation alone. Not part of the default run: <c>-- anatomy-generator</c>.
/// </summary>
[MemoryDiagnoser]
public class GeneratorAnatomy
{
    private string _path = null!;
    private string _text = null!;
    private SpecInput _input = null!;
    private OpenApiDocument _nswagDocument = null!;
    private SpecDocument _ourDocument = null!;
    private ApiModel _model = null!;

    [Params(GeneratorBenchmarks.Synthetic)]
    public string Spec { get; set; } = GeneratorBenchmarks.Synthetic;

    [GlobalSetup]
    public void Setup()
    {
        _path = GeneratorBenchmarks.PathOf(Spec);
        _text = File.ReadAllText(_path);
        _input = new SpecInput(_path, _text, "Bench.Api", "BenchClient", "public");
        _nswagDocument = NSwagParse();
        _ourDocument = (SpecDocument)OursLoad()!;
        _model = (ApiModel)OursModel();
    }

    [Benchmark(Baseline = true, Description = "NSwag: parse (FromJsonAsync)")]
    public OpenApiDocument NSwagParse() => OpenApiDocument.FromJsonAsync(_text, _path).GetAwaiter().GetResult();

    [Benchmark(Description = "NSwag: CSharpClientGenerator.GenerateFile (parsed)")]
    public int NSwagGenerate() => new CSharpClientGenerator(_nswagDocument, new CSharpClientGeneratorSettings()).GenerateFile().Length;

    /// <summary>What a reader of our own would start from: the whole document as a System.Text.Json DOM.</summary>
    [Benchmark(Description = "System.Text.Json JsonDocument.Parse (own-reader lower bound)")]
    public int StjParse()
    {
        using var document = System.Text.Json.JsonDocument.Parse(_text);
        return document.RootElement.GetProperty("paths").GetPropertyCount();
    }

    [Benchmark(Description = "Ours: SpecLocator + SpecLoader.Load (read, shape and $ref checks)")]
    public object? OursLoad()
        => SpecLoader.Load(_input, new SpecLocator(_path, SourceText.From(_text)), new List<DiagnosticInfo>(), CancellationToken.None);

    [Benchmark(Description = "Ours: ModelBuilder.Build (parsed)")]
    public object OursModel()
        => ModelBuilder.Build(_input, _ourDocument, new SpecLocator(_path, SourceText.From(_text)), new List<DiagnosticInfo>(), CancellationToken.None);

    [Benchmark(Description = "Ours: SourceEmitter.Emit to strings (model built)")]
    public int OursEmit()
    {
        int length = 0;
        foreach (GeneratedFile file in SourceEmitter.Emit(_model, CancellationToken.None))
        {
            length += file.Text.ToString().Length;
        }

        return length;
    }
}

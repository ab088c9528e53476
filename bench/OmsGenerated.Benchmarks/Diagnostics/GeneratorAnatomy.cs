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
using OmsGenerated.Generator.Parsing.Syntax;

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
    private OpenApiDocument _ourDocument = null!;
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
        _ourDocument = (OpenApiDocument)OursLoad()!;
        _model = (ApiModel)OursModel();
    }

    [Benchmark(Baseline = true, Description = "NSwag: parse (FromJsonAsync)")]
    public OpenApiDocument NSwagParse() => OpenApiDocument.FromJsonAsync(_text, _path).GetAwaiter().GetResult();

    [Benchmark(Description = "NSwag: CSharpClientGenerator.GenerateFile (parsed)")]
    public int NSwagGenerate() => new CSharpClientGenerator(_nswagDocument, new CSharpClientGeneratorSettings()).GenerateFile().Length;

    [Benchmark(Description = "Ours: syntax pass alone (JSON/YAML → positioned tree)")]
    public object SyntaxPass()
        => _text.TrimStart().StartsWith("{", System.StringComparison.Ordinal)
            ? JsonSyntaxReader.Read(_text, CancellationToken.None)
            : YamlSyntaxReader.Read(_text, CancellationToken.None);

    [Benchmark(Description = "Ours: SpecLoader.Load (syntax pass, checks, NSwag read)")]
    public object? OursLoad()
        => SpecLoader.Load(_input, new SpecPositions(_path, SourceText.From(_text)), new List<DiagnosticInfo>(), CancellationToken.None);

    [Benchmark(Description = "Ours: ModelBuilder.Build (parsed)")]
    public object OursModel()
        => ModelBuilder.Build(_input, _ourDocument, new SpecPositions(_path, SourceText.From(_text)), new List<DiagnosticInfo>(), CancellationToken.None);

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

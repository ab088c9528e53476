using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Mutated documents (flipped characters and bytes, truncation, deleted and duplicated lines, swapped value kinds,
/// rewritten references, hostile strings) never break the generator: nothing escapes the driver, no OAPI008, every
/// diagnostic is located in the spec file, and a document without an error diagnostic compiles.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20261203;
    private const int Count = 300;
    private static readonly TimeSpan s_perDocument = TimeSpan.FromSeconds(20);

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SeedDocumentsGenerateWithoutErrors()
    {
        foreach (var seed in FuzzSeeds.All())
        {
            var result = GeneratorHarness.Run(GeneratorHarness.Spec(seed.Path, seed.Text));

            var errors = result.Errors.ToList();
            Assert.True(errors.Count == 0, $"{seed.Path}:\n" + string.Join("\n", errors.Take(10)));
        }
    }

    [Fact]
    public async Task MutatedDocumentsNeverBreakTheGenerator()
    {
        var seeds = FuzzSeeds.All();
        var random = new Random(Seed);
        var failures = new List<string>();
        var time = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        for (var index = 0; index < Count; index++)
        {
            var seed = seeds[index % seeds.Count];
            var mutation = SpecMutator.Mutate(seed.Text, random);
            var started = stopwatch.Elapsed;
            var run = Task.Factory.StartNew(() => Problem(seed.Path, mutation.Text), TaskCreationOptions.LongRunning);
            if (await Task.WhenAny(run, Task.Delay(s_perDocument)) != run)
            {
                failures.Add(Describe(index, seed, mutation, $"did not finish within {s_perDocument.TotalSeconds:0} s (the remaining documents are not run)"));
                break;
            }

            time[seed.Path] = time.GetValueOrDefault(seed.Path) + (stopwatch.Elapsed - started);
            if (await run is { } problem)
            {
                failures.Add(Describe(index, seed, mutation, problem));
            }
        }

        _output.WriteLine($"{Count} mutated documents in {stopwatch.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", time.Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0} s")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Count} mutated documents (new Random({Seed}), one or two mutations each, seeds in turn) broke the generator:\n" + string.Join("\n", failures));
    }

    /// <summary>What is wrong with the generator's outcome on <paramref name="text"/>, or null.</summary>
    private static string? Problem(string path, string text)
    {
        GenerationResult result;
        try
        {
            result = GeneratorHarness.Run(GeneratorHarness.Spec(path, text));
        }
        catch (Exception exception)
        {
            return "the driver threw " + exception.GetType().Name + ": " + exception.Message;
        }

        var run = result.RunResult.Results[0];
        if (run.Exception is { } thrown)
        {
            return "the generator threw " + thrown.GetType().Name + ": " + thrown.Message;
        }

        if (result.GeneratorDiagnostics.FirstOrDefault(d => d.Id == "OAPI008") is { } failure)
        {
            return failure.GetMessage();
        }

        if (result.GeneratorDiagnostics.FirstOrDefault(d => d.Location.Kind == LocationKind.None || d.Location.GetLineSpan().Path != path) is { } unlocated)
        {
            return "not located in the spec file: " + unlocated;
        }

        if (result.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        var errors = result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0 ? null : "no error diagnostic, yet the output does not compile: " + string.Join(" | ", errors.Take(3));
    }

    private static string Describe(int index, FuzzSeed seed, Mutation mutation, string problem)
        => $"#{index} {seed.Path}: {mutation.Description}: {problem}";
}

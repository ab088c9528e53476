using System;
using System.Collections;
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
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing;
using OmsGenerated.Testing;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>The incremental pipeline caches: unrelated edits re-emit nothing, a spec edit touches only that spec, outputs hold no heavy objects.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedStepNames = { TrackingNames.SpecInput, TrackingNames.Parse, TrackingNames.Model, TrackingNames.Diagnostics, TrackingNames.Consumer };


    [Fact]
    public void UnrelatedCSharpEditKeepsEveryStepCached()
    {
        var (driver, _) = CreateDriver(Oms(), Petstore());
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Equal(2, first.TrackedSteps[TrackingNames.Model].Length);
        Assert.NotEmpty(first.GeneratedSources);

        // add a tree, then replace one: neither touches a spec
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }", new CSharpParseOptions(LanguageVersion.Latest), path: "B.cs"));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult().Results.Single());

        var oldTree = edited.SyntaxTrees.First();
        var replaced = edited.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("namespace Consumer { internal static class A { public static int X; } }", new CSharpParseOptions(LanguageVersion.Latest), path: oldTree.FilePath));
        driver = driver.RunGenerators(replaced);
        AssertAllCached(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void EditingOneSpecReparsesOnlyThatSpec()
    {
        var oms = Oms();
        var petstore = Petstore();
        var (driver, _) = CreateDriver(oms, petstore);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        driver = driver.RunGenerators(compilation);

        var editedPetstore = new InMemoryAdditionalText(petstore.Path, petstore.Text.Replace("title: Pet shop", "title: Pet shop (edited)", StringComparison.Ordinal));
        Assert.NotEqual(petstore.Text, editedPetstore.Text);
        driver = driver.ReplaceAdditionalText(petstore, editedPetstore).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);

        var petstoreParse = StepFor(result, TrackingNames.Parse, "shop.yaml");
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(petstoreParse.Outputs).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(StepFor(result, TrackingNames.Model, "shop.yaml").Outputs).Reason);

        foreach (var name in new[] { TrackingNames.Parse, TrackingNames.Model })
        {
            var omsStep = StepFor(result, name, "oms.openapi.yaml");
            Assert.All(omsStep.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " of the OMS spec: " + o.Reason));
        }

        var specInputs = result.TrackedSteps[TrackingNames.SpecInput].SelectMany(s => s.Outputs).ToList();
        Assert.Single(specInputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(specInputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

        // the edit reached the output: only the petstore client is regenerated with the new title
        var client = result.GeneratedSources.Single(s => s.HintName == "Test.Api.ShopClient.g.cs").SourceText.ToString();
        Assert.Contains("Pet shop (edited)", client);
    }

    [Fact]
    public void CommentOnlySpecEditReEmitsNothing()
    {
        var petstore = Petstore();
        var (driver, _) = CreateDriver(Oms(), petstore);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        driver = driver.RunGenerators(compilation);

        var commented = new InMemoryAdditionalText(petstore.Path, petstore.Text + "\n# a trailing comment changes the text, not the API\n");
        driver = driver.ReplaceAdditionalText(petstore, commented).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(StepFor(result, TrackingNames.Parse, "shop.yaml").Outputs).Reason);
        Assert.All(result.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "Model: " + o.Reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void PipelineOutputsHoldNoCompilerOrParserObjects()
    {
        var (driver, _) = CreateDriver(Oms(), Petstore(), new InMemoryAdditionalText("/specs/bad.yaml", "openapi: 3.0.3\ninfo:\n  title: Pets: store\n"));
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }"));
        var result = driver.GetRunResult().Results.Single();

        var walker = new GraphWalker();
        foreach (var name in TrackedStepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "step " + name + " is not tracked");
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    walker.Walk(value, name);
                }
            }
        }

        Assert.True(walker.Forbidden.Count == 0, "pipeline outputs reach:\n" + string.Join("\n", walker.Forbidden.Distinct().Take(20)));

        // the walk really went through the models
        Assert.Contains(typeof(ApiModel), walker.SeenTypes);
        Assert.Contains(typeof(PropertyModel), walker.SeenTypes);
        Assert.Contains(typeof(OperationModel), walker.SeenTypes);
        Assert.Contains(typeof(Diagnostics.DiagnosticInfo), walker.SeenTypes);
        Assert.Contains(typeof(SpecInput), walker.SeenTypes);
    }

    [Theory]
    [InlineData("oms")]
    [InlineData("shop.yaml")]
    [InlineData("orders.json")]
    [InlineData("library.yaml")]
    [InlineData("weather.json")]
    [InlineData("events.yaml")]
    public void ParsingTheSameTextTwiceGivesEqualModels(string file)
    {
        var path = file == "oms" ? GeneratorHarness.OmsSpecPath : "/specs/" + file;
        var text = file == "oms" ? File.ReadAllText(path) : RepositoryDocuments.All.Single(d => d.Name == file).Text;

        var first = SpecParser.Parse(new SpecInput(path, text, "Test.Api", "TestClient", "public"), CancellationToken.None);
        var second = SpecParser.Parse(new SpecInput(path, new string(text.AsSpan()), "Test.Api", "TestClient", "public"), CancellationToken.None);

        Assert.NotNull(first.Model);
        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model!.GetHashCode(), second.Model!.GetHashCode());
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        // equality is structural all the way down, not by reference
        Assert.Equal(first.Model.Objects.Count, second.Model.Objects.Count);
        for (var i = 0; i < first.Model.Objects.Count; i++)
        {
            Assert.NotSame(first.Model.Objects[i], second.Model.Objects[i]);
            Assert.Equal(first.Model.Objects[i].GetHashCode(), second.Model.Objects[i].GetHashCode());
        }

        // and a real difference is seen
        var renamed = SpecParser.Parse(new SpecInput(path, text, "Test.Api", "OtherClient", "public"), CancellationToken.None);
        Assert.NotEqual(first.Model, renamed.Model);
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        foreach (var name in TrackedStepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "step " + name + " is not tracked");
            var outputs = result.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
        }

        var outputSteps = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputSteps);
        Assert.All(outputSteps, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static IncrementalGeneratorRunStep StepFor(GeneratorRunResult result, string name, string fileName)
        => Assert.Single(result.TrackedSteps[name], step => step.Outputs.Any(o => SpecFileName(o.Value) == fileName));

    private static string? SpecFileName(object value) => value switch
    {
        ParseResult parse => parse.Model?.SpecFileName,
        ApiModel model => model.SpecFileName,
        SpecInput input => Path.GetFileName(input.FilePath),
        _ => null,
    };

    private static InMemoryAdditionalText Oms() => new(GeneratorHarness.OmsSpecPath, File.ReadAllText(GeneratorHarness.OmsSpecPath));

    /// <summary>A second document beside the OMS spec: the repository's own pet shop (no public corpus needed).</summary>
    private static InMemoryAdditionalText Petstore() => new("/specs/shop.yaml", RepositoryDocuments.ShopYaml30);

    private static (GeneratorDriver Driver, ImmutableArray<AdditionalText> Texts) CreateDriver(params InMemoryAdditionalText[] specs)
    {
        var texts = specs.Cast<AdditionalText>().ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            InMemoryOptionsProvider.OptIn("Test.Api"),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver, texts);
    }

    /// <summary>Reflection walk over an object graph (fields, recursively, each object once) collecting forbidden objects.</summary>
    private sealed class GraphWalker
    {
        // the spec tree and its views (and any third-party reader objects) must not outlive the parse step
        private static readonly string[] ForbiddenNamespaces =
        {
            "OmsGenerated.Generator.Parsing.Syntax", "System.Text.Json", "YamlDotNet",
            "NSwag", "NJsonSchema", "Newtonsoft", "Namotion",
        };

        private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);

        public List<string> Forbidden { get; } = new();

        public HashSet<Type> SeenTypes { get; } = new();

        public void Walk(object? root, string path)
        {
            var pending = new Stack<(object Value, string Path)>();
            if (root is not null)
            {
                pending.Push((root, path));
            }

            while (pending.Count > 0)
            {
                var (value, at) = pending.Pop();
                var type = value.GetType();
                if (!type.IsValueType && !_visited.Add(value))
                {
                    continue;
                }

                SeenTypes.Add(type);
                if (IsForbidden(value, type))
                {
                    Forbidden.Add(at + " : " + type.FullName);
                    continue;
                }

                if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type or MemberInfo or Delegate or Pointer)
                {
                    continue;
                }

                if (value is Array array)
                {
                    var index = 0;
                    foreach (var item in array)
                    {
                        if (item is not null)
                        {
                            pending.Push((item, at + "[" + index + "]"));
                        }

                        index++;
                    }

                    continue;
                }

                for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
                {
                    foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike)
                        {
                            continue;
                        }

                        if (field.GetValue(value) is { } child)
                        {
                            pending.Push((child, at + "." + field.Name));
                        }
                    }
                }
            }
        }

        private static bool IsForbidden(object value, Type type)
            => value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location or Diagnostic or AdditionalText or AnalyzerConfigOptions
               || ForbiddenNamespaces.Any(ns => type.Namespace is { } name && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal)));
    }
}

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>A generator run compiled and loaded into a collectible context, for behaviour tests; disposing unloads it.</summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly string _namespace;

    private GeneratedAssembly(GenerationResult result, AssemblyLoadContext context, Assembly assembly, string ns)
    {
        Result = result;
        _context = context;
        Assembly = assembly;
        _namespace = ns;
    }

    public GenerationResult Result { get; }

    public Assembly Assembly { get; }

    /// <summary>Generates from a document in namespace Poly.Api, asserts a clean run, compiles and loads it.</summary>
    public static GeneratedAssembly Load(string text, params string[] allowedWarnings)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/poly.yaml", text, "Poly.Api"));
        Safety.SafetyAssert.AssertCleanExcept(result, allowedWarnings);
        return From(result, "Poly.Api");
    }

    /// <summary>Emits <paramref name="result"/>'s compilation (which must succeed) and loads it; types are looked up in <paramref name="ns"/>.</summary>
    public static GeneratedAssembly From(GenerationResult result, string ns)
    {
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(result, context, context.LoadFromStream(stream), ns);
    }

    public Type Type(string name) => Assembly.GetType(_namespace + "." + name, throwOnError: true)!;

    public object? Read(string name, string json) => JsonSerializer.Deserialize(json, Type(name));

    public string Write(string name, object? value) => JsonSerializer.Serialize(value, Type(name));

    public static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "expected " + expected + "\nactual   " + actual);

    public void Dispose() => _context.Unload();
}

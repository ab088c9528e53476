using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace OmsGenerated.Generator.Tests.Polymorphism;

/// <summary>Generates from a document, compiles, and loads the models into a collectible context for behaviour tests.</summary>
internal sealed class GeneratedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedAssembly(GenerationResult result, AssemblyLoadContext context, Assembly assembly)
    {
        Result = result;
        _context = context;
        Assembly = assembly;
    }

    public GenerationResult Result { get; }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(string text, params string[] allowedWarnings)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/poly.yaml", text, "Poly.Api"));
        Safety.SafetyAssert.AssertCleanExcept(result, allowedWarnings);
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Take(10)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("poly-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new GeneratedAssembly(result, context, context.LoadFromStream(stream));
    }

    public Type Type(string name) => Assembly.GetType("Poly.Api." + name, throwOnError: true)!;

    public object? Read(string name, string json) => JsonSerializer.Deserialize(json, Type(name));

    public string Write(string name, object? value) => JsonSerializer.Serialize(value, Type(name));

    public static void AssertSameJson(string expected, string actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), "expected " + expected + "\nactual   " + actual);

    public void Dispose() => _context.Unload();
}

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OmsGenerated.Generator.Tests.ClientSurface;

/// <summary>
/// Generates a client from a document, compiles it together with a probe written in plain C#
/// (<c>public static class Probe { public static Task&lt;string&gt; RunAsync(HttpClient http) }</c>), and runs the probe
/// against a <see cref="RecordingServer"/>.
/// </summary>
internal static class LiveClient
{
    public static async Task<string> RunAsync(string documentYaml, string probeSource, RecordingServer server, params string[] allowedWarnings)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/live.yaml", documentYaml, "Live.Api", "LiveClient"));
        var unexpected = result.GeneratorDiagnostics.Where(d => !allowedWarnings.Contains(d.Id)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        Assert.Empty(result.CompileDiagnostics);

        var probe = CSharpSyntaxTree.ParseText(probeSource, new CSharpParseOptions(LanguageVersion.Latest), path: "Probe.cs");
        var compilation = result.Output.AddSyntaxTrees(probe);
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;

        var context = new AssemblyLoadContext("live-client-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var run = context.LoadFromStream(stream).GetType("Probe", throwOnError: true)!.GetMethod("RunAsync")!;
            using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress };
            try
            {
                return await (Task<string>)run.Invoke(null, new object[] { http })!;
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                throw exception.InnerException;
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The generator's source text for the document (to check what is and is not declared).</summary>
    public static string Source(string documentYaml)
        => string.Join("\n", GeneratorHarness.Run(GeneratorHarness.Spec("/specs/live.yaml", documentYaml, "Live.Api", "LiveClient")).RunResult.GeneratedTrees.Select(t => t.ToString()));
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>Runs the generator over one document and asserts on its outcome, with 1-based line/column locations.</summary>
internal static class SafetyAssert
{
    public const string Namespace = "Test.Api";

    public static GenerationResult Run(string path, string text) => GeneratorHarness.Run(GeneratorHarness.Spec(path, text, Namespace));

    /// <summary>Runs <paramref name="run"/> on its own thread and fails if it has not finished within <paramref name="limit"/>.</summary>
    /// <remarks>A runaway run cannot be stopped; it is left to finish in the background.</remarks>
    public static async Task<T> CompletesWithin<T>(TimeSpan limit, Func<T> run)
    {
        var task = Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var finished = await Task.WhenAny(task, Task.Delay(limit));
        Assert.True(finished == task, $"the generator did not finish within {limit.TotalSeconds:0} s");
        return await task;
    }

    /// <summary>The generator did not throw and whatever it produced compiles.</summary>
    public static void AssertNoFailure(GenerationResult result)
    {
        var run = Assert.Single(result.RunResult.Results);
        Assert.True(run.Exception is null, "the generator threw: " + run.Exception);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "OAPI008");
        Assert.DoesNotContain(result.RunResult.Diagnostics, d => d.Id is "CS8784" or "CS8785");
        var errors = result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Take(20)));
    }

    /// <summary>Generation and compilation reported no error, and the generator reported nothing but the allowed warnings.</summary>
    public static void AssertCleanExcept(GenerationResult result, params string[] allowedWarnings)
    {
        AssertNoFailure(result);
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 0, "errors:\n" + string.Join("\n", errors.Take(20)));
        var unexpected = result.GeneratorDiagnostics.Where(d => d.Severity != DiagnosticSeverity.Warning || !allowedWarnings.Contains(d.Id)).ToList();
        Assert.True(unexpected.Count == 0, $"unexpected diagnostics (allowed: {string.Join(", ", allowedWarnings)}):\n" + string.Join("\n", unexpected));
    }

    public static Diagnostic Single(GenerationResult result, string id, DiagnosticSeverity severity)
    {
        var matching = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n" + string.Join("\n", result.GeneratorDiagnostics));
        Assert.Equal(severity, matching[0].Severity);
        return matching[0];
    }

    /// <summary>The generator reported exactly one diagnostic, <paramref name="id"/> as an error.</summary>
    public static Diagnostic OnlyError(GenerationResult result, string id)
    {
        Assert.True(
            result.GeneratorDiagnostics.Length == 1 && result.GeneratorDiagnostics[0].Id == id,
            $"expected exactly one {id}, got:\n" + string.Join("\n", result.GeneratorDiagnostics));
        var diagnostic = result.GeneratorDiagnostics[0];
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }

    public static void AssertLocation(Diagnostic diagnostic, string path, string text, (int Line, int Column) expected)
    {
        AssertInFile(diagnostic, path, text);
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            expected == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{diagnostic.Id} expected at ({expected.Line},{expected.Column}), reported at ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");
    }

    /// <summary>The diagnostic is located in the spec file, and its offset span and line span describe the same place.</summary>
    public static void AssertInFile(Diagnostic diagnostic, string path, string text)
    {
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, "no location: " + diagnostic);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        var source = SourceText.From(text);
        Assert.True(diagnostic.Location.SourceSpan.End <= source.Length, "span beyond the end of the file: " + diagnostic);
        Assert.Equal(span.StartLinePosition, source.Lines.GetLinePosition(diagnostic.Location.SourceSpan.Start));
    }

    public static void AssertMessageContains(Diagnostic diagnostic, string expected)
        => Assert.True(
            diagnostic.GetMessage().Contains(expected, StringComparison.OrdinalIgnoreCase),
            $"{diagnostic.Id} message does not mention '{expected}': {diagnostic.GetMessage()}");

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th <paramref name="needle"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) is not in the test input");
        }

        return PositionAt(text, index);
    }

    /// <summary>1-based line and column of the character at <paramref name="offset"/>, lines ending at '\n'.</summary>
    public static (int Line, int Column) PositionAt(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>The one method <paramref name="methodName"/> of the generated type <paramref name="typeName"/>.</summary>
    public static IMethodSymbol Method(GenerationResult result, string typeName, string methodName)
    {
        var type = result.Output.GetTypeByMetadataName(Namespace + "." + typeName);
        Assert.True(type is not null, $"no generated type {typeName}; generated: " + string.Join(", ", result.RunResult.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath))));
        var methods = type!.GetMembers(methodName).OfType<IMethodSymbol>().ToList();
        Assert.True(methods.Count == 1, $"expected one {typeName}.{methodName}, got {methods.Count}; members: " + string.Join(", ", type.GetMembers().Select(m => m.Name).Distinct()));
        return methods[0];
    }

    /// <summary>The display type of the generated property <paramref name="typeName"/>.<paramref name="propertyName"/>.</summary>
    public static string PropertyType(GenerationResult result, string typeName, string propertyName)
    {
        var type = result.Output.GetTypeByMetadataName(Namespace + "." + typeName);
        Assert.True(type is not null, $"no generated type {typeName}");
        // declared on the type or inherited (an allOf of one reference derives from it)
        var declaring = type;
        while (declaring is not null && !declaring.GetMembers(propertyName).OfType<IPropertySymbol>().Any())
        {
            declaring = declaring.BaseType;
        }

        var properties = (declaring ?? type!).GetMembers(propertyName).OfType<IPropertySymbol>().ToList();
        Assert.True(properties.Count == 1, $"expected one property {typeName}.{propertyName}; members: " + string.Join(", ", type.GetMembers().Select(m => m.Name).Distinct()));
        return properties[0].Type.ToDisplayString();
    }

    /// <summary>
    /// Where a scalar's diagnostic points: a quoted scalar (JSON string, YAML '…' or "…") at its first character
    /// inside the quotes, as the existing diagnostics tests locate <c>$ref</c> texts; anything else as written.
    /// </summary>
    public static string ScalarContent(string token)
        => token.Length >= 2 && token[0] is '"' or '\'' && token[token.Length - 1] == token[0] ? token.Substring(1, token.Length - 2) : token;
}

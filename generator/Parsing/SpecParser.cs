using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing.Syntax;

namespace OmsGenerated.Generator.Parsing;

internal sealed record ParseResult(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Spec text → <see cref="ApiModel"/> plus diagnostics. Never throws except for cancellation.</summary>
internal static class SpecParser
{
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var positions = new SpecPositions(input.FilePath, SourceText.From(input.Text ?? string.Empty));
        try
        {
            input = ValidateOptions(input, positions, diagnostics);
            var document = SpecLoader.Load(input, positions, diagnostics, cancellationToken);
            if (document is null)
            {
                return new ParseResult(null, Deduplicate(diagnostics));
            }

            var model = ModelBuilder.Build(input, document, positions, diagnostics, cancellationToken);
            return new ParseResult(model, Deduplicate(diagnostics));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure,
                positions.Start,
                System.IO.Path.GetFileName(input.FilePath),
                exception.GetType().Name + ": " + exception.Message.Replace("\n", " ") + WhereThrown(exception)));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private static string WhereThrown(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(frame) ? string.Empty : " (" + frame + ")";
    }

    private static EquatableArray<DiagnosticInfo> Deduplicate(List<DiagnosticInfo> diagnostics)
        => diagnostics.Distinct().ToEquatableArray();

    private static SpecInput ValidateOptions(SpecInput input, SpecPositions positions, List<DiagnosticInfo> diagnostics)
    {
        if (input.Accessibility is not ("public" or "internal"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, positions.Start, "Accessibility", input.Accessibility, "use 'public' or 'internal'; 'public' is used"));
            input = input with { Accessibility = "public" };
        }

        if (!IsValidNamespace(input.Namespace))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, positions.Start, "Namespace", input.Namespace, "it is not a valid C# namespace; 'GeneratedClients' is used"));
            input = input with { Namespace = "GeneratedClients" };
        }

        if (!SyntaxFacts.IsValidIdentifier(input.ClientName) || Naming.IsKeyword(input.ClientName))
        {
            var fallback = Naming.ToPascalCase(input.ClientName);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, positions.Start, "ClientName", input.ClientName, "it is not a valid C# type name; '" + fallback + "' is used"));
            input = input with { ClientName = fallback };
        }

        return input;
    }

    private static bool IsValidNamespace(string ns)
        => ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && !Naming.IsKeyword(part));
}

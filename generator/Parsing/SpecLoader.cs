using System;
using System.Collections.Generic;
using System.Threading;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Parsing.Document;
using OmsGenerated.Generator.Parsing.OpenApi;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Reads a spec (JSON with System.Text.Json, YAML with YamlDotNet's parser) into an <see cref="OpenApiDocument"/> view,
/// turning every way it can fail into located diagnostics: syntax, not OpenAPI, wrong shape, unresolvable or external
/// <c>$ref</c>. No file or network access: external references are refused, never fetched.
/// </summary>
internal static class SpecLoader
{
    public static OpenApiDocument? Load(SpecInput input, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var text = input.Text;
        var fileName = System.IO.Path.GetFileName(input.FilePath);
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Start, fileName, "the file is empty"));
            return null;
        }

        var isJson = FirstNonWhiteSpace(text) == '{';
        SpecNode root;
        try
        {
            root = isJson ? JsonSpecReader.Read(text, cancellationToken) : YamlSpecReader.Read(text, cancellationToken);
        }
        catch (SpecSyntaxException syntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnreadableSpec,
                locator.AtLineColumn(syntax.Line, syntax.Column),
                fileName,
                isJson ? "JSON" : "YAML",
                OneLine(syntax.Message)));
            return null;
        }

        if (root is not SpecMap map || (map.GetString("openapi") ?? map.GetString("swagger")) is not { } version)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Start, fileName, "it has no top-level 'openapi' or 'swagger' field"));
            return null;
        }

        var document = new OpenApiDocument(map, map.ContainsKey("openapi") ? SpecVersion.OpenApi3 : SpecVersion.Swagger2);
        if (!(document.IsSwagger2 ? version.StartsWith("2", StringComparison.Ordinal) : version.StartsWith("3", StringComparison.Ordinal)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.NotOpenApi,
                locator.FindValueOf(document.IsSwagger2 ? "swagger" : "openapi"),
                fileName,
                "version '" + version + "' is not supported"));
            return null;
        }

        var failed = false;
        foreach (var problem in ShapeValidator.Check(document))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.FindValueOf(problem.Where), fileName, problem.Message));
            failed = true;
        }

        foreach (var problem in ReferenceCheck.Check(map))
        {
            diagnostics.Add(problem.IsExternal
                ? DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, locator.FindValue(problem.Reference), problem.Reference)
                : DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, locator.FindValue(problem.Reference), problem.Reference, fileName + (problem.Reason is null ? string.Empty : " (" + problem.Reason + ")")));
            failed = true;
        }

        return failed ? null : document;
    }

    private static char FirstNonWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }

    private static string OneLine(string message) => message.Replace("\r", " ").Replace("\n", " ").Trim();
}

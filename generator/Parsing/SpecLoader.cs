using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using Newtonsoft.Json;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Parsing.Syntax;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Spec text → NSwag <see cref="OpenApiDocument"/>. A thin syntax pass of ours comes first (JSON with System.Text.Json,
/// YAML with YamlDotNet's parser) for what NSwag does not give: positions for every diagnostic, YAML 1.2 typing, hard
/// limits, typo and <c>$ref</c> checks. Its tree is then handed to NSwag as JSON, through a resolver that refuses
/// external references. Every way this can fail becomes a located diagnostic.
/// </summary>
internal static class SpecLoader
{
    private static readonly Regex s_unresolved = new(@"Could not resolve the (?:path|JSON path) '([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex s_pathSuffix = new(@"\s*Path '[^']*'(, line \d+, position \d+)?\.?$", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Load(SpecInput input, SpecPositions positions, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var fileName = System.IO.Path.GetFileName(input.FilePath);
        var root = ReadSyntax(input, positions, diagnostics, out var isJson, cancellationToken);
        if (root is null)
        {
            return null;
        }

        if (root is not SpecMap map || (map.GetString("openapi") ?? map.GetString("swagger")) is not { } version)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.Start, fileName, "it has no top-level 'openapi' or 'swagger' field"));
            return null;
        }

        var isSwagger2 = !map.ContainsKey("openapi");
        if (!(isSwagger2 ? version.StartsWith("2", StringComparison.Ordinal) : version.StartsWith("3", StringComparison.Ordinal)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.Value(isSwagger2 ? "swagger" : "openapi"), fileName, "version '" + version + "' is not supported"));
            return null;
        }

        foreach (var problem in KeywordCheck.Check(map, isSwagger2, cancellationToken))
        {
            diagnostics.Add(problem.IsUnknownField
                ? DiagnosticInfo.Create(DiagnosticDescriptors.UnknownField, positions.At(problem.At.Start, problem.Length), fileName, problem.Message)
                : DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.At(problem.At.Start, problem.Length), fileName, problem.Message));
        }

        var failed = false;
        foreach (var problem in ReferenceCheck.Check(map, cancellationToken))
        {
            var at = positions.Of(problem.At);
            diagnostics.Add(problem.IsExternal
                ? DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, at, problem.Reference)
                : DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, at, problem.Reference, fileName + (problem.Reason is null ? string.Empty : " (" + problem.Reason + ")")));
            failed = true;
        }

        if (failed)
        {
            return null;
        }

        var isOpenApi31 = version.StartsWith("3.1", StringComparison.Ordinal);
        if (isOpenApi31)
        {
            map = OpenApi31Normalizer.Normalize(map);
            positions.Root = map;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var forNSwag = SecuritySchemeFilter.RemoveUnknownTypes(map, isSwagger2);
        // JSON that needs no change goes to NSwag as written (Newtonsoft.Json reads comments and trailing commas too)
        var json = !isOpenApi31 && ReferenceEquals(forNSwag, map) && isJson && SpecJson.CanPassThrough(input.Text!) ? input.Text! : SpecJson.Write(forNSwag);
        return ReadWithNSwag(json, isSwagger2, positions, fileName, diagnostics, cancellationToken);
    }

    private static SpecNode? ReadSyntax(SpecInput input, SpecPositions positions, List<DiagnosticInfo> diagnostics, out bool isJson, CancellationToken cancellationToken)
    {
        isJson = false;
        var fileName = System.IO.Path.GetFileName(input.FilePath);
        var text = input.Text;
        if (text is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.Start, fileName, "the file was not found or could not be read"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.Start, fileName, "the file is empty"));
            return null;
        }

        isJson = FirstNonWhiteSpace(text) == '{';
        var format = isJson ? "JSON" : "YAML";
        if (text.Length > SyntaxLimits.MaxLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec, positions.Start, fileName, format, "the document is larger than " + (SyntaxLimits.MaxLength / (1024 * 1024)) + " MiB"));
            return null;
        }

        if (IndexOfLoneSurrogate(text) is var surrogate and >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec, positions.At(surrogate), fileName, format, "the text has an unpaired UTF-16 surrogate (U+" + ((int)text[surrogate]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + "), which is not a character"));
            return null;
        }

        try
        {
            var root = isJson ? JsonSyntaxReader.Read(text, cancellationToken) : YamlSyntaxReader.Read(text, cancellationToken);
            positions.Root = root;
            return root;
        }
        catch (SpecSyntaxException syntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSpec, positions.At(syntax.Offset), fileName, format, OneLine(syntax.Message)));
            return null;
        }
    }

    private static OpenApiDocument? ReadWithNSwag(string json, bool isSwagger2, SpecPositions positions, string fileName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        Func<OpenApiDocument, JsonReferenceResolver> resolverFactory =
            document => new OfflineReferenceResolver(new OpenApiSchemaResolver(document, new SystemTextJsonSchemaGeneratorSettings()));
        try
        {
            // NSwag has no synchronous API; with external references refused, nothing in it waits on I/O.
            return OpenApiDocument.FromJsonAsync(json, null, isSwagger2 ? SchemaType.Swagger2 : SchemaType.OpenApi3, resolverFactory, cancellationToken)
                .GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Add(ToDiagnostic(Unwrap(exception), positions, fileName));
            return null;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ExternalReferenceException or JsonException)
            {
                return current;
            }
        }

        return exception;
    }

    /// <summary>NSwag, NJsonSchema and Newtonsoft.Json failures, located through the JSON path they name.</summary>
    private static DiagnosticInfo ToDiagnostic(Exception exception, SpecPositions positions, string fileName)
    {
        switch (exception)
        {
            case ExternalReferenceException external:
                return DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, positions.Reference(external.Reference), external.Reference);
            case JsonSerializationException serialization:
                return DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.JsonPath(serialization.Path), fileName, Describe(serialization));
            case JsonReaderException reader:
                return DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.JsonPath(reader.Path), fileName, Describe(reader));
        }

        var unresolved = s_unresolved.Match(exception.Message);
        if (unresolved.Success)
        {
            var reference = unresolved.Groups[1].Value;
            return reference.StartsWith("#", StringComparison.Ordinal)
                ? DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, positions.Reference(reference), reference, fileName)
                : DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, positions.Reference(reference), reference);
        }

        return DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, positions.Start, fileName, OneLine(exception.Message));
    }

    /// <summary>Newtonsoft's message without its "Path '…', line 1, position 123." tail (the JSON is ours, one line).</summary>
    private static string Describe(JsonException exception)
    {
        var message = s_pathSuffix.Replace(OneLine(exception.Message), string.Empty).TrimEnd('.', ' ');
        var path = exception is JsonSerializationException serialization ? serialization.Path : (exception as JsonReaderException)?.Path;
        return string.IsNullOrEmpty(path) ? message : message + " (at " + path + ")";
    }

    private static int IndexOfLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
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

using System;
using System.Text.RegularExpressions;
using System.Threading;
using Newtonsoft.Json;
using NJsonSchema;
using NJsonSchema.Generation;
using NSwag;
using OmsGenerated.Generator.Diagnostics;
using YamlDotNet.Core;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Reads a spec with NSwag, turning every way it can fail into a located diagnostic.</summary>
internal static class SpecLoader
{
    private static readonly Regex s_swagger2 = new(@"^\s*[""']?swagger[""']?\s*:\s*[""']?2", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_openApi = new(@"^\s*[""']?(openapi|swagger)[""']?\s*:", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_openApi31 = new(@"^\s*[""']?openapi[""']?\s*:\s*[""']?3\.1", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_unresolved = new(@"Could not resolve the (?:path|JSON path) '([^']*)'", RegexOptions.CultureInvariant);

    public static OpenApiDocument? Load(SpecInput input, SpecLocator locator, out DiagnosticInfo? error, CancellationToken cancellationToken)
    {
        error = null;
        var text = input.Text;
        var isJson = text.TrimStart().StartsWith("{", StringComparison.Ordinal);
        var format = isJson ? "JSON" : "YAML";
        var fileName = System.IO.Path.GetFileName(input.FilePath);

        if (string.IsNullOrWhiteSpace(text))
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Start, fileName, "the file is empty");
            return null;
        }

        if (!s_openApi.IsMatch(text))
        {
            error = DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Start, fileName, "it has no top-level 'openapi' or 'swagger' field");
            return null;
        }

        var schemaType = s_swagger2.IsMatch(text) ? SchemaType.Swagger2 : SchemaType.OpenApi3;
        Func<OpenApiDocument, JsonReferenceResolver> resolverFactory =
            document => new OfflineReferenceResolver(new OpenApiSchemaResolver(document, new SystemTextJsonSchemaGeneratorSettings()));

        try
        {
            // NSwag has no synchronous API; with external references refused, nothing here waits on I/O.
            if (s_openApi31.IsMatch(text))
            {
                text = OpenApi31Normalizer.Normalize(text, isJson);
                isJson = true;
            }

            var task = isJson
                ? OpenApiDocument.FromJsonAsync(text, null, schemaType, resolverFactory, cancellationToken)
                : OpenApiYamlDocument.FromYamlAsync(text, null, schemaType, resolverFactory, cancellationToken);
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            error = ToDiagnostic(Unwrap(exception), format, fileName, locator);
            return null;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    exception = aggregate.InnerExceptions[0];
                    continue;
                case ExternalReferenceException or YamlException or JsonReaderException:
                    return exception;
                default:
                    var inner = FindInner(exception);
                    if (inner is not null)
                    {
                        return inner;
                    }

                    return exception;
            }
        }
    }

    private static Exception? FindInner(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is ExternalReferenceException or YamlException or JsonReaderException)
            {
                return current;
            }
        }

        return null;
    }

    private static DiagnosticInfo ToDiagnostic(Exception exception, string format, string fileName, SpecLocator locator)
    {
        switch (exception)
        {
            case ExternalReferenceException external:
                return DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, locator.FindValue(external.Reference), external.Reference);
            case YamlException yaml:
                // YamlDotNet marks are 1-based.
                return DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnreadableSpec,
                    locator.AtLineColumn((int)yaml.Start.Line - 1, (int)yaml.Start.Column - 1),
                    fileName, format, OneLine(yaml.InnerException?.Message ?? yaml.Message));
            case JsonReaderException json:
                return DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnreadableSpec,
                    locator.AtJsonPosition(json.LineNumber, json.LinePosition),
                    fileName, format, OneLine(json.Message));
            case JsonSerializationException serialization when serialization.Message.StartsWith("Unexpected end", StringComparison.Ordinal):
                // a truncated document is a syntax problem, not a shape problem
                return DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnreadableSpec,
                    locator.AtJsonPosition(serialization.LineNumber, serialization.LinePosition),
                    fileName, format, OneLine(serialization.Message));
            case JsonSerializationException serialization:
                // YAML is converted to JSON inside NSwag, so its line numbers mean nothing here: locate by the JSON path.
                var location = format == "JSON"
                    ? locator.AtJsonPosition(serialization.LineNumber, serialization.LinePosition)
                    : locator.FindValueOf(SpecLocator.SplitJsonPath(serialization.Path));
                return DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, location, fileName, OneLine(serialization.Message));
            default:
                var match = s_unresolved.Match(exception.Message);
                if (match.Success)
                {
                    var reference = match.Groups[1].Value;
                    if (!reference.StartsWith("#", StringComparison.Ordinal))
                    {
                        // NSwag gives up on a relative file reference before asking the resolver: still an external reference
                        return DiagnosticInfo.Create(DiagnosticDescriptors.ExternalReference, locator.FindValue(reference), reference);
                    }

                    return DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, locator.FindValue(reference), reference, fileName);
                }

                return DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, locator.Start, fileName, OneLine(exception.Message));
        }
    }

    private static string OneLine(string message) => message.Replace("\r", " ").Replace("\n", " ").Trim();
}

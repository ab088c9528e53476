using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>One operation as the document declares it: the method key under a path item of <c>paths</c>.</summary>
internal sealed record DocumentOperation(string Method, string Path, string? OperationId, bool HasRequestBody, bool IsBodyRequired)
{
    /// <summary>Media types of the request body (<c>requestBody.content</c>, or 2.0 <c>consumes</c> when there is a body).</summary>
    public IReadOnlyList<string> RequestContentTypes { get; init; } = Array.Empty<string>();

    /// <summary>Media types of the 2xx responses (<c>content</c>, or 2.0 <c>produces</c> when a 2xx response has a schema).</summary>
    public IReadOnlyList<string> ResponseContentTypes { get; init; } = Array.Empty<string>();

    public string Key => Method.ToUpperInvariant() + " " + Path;
}

/// <summary>
/// Reads the operations of an OpenAPI 3.x or Swagger 2.0 document straight from its JSON or YAML, without NSwag, so
/// the counts do not depend on the reader the generator uses: every method key (including <c>trace</c>) of every path
/// item, whether it has a body to send (<c>requestBody</c>, or an <c>in: body</c> / <c>in: formData</c> parameter
/// at operation or path-item level), local <c>$ref</c>s to path items, parameters and request bodies followed.
/// </summary>
internal static class DocumentOperations
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static JsonNode? Load(string path)
    {
        string text = File.ReadAllText(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode);
    }

    public static IReadOnlyList<DocumentOperation> Read(JsonNode? document)
    {
        var operations = new List<DocumentOperation>();
        if (document?["paths"] is not JsonObject paths)
        {
            return operations;
        }

        foreach ((string path, JsonNode? rawItem) in paths)
        {
            if (Resolve(document, rawItem) is not JsonObject item)
            {
                continue;
            }

            var pathParameters = Parameters(document, item["parameters"]);
            foreach (string method in s_methods)
            {
                if (Resolve(document, item[method]) is not JsonObject operation)
                {
                    continue;
                }

                // operation-level parameters override path-level ones with the same name and location
                var parameters = Parameters(document, operation["parameters"]);
                var merged = parameters.Concat(pathParameters.Where(p => !parameters.Any(o => Same(o, p)))).ToList();
                var bodyParameters = merged.Where(p => (string?)p["in"] is "body" or "formData").ToList();
                // a requestBody whose content lists no media type ("content: {}", 403 times in aws-ec2) has nothing to send
                bool hasBody = Resolve(document, operation["requestBody"]) is JsonObject declaredBody && declaredBody["content"] is JsonObject { Count: > 0 }
                    || bodyParameters.Count > 0;
                bool required = Resolve(document, operation["requestBody"]) is JsonObject requestBody
                    ? requestBody["required"]?.ToString() is "true" or "True"
                    : bodyParameters.Any(p => p["required"]?.ToString() is "true" or "True");
                var successes = operation["responses"] is JsonObject responses
                    ? responses.Where(r => r.Key.StartsWith('2')).Select(r => Resolve(document, r.Value)).OfType<JsonObject>().ToList()
                    : new List<JsonObject>();
                IReadOnlyList<string> requestTypes = Resolve(document, operation["requestBody"]) is JsonObject body && body["content"] is JsonObject content
                    ? content.Select(c => c.Key).ToList()
                    : bodyParameters.Count > 0 ? Strings(operation["consumes"] ?? document["consumes"]) : Array.Empty<string>();
                IReadOnlyList<string> responseTypes = successes.Any(r => r["content"] is JsonObject)
                    ? successes.SelectMany(r => r["content"] is JsonObject c ? c.Select(p => p.Key) : Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).ToList()
                    : successes.Any(r => r["schema"] is not null) ? Strings(operation["produces"] ?? document["produces"]) : Array.Empty<string>();
                operations.Add(new DocumentOperation(method, path, operation["operationId"]?.ToString(), hasBody, required)
                {
                    RequestContentTypes = requestTypes,
                    ResponseContentTypes = responseTypes,
                });
            }
        }

        return operations;
    }

    private static IReadOnlyList<string> Strings(JsonNode? node)
        => node is JsonArray array ? array.Select(n => n?.ToString()).OfType<string>().ToList() : Array.Empty<string>();

    private static bool Same(JsonObject a, JsonObject b) => (string?)a["name"] == (string?)b["name"] && (string?)a["in"] == (string?)b["in"];

    private static List<JsonObject> Parameters(JsonNode document, JsonNode? list)
        => list is JsonArray array ? array.Select(p => Resolve(document, p)).OfType<JsonObject>().ToList() : new List<JsonObject>();

    /// <summary>Follows local <c>$ref</c>s (at most 32 hops, so a cycle ends); anything else is returned as it is.</summary>
    private static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (int hops = 0; hops < 32 && node is JsonObject o && o["$ref"]?.ToString() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            JsonNode? target = document;
            foreach (string segment in reference[2..].Split('/'))
            {
                target = target is JsonObject map ? map[Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)] : null;
            }

            node = target;
        }

        return node;
    }

    /// <summary>YAML as a JSON tree; scalars stay strings (only keys and a few flags are read).</summary>
    private static JsonNode? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children
            .Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? string.Empty, FromYaml(pair.Value)))
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(group => group.First())),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(FromYaml).ToArray()),
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };
}

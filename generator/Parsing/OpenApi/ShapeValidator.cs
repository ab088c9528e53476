using System.Collections.Generic;
using OmsGenerated.Generator.Parsing.Document;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>A part of the document that has the wrong kind of value, with the key path to it.</summary>
internal sealed record ShapeProblem(string[] Where, string Message);

/// <summary>
/// Checks that the parts the generator reads have the kind of value OpenAPI requires (paths a map, parameters a list, …).
/// The views read a wrong kind as absent; this is what turns it into an error instead of a silently thinner client.
/// </summary>
internal sealed class ShapeValidator
{
    private const int MaxProblems = 20;
    private static readonly string[] s_schemaMaps = { "properties", "additionalProperties", "items" };
    private static readonly string[] s_schemaLists = { "allOf", "oneOf", "anyOf", "enum" };

    private readonly List<ShapeProblem> _problems = new();
    private readonly HashSet<SpecMap> _visitedSchemas = new();
    private readonly List<string> _where = new();

    public static List<ShapeProblem> Check(OpenApiDocument document)
    {
        var validator = new ShapeValidator();
        validator.CheckDocument(document);
        return validator._problems;
    }

    private void CheckDocument(OpenApiDocument document)
    {
        var root = document.Root;
        if (Expect<SpecMap>(root, "paths", "a map of paths") is { } paths)
        {
            foreach (var path in paths.Entries)
            {
                if (path.Key.StartsWith("x-", System.StringComparison.Ordinal))
                {
                    continue;
                }

                Push("paths", path.Key);
                if (Is<SpecMap>(path.Value, "a path item map") is { } pathItem)
                {
                    CheckParameters(pathItem);
                    foreach (var entry in pathItem.Entries)
                    {
                        if (entry.Key is "parameters" or "servers" or "summary" or "description" or "$ref" || entry.Key.StartsWith("x-", System.StringComparison.Ordinal))
                        {
                            continue;
                        }

                        Push(entry.Key);
                        if (Is<SpecMap>(entry.Value, "an operation map") is { } operation)
                        {
                            CheckOperation(operation);
                        }

                        Pop(1);
                    }
                }

                Pop(2);
            }
        }

        if (document.IsSwagger2)
        {
            CheckSchemaMap(Expect<SpecMap>(root, "definitions", "a map of schemas"), "definitions");
        }
        else if (Expect<SpecMap>(root, "components", "a map") is { } components)
        {
            Push("components");
            CheckSchemaMap(Expect<SpecMap>(components, "schemas", "a map of schemas"), "schemas");
            Pop(1);
        }
    }

    private void CheckOperation(SpecMap operation)
    {
        CheckParameters(operation);
        if (Expect<SpecMap>(operation, "requestBody", "a request body map") is { } body)
        {
            Push("requestBody");
            CheckContent(body);
            Pop(1);
        }

        if (Expect<SpecMap>(operation, "responses", "a map of responses") is { } responses)
        {
            foreach (var entry in responses.Entries)
            {
                Push("responses", entry.Key);
                if (!entry.Key.StartsWith("x-", System.StringComparison.Ordinal) && Is<SpecMap>(entry.Value, "a response map") is { } response)
                {
                    CheckContent(response);
                    CheckSchema(Expect<SpecMap>(response, "schema", "a schema map"), "schema");
                }

                Pop(2);
            }
        }
    }

    private void CheckParameters(SpecMap owner)
    {
        if (Expect<SpecList>(owner, "parameters", "a list of parameters") is not { } parameters)
        {
            return;
        }

        Push("parameters");
        foreach (var item in parameters.Items)
        {
            if (Is<SpecMap>(item, "a parameter map") is { } parameter)
            {
                CheckSchema(Expect<SpecMap>(parameter, "schema", "a schema map"), "schema");
            }
        }

        Pop(1);
    }

    private void CheckContent(SpecMap owner)
    {
        if (Expect<SpecMap>(owner, "content", "a map of media types") is not { } content)
        {
            return;
        }

        foreach (var entry in content.Entries)
        {
            Push("content", entry.Key);
            if (Is<SpecMap>(entry.Value, "a media type map") is { } mediaType)
            {
                CheckSchema(Expect<SpecMap>(mediaType, "schema", "a schema map"), "schema");
            }

            Pop(2);
        }
    }

    private void CheckSchemaMap(SpecMap? schemas, string key)
    {
        if (schemas is null)
        {
            return;
        }

        Push(key);
        foreach (var entry in schemas.Entries)
        {
            Push(entry.Key);
            CheckSchema(Is<SpecMap>(entry.Value, "a schema map"), null);
            Pop(1);
        }

        Pop(1);
    }

    private void CheckSchema(SpecMap? schema, string? key)
    {
        if (schema is null || _problems.Count >= MaxProblems || !_visitedSchemas.Add(schema))
        {
            return;
        }

        if (key is not null)
        {
            Push(key);
        }

        if (Expect<SpecMap>(schema, "properties", "a map of schemas") is { } properties)
        {
            Push("properties");
            foreach (var property in properties.Entries)
            {
                Push(property.Key);
                CheckSchema(Is<SpecMap>(property.Value, "a schema map"), null);
                Pop(1);
            }

            Pop(1);
        }

        foreach (var list in s_schemaLists)
        {
            if (Expect<SpecList>(schema, list, "a list") is { } items && list != "enum")
            {
                Push(list);
                foreach (var item in items.Items)
                {
                    CheckSchema(Is<SpecMap>(item, "a schema map"), null);
                }

                Pop(1);
            }
        }

        foreach (var map in s_schemaMaps)
        {
            if (map != "properties" && schema[map] is SpecMap nested)
            {
                CheckSchema(nested, map);
            }
        }

        if (key is not null)
        {
            Pop(1);
        }
    }

    private T? Expect<T>(SpecMap owner, string key, string expected)
        where T : SpecNode
    {
        var node = owner[key];
        if (node is null or SpecScalar { Value: null })
        {
            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        // items may be a list (tuple form) and additionalProperties a boolean: only their maps are checked
        if (key is "items" or "additionalProperties" && node is SpecList or SpecScalar { Value: bool })
        {
            return null;
        }

        Push(key);
        Report(node, expected);
        Pop(1);
        return null;
    }

    private T? Is<T>(SpecNode node, string expected)
        where T : SpecNode
    {
        if (node is T typed)
        {
            return typed;
        }

        Report(node, expected);
        return null;
    }

    private void Report(SpecNode node, string expected)
    {
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new ShapeProblem(_where.ToArray(), "'" + string.Join("/", _where) + "' must be " + expected + ", not " + node.Kind));
        }
    }

    private void Push(params string[] keys) => _where.AddRange(keys);

    private void Pop(int count) => _where.RemoveRange(_where.Count - count, count);
}

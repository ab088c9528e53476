using System;
using System.Collections.Generic;
using OmsGenerated.Generator.Parsing.Document;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>The OpenAPI version family, which decides where bodies, schemas and servers are read from.</summary>
internal enum SpecVersion
{
    Swagger2,
    OpenApi3,
}

/// <summary>
/// A read-only view of an OpenAPI 2.0/3.0/3.1 document over its <see cref="SpecNode"/> tree: same-document references
/// are followed on read, views are made once per map. Everything else is read lazily by the model builder.
/// </summary>
internal sealed class OpenApiDocument
{
    private static readonly HashSet<string> s_pathItemFields = new(StringComparer.Ordinal) { "parameters", "servers", "summary", "description", "$ref" };

    private readonly Dictionary<SpecMap, Schema> _schemas = new();

    public OpenApiDocument(SpecMap root, SpecVersion version)
    {
        Root = root;
        Version = version;
    }

    public SpecMap Root { get; }

    public SpecVersion Version { get; }

    public bool IsSwagger2 => Version == SpecVersion.Swagger2;

    public string? Title => Root.GetMap("info")?.GetString("title");

    public string? Description => Root.GetMap("info")?.GetString("description");

    /// <summary>The component schemas (<c>components/schemas</c>, or Swagger 2.0's <c>definitions</c>), in document order.</summary>
    public IEnumerable<KeyValuePair<string, Schema>> Definitions
    {
        get
        {
            var definitions = IsSwagger2 ? Root.GetMap("definitions") : Root.GetMap("components")?.GetMap("schemas");
            foreach (var entry in definitions?.Entries ?? SpecMap.Empty.Entries)
            {
                if (entry.Value is SpecMap map)
                {
                    yield return new KeyValuePair<string, Schema>(entry.Key, Schema(map));
                }
            }
        }
    }

    /// <summary>Every operation, path by path in document order; any path-item key that is not a path-item field is a method.</summary>
    public IEnumerable<OperationDescription> Operations
    {
        get
        {
            foreach (var path in Root.GetMap("paths")?.Entries ?? SpecMap.Empty.Entries)
            {
                if (path.Key.StartsWith("x-", StringComparison.Ordinal) || path.Value is not SpecMap pathItem)
                {
                    continue;
                }

                pathItem = Follow(pathItem);
                foreach (var entry in pathItem.Entries)
                {
                    if (entry.Value is SpecMap operation && !s_pathItemFields.Contains(entry.Key) && !entry.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        yield return new OperationDescription(path.Key, entry.Key, new Operation(this, operation, pathItem));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The server URLs with their variables' defaults. Swagger 2.0 has none; they are made of <c>schemes</c>,
    /// <c>host</c> and <c>basePath</c> (one per scheme; without schemes, host and base path alone).
    /// </summary>
    public IEnumerable<string> ServerUrls
    {
        get
        {
            if (IsSwagger2)
            {
                var hostAndPath = Root.GetString("host") + Root.GetString("basePath");
                var any = false;
                foreach (var scheme in SpecValues.Items(Root["schemes"]))
                {
                    any = true;
                    yield return SpecValues.AsString(scheme) + "://" + hostAndPath;
                }

                if (!any)
                {
                    yield return hostAndPath;
                }

                yield break;
            }

            foreach (var server in SpecValues.Maps(Root["servers"]))
            {
                var url = server.GetString("url") ?? string.Empty;
                foreach (var variable in server.GetMap("variables")?.Entries ?? SpecMap.Empty.Entries)
                {
                    url = url.Replace("{" + variable.Key + "}", (variable.Value as SpecMap)?.GetString("default") ?? string.Empty);
                }

                yield return url;
            }
        }
    }

    public SpecNode? Extension(string name) => Root[name];

    /// <summary>The view of a schema map, made once so that the same map always gives the same view.</summary>
    public Schema Schema(SpecMap map)
    {
        if (!_schemas.TryGetValue(map, out var schema))
        {
            schema = new Schema(this, map);
            _schemas.Add(map, schema);
        }

        return schema;
    }

    public Schema? ResolveSchema(string reference) => JsonPointer.Resolve(Root, reference) is SpecMap map ? Schema(map) : null;

    /// <summary>Follows a chain of <c>$ref</c> maps (parameters, responses, request bodies, path items); an unresolvable one is returned as is.</summary>
    public SpecMap Follow(SpecMap map)
    {
        for (var guard = 0; guard < 64 && map.GetString("$ref") is { } reference; guard++)
        {
            if (JsonPointer.Resolve(Root, reference) is not SpecMap target || ReferenceEquals(target, map))
            {
                break;
            }

            map = target;
        }

        return map;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Parsing.Document;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>An operation with the path and method it sits under.</summary>
internal sealed record OperationDescription(string Path, string Method, Operation Operation);

/// <summary>A read-only view of one operation map.</summary>
internal sealed class Operation
{
    private readonly OpenApiDocument _document;
    private readonly SpecMap _map;
    private readonly SpecMap _pathItem;

    public Operation(OpenApiDocument document, SpecMap map, SpecMap pathItem)
    {
        _document = document;
        _map = map;
        _pathItem = pathItem;
    }

    public string? OperationId => _map.GetString("operationId");

    public string? Summary => _map.GetString("summary");

    public string? Description => _map.GetString("description");

    public bool IsDeprecated => _map.GetBool("deprecated") == true;

    /// <summary>The operation's parameters, then the path item's that the operation does not redeclare (same name and location).</summary>
    public IReadOnlyList<Parameter> ActualParameters
    {
        get
        {
            var parameters = new List<Parameter>();
            var seen = new HashSet<(string?, ParameterKind)>();
            foreach (var map in SpecValues.Maps(_map["parameters"]).Concat(SpecValues.Maps(_pathItem["parameters"])))
            {
                var parameter = new Parameter(_document, _document.Follow(map));
                if (seen.Add((parameter.Name, parameter.Kind)))
                {
                    parameters.Add(parameter);
                }
            }

            return parameters;
        }
    }

    /// <summary>The OpenAPI 3 request body (references followed), if any.</summary>
    public RequestBody? RequestBody => _map.GetMap("requestBody") is { } body ? new RequestBody(_document, _document.Follow(body)) : null;

    /// <summary>The responses by status code (or <c>default</c>, or a range such as <c>2XX</c>), references followed.</summary>
    public IReadOnlyDictionary<string, Response> ActualResponses
    {
        get
        {
            var responses = new Dictionary<string, Response>(StringComparer.Ordinal);
            foreach (var entry in _map.GetMap("responses")?.Entries ?? SpecMap.Empty.Entries)
            {
                if (entry.Value is SpecMap response && !entry.Key.StartsWith("x-", StringComparison.Ordinal))
                {
                    responses[entry.Key] = new Response(_document, _document.Follow(response));
                }
            }

            return responses;
        }
    }
}

/// <summary>Where a parameter goes (<c>in</c>).</summary>
internal enum ParameterKind
{
    Undefined,
    Path,
    Query,
    Header,
    Cookie,
    Body,
    FormData,
}

/// <summary>A read-only view of one parameter map (after references).</summary>
internal sealed class Parameter
{
    private readonly OpenApiDocument _document;
    private readonly SpecMap _map;

    public Parameter(OpenApiDocument document, SpecMap map)
    {
        _document = document;
        _map = map;
    }

    public string? Name => _map.GetString("name");

    /// <summary>The raw <c>in</c> value.</summary>
    public string? In => _map.GetString("in");

    public ParameterKind Kind => In switch
    {
        "path" => ParameterKind.Path,
        "query" => ParameterKind.Query,
        "header" => ParameterKind.Header,
        "cookie" => ParameterKind.Cookie,
        "body" => ParameterKind.Body,
        "formData" => ParameterKind.FormData,
        _ => ParameterKind.Undefined,
    };

    public bool IsRequired => _map.GetBool("required") == true;

    public string? Description => _map.GetString("description");

    /// <summary>The <c>schema</c> (OpenAPI 3, and Swagger 2.0 bodies).</summary>
    public Schema? Schema => _map.GetMap("schema") is { } schema ? _document.Schema(schema) : null;

    /// <summary>The parameter map read as a schema: Swagger 2.0 puts <c>type</c>, <c>format</c>, <c>items</c> and <c>enum</c> on the parameter itself.</summary>
    public Schema AsSchema => _document.Schema(_map);

    public bool? Explode => _map.GetBool("explode");

    public string? Style => _map.GetString("style");

    public string? CollectionFormat => _map.GetString("collectionFormat");
}

/// <summary>A read-only view of an OpenAPI 3 request body.</summary>
internal sealed class RequestBody
{
    private readonly OpenApiDocument _document;
    private readonly SpecMap _map;

    public RequestBody(OpenApiDocument document, SpecMap map)
    {
        _document = document;
        _map = map;
    }

    public string? Description => _map.GetString("description");

    public bool IsRequired => _map.GetBool("required") == true;

    /// <summary>Media type → schema (null when the media type has none), in document order.</summary>
    public IReadOnlyList<KeyValuePair<string, Schema?>> Content => MediaTypes.Read(_document, _map);
}

/// <summary>A read-only view of a response.</summary>
internal sealed class Response
{
    private readonly OpenApiDocument _document;
    private readonly SpecMap _map;

    public Response(OpenApiDocument document, SpecMap map)
    {
        _document = document;
        _map = map;
    }

    public string? Description => _map.GetString("description");

    /// <summary>OpenAPI 3: media type → schema.</summary>
    public IReadOnlyList<KeyValuePair<string, Schema?>> Content => MediaTypes.Read(_document, _map);

    /// <summary>Swagger 2.0: the response schema.</summary>
    public Schema? Schema => _map.GetMap("schema") is { } schema ? _document.Schema(schema) : null;
}

internal static class MediaTypes
{
    public static IReadOnlyList<KeyValuePair<string, Schema?>> Read(OpenApiDocument document, SpecMap owner)
    {
        var content = owner.GetMap("content");
        if (content is null)
        {
            return Array.Empty<KeyValuePair<string, Schema?>>();
        }

        var list = new List<KeyValuePair<string, Schema?>>(content.Count);
        foreach (var entry in content.Entries)
        {
            var schema = (entry.Value as SpecMap)?.GetMap("schema") is { } map ? document.Schema(map) : null;
            list.Add(new KeyValuePair<string, Schema?>(entry.Key, schema));
        }

        return list;
    }
}

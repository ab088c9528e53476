using System;
using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Parsing.Document;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>
/// A read-only view of one schema map. One instance per map (see <see cref="OpenApiDocument.Schema"/>), so views
/// compare by reference the way the maps do; keywords are read on first use.
/// </summary>
internal sealed class Schema
{
    private readonly OpenApiDocument _document;
    private Schema? _actual;
    private IReadOnlyList<KeyValuePair<string, Schema>>? _properties;
    private IReadOnlyList<Schema>? _allOf;
    private IReadOnlyList<Schema>? _oneOf;
    private IReadOnlyList<Schema>? _anyOf;
    private SchemaTypes? _type;

    public Schema(OpenApiDocument document, SpecMap map)
    {
        _document = document;
        Map = map;
    }

    public SpecMap Map { get; }

    /// <summary>The <c>$ref</c> text, when this schema is a reference.</summary>
    public string? ReferencePath => Map.GetString("$ref");

    /// <summary>
    /// A <c>$ref</c>, or a wrapper whose only content is a single <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> reference
    /// (how documents attach a description or <c>nullable</c> to a reference).
    /// </summary>
    public bool HasReference => ReferencePath is not null || SingleReferenceWrapped() is not null;

    /// <summary>The schema after following references (and reference wrappers); this schema when it is none.</summary>
    public Schema ActualSchema => _actual ??= FindActual();

    public SchemaTypes Type => _type ??= ReadType();

    public string? Format => Map.GetString("format");

    public string? Description => Map.GetString("description");

    public IReadOnlyList<KeyValuePair<string, Schema>> Properties => _properties ??= ReadProperties();

    public IEnumerable<string> RequiredProperties
        => SpecValues.Items(Map["required"]).Select(SpecValues.AsString).Where(name => name is not null)!;

    /// <summary>The schema of <c>additionalProperties</c> when it is one (not when it is <c>true</c>/<c>false</c>).</summary>
    public Schema? AdditionalPropertiesSchema => Map.GetMap("additionalProperties") is { } map ? _document.Schema(map) : null;

    /// <summary><c>items</c> as a single schema.</summary>
    public Schema? Item => Map.GetMap("items") is { } map ? _document.Schema(map) : null;

    /// <summary><c>items</c> as a list (tuple form).</summary>
    public IEnumerable<Schema> Items => SpecValues.Maps(Map["items"]).Select(_document.Schema);

    public IReadOnlyList<Schema> AllOf => _allOf ??= ReadList("allOf");

    public IReadOnlyList<Schema> OneOf => _oneOf ??= ReadList("oneOf");

    public IReadOnlyList<Schema> AnyOf => _anyOf ??= ReadList("anyOf");

    /// <summary>The <c>enum</c> values; null for a null value or a map or list (which no generated enum can hold).</summary>
    public IReadOnlyList<SpecScalar?> Enumeration
        => SpecValues.Items(Map["enum"]).Select(node => node is SpecScalar { Value: not null } scalar ? scalar : null).ToList();

    /// <summary><c>x-enumNames</c>, the NSwag/NJsonSchema spelling of enum member names.</summary>
    public IReadOnlyList<string> EnumerationNames
        => SpecValues.Items(Map["x-enumNames"]).Select(node => SpecValues.AsString(node) ?? string.Empty).ToList();

    /// <summary>OpenAPI 3.0 <c>nullable</c> (Swagger 2.0's <c>x-nullable</c> is read as an extension).</summary>
    public bool? IsNullableRaw => Map.GetBool("nullable");

    public bool IsReadOnly => Map.GetBool("readOnly") == true;

    public bool IsDeprecated => Map.GetBool("deprecated") == true;

    public int? MinLength => Map.GetInt("minLength");

    public int? MaxLength => Map.GetInt("maxLength");

    public decimal? Minimum => Map.GetDecimal("minimum");

    public decimal? Maximum => Map.GetDecimal("maximum");

    /// <summary>A numeric <c>exclusiveMinimum</c> (JSON Schema 2019+, OpenAPI 3.1).</summary>
    public decimal? ExclusiveMinimum => Map["exclusiveMinimum"] is SpecScalar { Value: not bool } ? Map.GetDecimal("exclusiveMinimum") : null;

    public decimal? ExclusiveMaximum => Map["exclusiveMaximum"] is SpecScalar { Value: not bool } ? Map.GetDecimal("exclusiveMaximum") : null;

    /// <summary>A boolean <c>exclusiveMinimum</c> (draft 4, OpenAPI 2.0/3.0).</summary>
    public bool IsExclusiveMinimum => Map["exclusiveMinimum"] is SpecScalar { Value: true };

    public bool IsExclusiveMaximum => Map["exclusiveMaximum"] is SpecScalar { Value: true };

    public int MinItems => Map.GetInt("minItems") ?? 0;

    public int MaxItems => Map.GetInt("maxItems") ?? 0;

    public SpecNode? Extension(string name) => Map[name];

    private IReadOnlyList<Schema> ReadList(string keyword) => SpecValues.Maps(Map[keyword]).Select(_document.Schema).ToList();

    private IReadOnlyList<KeyValuePair<string, Schema>> ReadProperties()
    {
        if (Map.GetMap("properties") is not { } properties)
        {
            return Array.Empty<KeyValuePair<string, Schema>>();
        }

        var list = new List<KeyValuePair<string, Schema>>(properties.Count);
        foreach (var entry in properties.Entries)
        {
            if (entry.Value is SpecMap map)
            {
                list.Add(new KeyValuePair<string, Schema>(entry.Key, _document.Schema(map)));
            }
        }

        return list;
    }

    private SchemaTypes ReadType()
    {
        var type = Map["type"];
        if (type is SpecList list)
        {
            var types = SchemaTypes.None;
            foreach (var item in list.Items)
            {
                types |= Parse(SpecValues.AsString(item));
            }

            return types;
        }

        return Parse(SpecValues.AsString(type));

        static SchemaTypes Parse(string? name) => name switch
        {
            "array" => SchemaTypes.Array,
            "boolean" => SchemaTypes.Boolean,
            "integer" => SchemaTypes.Integer,
            "null" => SchemaTypes.Null,
            "number" => SchemaTypes.Number,
            "object" => SchemaTypes.Object,
            "string" => SchemaTypes.String,
            "file" => SchemaTypes.File,
            _ => SchemaTypes.None,
        };
    }

    private Schema FindActual()
    {
        var current = this;
        for (var guard = 0; guard < 64; guard++)
        {
            Schema? next = null;
            if (current.ReferencePath is { } reference)
            {
                next = _document.ResolveSchema(reference);
            }
            else
            {
                next = current.SingleReferenceWrapped();
            }

            if (next is null || ReferenceEquals(next, current))
            {
                return current;
            }

            current = next;
        }

        return current; // a reference cycle; reported by the reference check before models are built
    }

    /// <summary>The one referenced schema of an <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> that is the wrapper's only content.</summary>
    private Schema? SingleReferenceWrapped()
    {
        if (Type != SchemaTypes.None || Properties.Count > 0 || Map.ContainsKey("patternProperties") || Map.ContainsKey("enum")
            || Map.ContainsKey("multipleOf") || Map["additionalProperties"] is SpecMap or SpecScalar { Value: false })
        {
            return null;
        }

        var allOf = AllOf;
        var oneOf = OneOf;
        var anyOf = AnyOf;
        if (allOf.Count == 1 && oneOf.Count == 0 && anyOf.Count == 0 && allOf[0].HasReference)
        {
            return allOf[0];
        }

        if (oneOf.Count == 1 && allOf.Count == 0 && anyOf.Count == 0 && oneOf[0].HasReference)
        {
            return oneOf[0];
        }

        if (anyOf.Count == 1 && allOf.Count == 0 && oneOf.Count == 0 && anyOf[0].HasReference)
        {
            return anyOf[0];
        }

        return null;
    }
}

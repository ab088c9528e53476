using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NJsonSchema;

namespace OmsGenerated.Generator.Parsing;

/// <summary>JsonSchema half of the builder: JSON JsonSchema → <see cref="TypeRef"/>, object and enum types.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Member names every generated model already uses.</summary>
    private static readonly string[] s_reservedMemberNames =
    {
        "ToString", "Equals", "GetHashCode", "GetType", "Validate", "WriteJson", "ReadJson", "Serialize",
        "GetFieldDeserializers", "CreateFromDiscriminatorValue", "MemberwiseClone", "Finalize", "AdditionalData", "JsonConverter",
    };

    private static readonly string[] s_reservedEnumMemberNames = { "Value", "IsKnown", "ToString", "Equals", "GetHashCode", "GetType", "ReadJson", "WriteJson", "JsonConverter" };

    /// <summary>A generated type may not be named like a member it declares (CS0542), nor like one of an enum's.</summary>
    internal static readonly string[] ReservedTypeNames = s_reservedMemberNames.Concat(s_reservedEnumMemberNames).Distinct().ToArray();

    private readonly Dictionary<JsonSchema, TypeRef> _namedTypes = new(ReferenceComparer.Instance);
    private readonly HashSet<JsonSchema> _mapping = new(ReferenceComparer.Instance);
    private readonly Dictionary<JsonSchema, string[]> _schemaPaths = new(ReferenceComparer.Instance);
    private int _mapDepth;
    private readonly Queue<(JsonSchema JsonSchema, string Name, string[] Where)> _pendingObjects = new();
    private readonly List<ObjectTypeModel> _objects = new();
    private readonly List<EnumTypeModel> _enums = new();
    // case-insensitive: each type is a generated file, and the compiler compares file (hint) names that way
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<JsonSchema> _reportedUnsupported = new(ReferenceComparer.Instance);

    private void RegisterComponentSchemas()
    {
        var definitions = _isSwagger2 ? _document.Definitions : _document.Components?.Schemas;
        foreach (var entry in definitions ?? new Dictionary<string, JsonSchema>())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var schema = entry.Value;
            var actual = schema.ActualSchema;
            if (_namedTypes.ContainsKey(actual))
            {
                continue; // an alias of another component: references map to the target
            }

            var where = _isSwagger2 ? new[] { "definitions", entry.Key } : new[] { "components", "schemas", entry.Key };
            _schemaPaths[actual] = where;
            if (actual.Enumeration.Count > 0 && IsEnumerable(actual))
            {
                RegisterEnum(actual, entry.Key, where);
            }
            else if (IsObjectWithProperties(actual))
            {
                RegisterObject(actual, entry.Key, where);
            }
        }
    }

    private void BuildPendingObjects()
    {
        while (_pendingObjects.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (schema, name, where) = _pendingObjects.Dequeue();
            _objects.Add(BuildObject(schema, name, where));
        }
    }

    private TypeRef Map(JsonSchema? schema, string nameHint, string[] where)
    {
        if (schema is null)
        {
            return TypeRef.Any;
        }

        var actual = Resolve(schema);
        if (_namedTypes.TryGetValue(actual, out var named))
        {
            return named;
        }

        // Unnamed schemas (arrays, maps, unions) are mapped structurally; one that contains itself would never end.
        if (!_mapping.Add(actual))
        {
            ReportUnsupported(actual, where, "A schema that contains itself other than through an object", "the inner occurrence is generated as System.Text.Json.JsonElement, holding the raw JSON");
            return TypeRef.Any;
        }

        // a chain of schemas that each wrap the next (arrays of arrays of …) is bounded like nesting in the text
        if (_mapDepth >= Syntax.SyntaxLimits.MaxDepth)
        {
            _mapping.Remove(actual);
            ReportUnsupported(actual, where, "A schema nested more than " + Syntax.SyntaxLimits.MaxDepth + " levels deep through references", "the inner part is generated as System.Text.Json.JsonElement, holding the raw JSON");
            return TypeRef.Any;
        }

        _mapDepth++;
        try
        {
            return MapStructurally(actual, nameHint, where);
        }
        finally
        {
            _mapDepth--;
            _mapping.Remove(actual);
        }
    }

    private TypeRef MapStructurally(JsonSchema actual, string nameHint, string[] where)
    {
        var composed = actual.OneOf.Count > 0 ? actual.OneOf : actual.AnyOf;
        if (composed.Count > 0 && actual.Properties.Count == 0)
        {
            var nonNull = composed.Where(s => s.ActualSchema.Type != JsonObjectType.Null).ToList();
            if (nonNull.Count == 1)
            {
                return Map(nonNull[0], nameHint, where);
            }

            if (TryMapDiscriminated(actual, nonNull, nameHint, where) is { } polymorphic)
            {
                return polymorphic;
            }

            return MapUnion(actual, nonNull, nameHint, where);
        }

        if (actual.Enumeration.Count > 0 && IsEnumerable(actual))
        {
            return RegisterEnum(actual, nameHint, where);
        }

        var type = actual.Type & ~JsonObjectType.Null;
        if (type == JsonObjectType.Array)
        {
            var item = actual.Item ?? actual.Items.FirstOrDefault();
            return new TypeRef(TypeKind.Array, Element: Map(item, nameHint + "Item", where));
        }

        if (type == JsonObjectType.Object || type == JsonObjectType.None && IsObjectLike(actual))
        {
            if (IsObjectWithProperties(actual))
            {
                return RegisterObject(actual, nameHint, where);
            }

            var values = actual.AdditionalPropertiesSchema is { } additional ? Map(additional, nameHint + "Value", where) : TypeRef.Any;
            return new TypeRef(TypeKind.Map, Element: values);
        }

        return type switch
        {
            JsonObjectType.String => MapString(actual.Format),
            JsonObjectType.Integer => actual.Format == "int32" ? new TypeRef(TypeKind.Int32) : new TypeRef(TypeKind.Int64),
            JsonObjectType.Number => actual.Format switch
            {
                "float" => new TypeRef(TypeKind.Float),
                "decimal" => new TypeRef(TypeKind.Decimal),
                "int32" => new TypeRef(TypeKind.Int32),
                "int64" => new TypeRef(TypeKind.Int64),
                _ => new TypeRef(TypeKind.Double),
            },
            JsonObjectType.Boolean => new TypeRef(TypeKind.Boolean),
            JsonObjectType.File => new TypeRef(TypeKind.Bytes),
            _ => TypeRef.Any,
        };
    }

    private static TypeRef MapString(string? format) => format switch
    {
        "date-time" => new TypeRef(TypeKind.DateTimeOffset),
        "date" => new TypeRef(TypeKind.Date),
        "uuid" or "guid" => new TypeRef(TypeKind.Guid),
        "byte" => new TypeRef(TypeKind.Bytes),
        "binary" => new TypeRef(TypeKind.Bytes),
        _ => TypeRef.String,
    };

    /// <summary>Follows $ref and single-branch allOf wrappers (used to attach a description or nullable to a reference).</summary>
    private JsonSchema Resolve(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        var guard = 0;
        while (!_namedTypes.ContainsKey(actual)
               && actual.AllOf.Count == 1
               && actual.Properties.Count == 0
               && actual.OneOf.Count == 0
               && actual.AnyOf.Count == 0
               && actual.Enumeration.Count == 0
               && (actual.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object
               && guard++ < 32)
        {
            actual = actual.AllOf.First().ActualSchema;
        }

        return actual;
    }

    private static bool IsObjectLike(JsonSchema schema)
        => schema.Properties.Count > 0 || schema.AllOf.Count > 0 || schema.AdditionalPropertiesSchema is not null;

    /// <summary>An object with properties of its own or through <c>allOf</c> (iterative, and safe on <c>allOf</c> cycles).</summary>
    private bool IsObjectWithProperties(JsonSchema schema)
    {
        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        var pending = new Stack<JsonSchema>();
        pending.Push(schema);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var type = current.Type & ~JsonObjectType.Null;
            if (type != JsonObjectType.Object && type != JsonObjectType.None || !visited.Add(current))
            {
                continue;
            }

            if (current.Properties.Count > 0)
            {
                return true;
            }

            foreach (var part in current.AllOf)
            {
                pending.Push(Resolve(part));
            }
        }

        return false;
    }

    private static bool IsEnumerable(JsonSchema schema)
    {
        var type = schema.Type & ~JsonObjectType.Null;
        if (type is JsonObjectType.String or JsonObjectType.Integer)
        {
            return true;
        }

        return type == JsonObjectType.None && schema.Enumeration.Where(v => v is not null).All(v => v is string);
    }

    private TypeRef RegisterObject(JsonSchema schema, string nameHint, string[] where)
    {
        var name = UniqueTypeName(nameHint, "Schema", where);
        var typeRef = new TypeRef(TypeKind.Object, name);
        _namedTypes[schema] = typeRef;
        _objectSchemas[name] = (schema, where);
        _pendingObjects.Enqueue((schema, name, where));
        return typeRef;
    }

    private string UniqueTypeName(string rawName, string what, string[] where)
    {
        var candidate = Naming.ToPascalCase(rawName);
        var name = Naming.Unique(candidate, _typeNames);
        if (name != candidate)
        {
            Report(DiagnosticDescriptors.DuplicateName, where, what, rawName, candidate, name);
        }

        return name;
    }

    private ObjectTypeModel BuildObject(JsonSchema schema, string name, string[] where)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        var baseSchema = InheritanceBase(schema);
        var baseType = baseSchema is null ? null : Map(baseSchema, name + "Base", where);
        if (baseType is { Kind: not TypeKind.Object })
        {
            (baseSchema, baseType) = (null, null);
        }

        var collected = CollectProperties(schema, where, required, baseSchema);

        var usedNames = new HashSet<string>(s_reservedMemberNames, StringComparer.Ordinal) { name };
        var properties = new List<PropertyModel>(collected.Count);
        foreach (var (jsonName, property, propertyWhere) in collected)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var candidate = Naming.ToPascalCase(jsonName);
            var csName = Naming.Unique(candidate, usedNames);
            if (csName != candidate)
            {
                Report(DiagnosticDescriptors.DuplicateName, propertyWhere, "Property", jsonName, candidate, csName);
            }

            var typeRef = Map(property, name + csName, propertyWhere);
            // read-only and deprecated members are never forced on callers (C# forbids [Obsolete] on required members)
            var isRequired = required.Contains(jsonName) && !property.IsReadOnly && !property.IsDeprecated;
            var isNullable = !isRequired || IsNullable(property) || typeRef.Kind == TypeKind.Any;
            properties.Add(new PropertyModel(
                jsonName,
                csName,
                typeRef,
                isRequired,
                isNullable,
                IsSensitive(property),
                property.IsDeprecated,
                Describe(property),
                ReadConstraints(property),
                IsReadOnly: property.IsReadOnly,
                DefaultValue: ReadDefault(property, jsonName, typeRef, propertyWhere)));
        }

        return new ObjectTypeModel(name, Describe(schema), properties.ToEquatableArray()) { BaseName = baseType?.Name };
    }

    /// <summary>
    /// The properties of an object and of everything it inherits through <c>allOf</c>, bases first (a derived schema
    /// overrides what a base brought in), each with the key path it is declared at. Iterative: an inheritance chain
    /// may be as long as the document has schemas. <paramref name="inherited"/>, the C# base, is left out with what it inherits.
    /// </summary>
    private List<(string JsonName, JsonSchemaProperty Schema, string[] Where)> CollectProperties(JsonSchema schema, string[] where, HashSet<string> required, JsonSchema? inherited = null)
    {
        var order = new List<(JsonSchema Schema, string[] Where)>();
        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance);
        if (inherited is not null)
        {
            visited.Add(inherited);
        }

        var pending = new Stack<(JsonSchema Schema, string[] Where, bool PartsDone)>();
        pending.Push((schema, where, false));
        while (pending.Count > 0)
        {
            var (current, at, partsDone) = pending.Pop();
            if (partsDone)
            {
                order.Add((current, at));
                continue;
            }

            if (!visited.Add(current))
            {
                continue;
            }

            pending.Push((current, at, true));
            for (var i = current.AllOf.Count - 1; i >= 0; i--)
            {
                var part = Resolve(current.AllOf.ElementAt(i));
                pending.Push((part, _schemaPaths.TryGetValue(part, out var declared) ? declared : at.Concat(new[] { "allOf", i.ToString(CultureInfo.InvariantCulture) }).ToArray(), false));
            }
        }

        var into = new List<(string JsonName, JsonSchemaProperty Schema, string[] Where)>();
        foreach (var (current, at) in order)
        {
            foreach (var name in current.RequiredProperties)
            {
                required.Add(name);
            }

            foreach (var property in current.Properties)
            {
                var entry = (property.Key, property.Value, at.Concat(new[] { "properties", property.Key }).ToArray());
                var existing = into.FindIndex(p => p.JsonName == property.Key);
                if (existing >= 0)
                {
                    into[existing] = entry;
                }
                else
                {
                    into.Add(entry);
                }
            }
        }

        return into;
    }

    private TypeRef RegisterEnum(JsonSchema schema, string nameHint, string[] where)
    {
        var isInteger = (schema.Type & JsonObjectType.Integer) != 0;
        var name = UniqueTypeName(nameHint, "Enum", where);
        var typeRef = new TypeRef(isInteger ? TypeKind.IntegerEnum : TypeKind.StringEnum, name);
        _namedTypes[schema] = typeRef;

        var enumeration = schema.Enumeration.Select(EnumText).ToList();
        var names = schema.EnumerationNames.Count == enumeration.Count ? schema.EnumerationNames.ToList() : ReadVarNames(schema, enumeration.Count);
        var valueDescriptions = schema.EnumerationDescriptions is { } described && described.Count == enumeration.Count
            ? described.Select(d => d ?? string.Empty).ToList()
            : ReadStringList(schema, "x-enum-descriptions", enumeration.Count);
        var used = new HashSet<string>(s_reservedEnumMemberNames, StringComparer.Ordinal) { name };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<EnumMemberModel>(enumeration.Count);
        for (var index = 0; index < enumeration.Count; index++)
        {
            var value = enumeration[index];
            if (value is null || !seen.Add(value))
            {
                continue;
            }

            // the value becomes an int literal in C#: anything else would not compile, or would be code
            if (isInteger && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where, "The value '" + value + "' of the integer enum " + name, "it is not a 32-bit integer and is left out of the known values (it is still accepted on the wire if it is a number)");
                continue;
            }

            var rawName = names is not null && index < names.Count && !string.IsNullOrEmpty(names[index])
                ? names[index]
                : isInteger ? "Value" + value.Replace("-", "Minus") : value.Length == 0 ? "Empty" : value;
            var candidate = Naming.ToPascalCase(rawName);
            var memberName = Naming.Unique(candidate, used);
            var description = valueDescriptions is not null && index < valueDescriptions.Count ? valueDescriptions[index] : null;
            members.Add(new EnumMemberModel(memberName, value, Clean(description)));
        }

        _enums.Add(new EnumTypeModel(name, Describe(schema), isInteger, members.ToEquatableArray()));
        return typeRef;
    }

    /// <summary>An enum value as text; null for null and for maps and lists, which no generated enum can hold.</summary>
    /// <summary>
    /// The schema's <c>default</c> as invariant text when it is a value of the member's type; a default of another
    /// type is reported and left out (the member then reads as null when absent), one of a type without literals
    /// (dates, arrays, objects) is left to the server.
    /// </summary>
    private string? ReadDefault(JsonSchema schema, string jsonName, TypeRef type, string[] where)
    {
        var raw = schema.Default;
        if (raw is null or Newtonsoft.Json.Linq.JValue { Value: null })
        {
            return null;
        }

        var text = EnumText(raw);
        if (text is null)
        {
            return null;
        }

        bool? fits = type.Kind switch
        {
            TypeKind.String or TypeKind.StringEnum => true,
            TypeKind.Int32 or TypeKind.IntegerEnum => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            TypeKind.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            TypeKind.Float or TypeKind.Double => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number) && !double.IsInfinity(number)
                && (type.Kind == TypeKind.Double || Math.Abs(number) <= float.MaxValue),
            TypeKind.Decimal => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            TypeKind.Boolean => text is "true" or "false",
            _ => null,
        };
        if (fits == true)
        {
            return text;
        }

        if (fits == false)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, "The default value of the property '" + jsonName + "'", "it is not a value of the property's type, so it is not applied when the property is absent");
        }

        return null;
    }

    private static string? EnumText(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        Newtonsoft.Json.Linq.JValue { Value: var inner } => EnumText(inner),
        Newtonsoft.Json.Linq.JToken => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static List<string>? ReadVarNames(JsonSchema schema, int count)
        => ReadStringList(schema, "x-enum-varnames", count) ?? ReadStringList(schema, "x-enumNames", count);

    private static List<string>? ReadStringList(JsonSchema schema, string extension, int count)
    {
        if (Extension(schema, extension) is not { } raw)
        {
            return null;
        }

        var list = ExtensionValues.AsList(raw).Select(v => ExtensionValues.AsString(v) ?? string.Empty).ToList();
        return list.Count == count ? list : null;
    }

    private static object? Extension(JsonSchema schema, string name)
        => schema.ExtensionData is { } data && data.TryGetValue(name, out var value) ? value : null;

    private bool IsNullable(JsonSchema schema)
    {
        if (schema.IsNullableRaw == true || (schema.Type & JsonObjectType.Null) != 0)
        {
            return true;
        }

        if (ExtensionValues.AsBool(Extension(schema, "x-nullable")) == true)
        {
            return true;
        }

        var composed = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (composed.Any(s => s.ActualSchema.Type == JsonObjectType.Null))
        {
            return true;
        }

        var actual = schema.ActualSchema;
        return !ReferenceEquals(actual, schema) && (actual.IsNullableRaw == true || (actual.Type & JsonObjectType.Null) != 0);
    }

    private static bool IsSensitive(JsonSchema schema)
    {
        foreach (var candidate in new[] { schema, schema.ActualSchema })
        {
            if (string.Equals(candidate.Format, "password", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (ExtensionValues.AsBool(Extension(candidate, "x-sensitive")) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static Constraints ReadConstraints(JsonSchema schema)
    {
        var source = schema.HasReference ? schema.ActualSchema : schema;
        var constraints = new Constraints(
            MinLength: source.MinLength is > 0 ? source.MinLength : null,
            MaxLength: source.MaxLength,
            Minimum: Number(source.Minimum ?? source.ExclusiveMinimum),
            Maximum: Number(source.Maximum ?? source.ExclusiveMaximum),
            ExclusiveMinimum: source.IsExclusiveMinimum || source.Minimum is null && source.ExclusiveMinimum is not null,
            ExclusiveMaximum: source.IsExclusiveMaximum || source.Maximum is null && source.ExclusiveMaximum is not null,
            MinItems: source.MinItems > 0 ? source.MinItems : null,
            MaxItems: source.MaxItems > 0 ? source.MaxItems : null);
        return constraints == Constraints.None ? Constraints.None : constraints;
    }


    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Describe(JsonSchema schema)
    {
        var text = schema.Description;
        if (string.IsNullOrWhiteSpace(text) && schema.HasReference)
        {
            text = schema.ActualSchema.Description;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    private void ReportUnsupported(JsonSchema schema, string[] where, string construct, string fallback)
    {
        if (_reportedUnsupported.Add(schema))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, construct + " at " + string.Join("/", where), fallback);
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}

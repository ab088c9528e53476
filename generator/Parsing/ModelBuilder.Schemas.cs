using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing.OpenApi;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Schema half of the builder: JSON Schema → <see cref="TypeRef"/>, object and enum types.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Member names every generated model already uses.</summary>
    private static readonly string[] s_reservedMemberNames =
    {
        "ToString", "Equals", "GetHashCode", "GetType", "Validate", "WriteJson", "ReadJson", "Serialize",
        "GetFieldDeserializers", "CreateFromDiscriminatorValue", "MemberwiseClone", "Finalize",
    };

    private static readonly string[] s_reservedEnumMemberNames = { "Value", "IsKnown", "ToString", "Equals", "GetHashCode", "GetType" };

    private readonly Dictionary<Schema, TypeRef> _namedTypes = new();
    private readonly Queue<(Schema Schema, string Name, string[] Where)> _pendingObjects = new();
    private readonly List<ObjectTypeModel> _objects = new();
    private readonly List<EnumTypeModel> _enums = new();
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly HashSet<Schema> _reportedUnsupported = new();

    private void RegisterComponentSchemas()
    {
        foreach (var entry in _document.Definitions)
        {
            var schema = entry.Value;
            var actual = schema.ActualSchema;
            if (_namedTypes.ContainsKey(actual))
            {
                continue; // an alias of another component: references map to the target
            }

            var where = new[] { _isSwagger2 ? "definitions" : "schemas", entry.Key };
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

    private TypeRef Map(Schema? schema, string nameHint, string[] where)
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

        var composed = actual.OneOf.Count > 0 ? actual.OneOf : actual.AnyOf;
        if (composed.Count > 0 && actual.Properties.Count == 0)
        {
            var nonNull = composed.Where(s => s.ActualSchema.Type != SchemaTypes.Null).ToList();
            if (nonNull.Count == 1)
            {
                return Map(nonNull[0], nameHint, where);
            }

            ReportUnsupported(actual, where, (actual.OneOf.Count > 0 ? "oneOf" : "anyOf") + " of several schemas", "it is generated as System.Text.Json.JsonElement, holding the raw JSON");
            return TypeRef.Any;
        }

        if (actual.Enumeration.Count > 0 && IsEnumerable(actual))
        {
            return RegisterEnum(actual, nameHint, where);
        }

        var type = actual.Type & ~SchemaTypes.Null;
        if (type == SchemaTypes.Array)
        {
            var item = actual.Item ?? actual.Items.FirstOrDefault();
            return new TypeRef(TypeKind.Array, Element: Map(item, nameHint + "Item", where));
        }

        if (type == SchemaTypes.Object || type == SchemaTypes.None && IsObjectLike(actual))
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
            SchemaTypes.String => MapString(actual.Format),
            SchemaTypes.Integer => actual.Format == "int32" ? new TypeRef(TypeKind.Int32) : new TypeRef(TypeKind.Int64),
            SchemaTypes.Number => actual.Format switch
            {
                "float" => new TypeRef(TypeKind.Float),
                "decimal" => new TypeRef(TypeKind.Decimal),
                "int32" => new TypeRef(TypeKind.Int32),
                "int64" => new TypeRef(TypeKind.Int64),
                _ => new TypeRef(TypeKind.Double),
            },
            SchemaTypes.Boolean => new TypeRef(TypeKind.Boolean),
            SchemaTypes.File => new TypeRef(TypeKind.Bytes),
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
    private Schema Resolve(Schema schema)
    {
        var actual = schema.ActualSchema;
        var guard = 0;
        while (!_namedTypes.ContainsKey(actual)
               && actual.AllOf.Count == 1
               && actual.Properties.Count == 0
               && actual.OneOf.Count == 0
               && actual.AnyOf.Count == 0
               && actual.Enumeration.Count == 0
               && (actual.Type & ~SchemaTypes.Null) is SchemaTypes.None or SchemaTypes.Object
               && guard++ < 32)
        {
            actual = actual.AllOf.First().ActualSchema;
        }

        return actual;
    }

    private static bool IsObjectLike(Schema schema)
        => schema.Properties.Count > 0 || schema.AllOf.Count > 0 || schema.AdditionalPropertiesSchema is not null;

    private bool IsObjectWithProperties(Schema schema)
    {
        var type = schema.Type & ~SchemaTypes.Null;
        if (type != SchemaTypes.Object && type != SchemaTypes.None)
        {
            return false;
        }

        return schema.Properties.Count > 0 || schema.AllOf.Any(part => IsObjectWithProperties(Resolve(part)));
    }

    private static bool IsEnumerable(Schema schema)
    {
        var type = schema.Type & ~SchemaTypes.Null;
        if (type is SchemaTypes.String or SchemaTypes.Integer)
        {
            return true;
        }

        return type == SchemaTypes.None && schema.Enumeration.Where(v => v is not null).All(v => v!.Value is string);
    }

    private TypeRef RegisterObject(Schema schema, string nameHint, string[] where)
    {
        var name = UniqueTypeName(nameHint, "Schema", where);
        var typeRef = new TypeRef(TypeKind.Object, name);
        _namedTypes[schema] = typeRef;
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

    private ObjectTypeModel BuildObject(Schema schema, string name, string[] where)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        var collected = new List<KeyValuePair<string, Schema>>();
        CollectProperties(schema, required, collected, new HashSet<Schema>());

        var usedNames = new HashSet<string>(s_reservedMemberNames, StringComparer.Ordinal) { name };
        var properties = new List<PropertyModel>(collected.Count);
        foreach (var entry in collected)
        {
            var jsonName = entry.Key;
            var property = entry.Value;
            var propertyWhere = where.Concat(new[] { jsonName }).ToArray();
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
                ReadConstraints(property)));
        }

        return new ObjectTypeModel(name, Describe(schema), properties.ToEquatableArray());
    }

    private void CollectProperties(Schema schema, HashSet<string> required, List<KeyValuePair<string, Schema>> into, HashSet<Schema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var part in schema.AllOf)
        {
            CollectProperties(Resolve(part), required, into, visited);
        }

        foreach (var name in schema.RequiredProperties)
        {
            required.Add(name);
        }

        foreach (var property in schema.Properties)
        {
            var existing = into.FindIndex(p => p.Key == property.Key);
            if (existing >= 0)
            {
                into[existing] = property; // a derived schema overrides what allOf brought in
            }
            else
            {
                into.Add(property);
            }
        }
    }

    private TypeRef RegisterEnum(Schema schema, string nameHint, string[] where)
    {
        var isInteger = (schema.Type & SchemaTypes.Integer) != 0;
        var name = UniqueTypeName(nameHint, "Enum", where);
        var typeRef = new TypeRef(isInteger ? TypeKind.IntegerEnum : TypeKind.StringEnum, name);
        _namedTypes[schema] = typeRef;

        var values = schema.Enumeration.Where(v => v is not null).Select(v => v!.Text ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var names = schema.EnumerationNames.Count == schema.Enumeration.Count ? schema.EnumerationNames.ToList() : ReadVarNames(schema, schema.Enumeration.Count);
        var valueDescriptions = ReadStringList(schema, "x-enum-descriptions", schema.Enumeration.Count);
        var used = new HashSet<string>(s_reservedEnumMemberNames, StringComparer.Ordinal) { name };
        var members = new List<EnumMemberModel>(values.Count);
        var enumeration = schema.Enumeration.ToList();
        foreach (var value in values)
        {
            var index = enumeration.FindIndex(v => v is not null && v.Text == value);
            var rawName = names is not null && index >= 0 && index < names.Count && !string.IsNullOrEmpty(names[index])
                ? names[index]
                : isInteger ? "Value" + value.Replace("-", "Minus") : value.Length == 0 ? "Empty" : value;
            var candidate = Naming.ToPascalCase(rawName);
            var memberName = Naming.Unique(candidate, used);
            var description = valueDescriptions is not null && index >= 0 && index < valueDescriptions.Count ? valueDescriptions[index] : null;
            members.Add(new EnumMemberModel(memberName, value, description));
        }

        _enums.Add(new EnumTypeModel(name, Describe(schema), isInteger, members.ToEquatableArray()));
        return typeRef;
    }

    private static List<string>? ReadVarNames(Schema schema, int count)
        => ReadStringList(schema, "x-enum-varnames", count) ?? ReadStringList(schema, "x-enumNames", count);

    private static List<string>? ReadStringList(Schema schema, string extension, int count)
    {
        var raw = schema.Extension(extension);
        if (raw is null)
        {
            return null;
        }

        var list = SpecValues.Items(raw).Select(v => SpecValues.AsString(v) ?? string.Empty).ToList();
        return list.Count == count ? list : null;
    }

    private bool IsNullable(Schema schema)
    {
        if (schema.IsNullableRaw == true || (schema.Type & SchemaTypes.Null) != 0)
        {
            return true;
        }

        if (SpecValues.AsBool(schema.Extension("x-nullable")) == true)
        {
            return true;
        }

        var composed = schema.OneOf.Count > 0 ? schema.OneOf : schema.AnyOf;
        if (composed.Any(s => s.ActualSchema.Type == SchemaTypes.Null))
        {
            return true;
        }

        var actual = schema.ActualSchema;
        return !ReferenceEquals(actual, schema) && (actual.IsNullableRaw == true || (actual.Type & SchemaTypes.Null) != 0);
    }

    private static bool IsSensitive(Schema schema)
    {
        foreach (var candidate in new[] { schema, schema.ActualSchema })
        {
            if (string.Equals(candidate.Format, "password", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (SpecValues.AsBool(candidate.Extension("x-sensitive")) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static Constraints ReadConstraints(Schema schema)
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

    private static string? Describe(Schema schema)
    {
        var text = schema.Description;
        if (string.IsNullOrWhiteSpace(text) && schema.HasReference)
        {
            text = schema.ActualSchema.Description;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }

    private void ReportUnsupported(Schema schema, string[] where, string construct, string fallback)
    {
        if (_reportedUnsupported.Add(schema))
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where, construct + " at " + string.Join("/", where), fallback);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NJsonSchema;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Inheritance and polymorphism: <c>allOf</c> of one reference plus own properties derives from the reference;
/// a discriminator (on a base schema, or on a <c>oneOf</c>/<c>anyOf</c> of objects) makes reading dispatch to the
/// derived type it names, and to a generated "unknown" variant, holding the raw JSON, for any other value.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Each registered object schema, by generated name, with where it is declared.</summary>
    private readonly Dictionary<string, (JsonSchema Schema, string[] Where)> _objectSchemas = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonSchema, JsonSchema?> _baseSchemas = new(ReferenceComparer.Instance);

    /// <summary>Alternatives of a discriminated <c>oneOf</c> that derive from the base generated for it.</summary>
    private readonly Dictionary<JsonSchema, string> _assignedBases = new(ReferenceComparer.Instance);

    /// <summary>Discriminators that come from a <c>oneOf</c>/<c>anyOf</c>, by the generated base they dispatch from.</summary>
    private readonly Dictionary<string, (OpenApiDiscriminator Discriminator, string[] Where, bool IsSynthetic)> _composedDiscriminators = new(StringComparer.Ordinal);

    /// <summary>
    /// The schema <paramref name="schema"/> inherits from: its <c>allOf</c> holds exactly one reference (to an object
    /// with properties) and otherwise only inline parts without references. Null for anything else (merged flat).
    /// </summary>
    private JsonSchema? IntrinsicBaseSchema(JsonSchema schema)
    {
        if (_baseSchemas.TryGetValue(schema, out var known))
        {
            return known;
        }

        JsonSchema? found = null;
        var type = schema.Type & ~JsonObjectType.Null;
        if (schema.AllOf.Count > 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0
            && type is JsonObjectType.None or JsonObjectType.Object)
        {
            foreach (var part in schema.AllOf)
            {
                if (part.HasReference)
                {
                    if (found is not null)
                    {
                        found = null;
                        break;
                    }

                    found = Resolve(part);
                }
                else if (part.AllOf.Count > 0 || part.OneOf.Count > 0 || part.AnyOf.Count > 0)
                {
                    found = null;
                    break;
                }
            }

            if (found is not null && (ReferenceEquals(found, schema) || !IsObjectWithProperties(found)))
            {
                found = null;
            }
        }

        _baseSchemas[schema] = found;
        return found;
    }

    /// <summary>The base <paramref name="schema"/> derives from, or null when it is merged flat (no base, or a cycle).</summary>
    private JsonSchema? InheritanceBase(JsonSchema schema)
    {
        if (IntrinsicBaseSchema(schema) is not { } baseSchema)
        {
            return null;
        }

        var visited = new HashSet<JsonSchema>(ReferenceComparer.Instance) { schema };
        for (var current = baseSchema; current is not null; current = IntrinsicBaseSchema(current))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!visited.Add(current))
            {
                return null; // a cycle through allOf: merged as before, which stops at schemas already seen
            }
        }

        return baseSchema;
    }

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> of objects with a discriminator: the base the alternatives derive from (generated for
    /// it when none of them has a base yet, or the base they all share). Null when neither applies.
    /// </summary>
    private TypeRef? TryMapDiscriminated(JsonSchema composite, List<JsonSchema> alternatives, string nameHint, string[] where)
    {
        var discriminator = composite.DiscriminatorObject ?? composite.ActualDiscriminatorObject;
        if (discriminator is null || string.IsNullOrEmpty(discriminator.PropertyName))
        {
            return null;
        }

        if (_schemaPaths.TryGetValue(composite, out var declaredAt))
        {
            (nameHint, where) = (declaredAt[declaredAt.Length - 1], declaredAt); // a component: named after it wherever it is used first
        }

        var schemas = new List<JsonSchema>(alternatives.Count);
        for (var i = 0; i < alternatives.Count; i++)
        {
            var resolved = Resolve(alternatives[i]);
            if (!IsObjectWithProperties(resolved))
            {
                return null;
            }

            var type = Map(alternatives[i], nameHint + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture), where.Concat(new[] { composite.OneOf.Count > 0 ? "oneOf" : "anyOf", i.ToString(CultureInfo.InvariantCulture) }).ToArray());
            if (type.Kind != TypeKind.Object)
            {
                return null;
            }

            schemas.Add(resolved);
        }

        var bases = schemas.Select(s => InheritanceBase(s) is { } intrinsic ? (object)intrinsic : _assignedBases.TryGetValue(s, out var assigned) ? assigned : null).ToList();
        if (bases.All(b => b is null))
        {
            var name = UniqueTypeName(nameHint, "Schema", where);
            var typeRef = new TypeRef(TypeKind.Object, name);
            _namedTypes[composite] = typeRef;
            foreach (var schema in schemas)
            {
                _assignedBases[schema] = name;
            }

            _composedDiscriminators[name] = (discriminator, where, true);
            _objects.Add(new ObjectTypeModel(name, Describe(composite), EquatableArray<PropertyModel>.Empty) { IsBase = true });
            return typeRef;
        }

        var first = bases[0];
        if (first is null || bases.Any(b => b is string text ? !(first is string firstText && firstText == text) : !ReferenceEquals(b, first)))
        {
            return null;
        }

        if (first is string syntheticName)
        {
            return new TypeRef(TypeKind.Object, syntheticName);
        }

        var shared = Map((JsonSchema)first, nameHint + "Base", where);
        if (shared.Kind != TypeKind.Object)
        {
            return null;
        }

        if (!_composedDiscriminators.ContainsKey(shared.Name!) && ((JsonSchema)first).DiscriminatorObject is null)
        {
            _composedDiscriminators[shared.Name!] = (discriminator, where, false);
        }

        return shared;
    }

    /// <summary>
    /// After every object is built: bases assigned by discriminated unions, properties a derived type redeclares
    /// (the inherited one is kept), C# names unique along each chain, and the dispatch tables of discriminators.
    /// </summary>
    private void FinishHierarchies()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _objects.Count; i++)
        {
            index[_objects[i].Name] = i;
        }

        foreach (var pair in _assignedBases)
        {
            if (_namedTypes.TryGetValue(pair.Key, out var derived) && derived.Name is { } derivedName
                && index.TryGetValue(derivedName, out var at) && _objects[at].BaseName is null && derivedName != pair.Value)
            {
                _objects[at] = _objects[at] with { BaseName = pair.Value };
            }
        }

        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in _objects)
        {
            if (type.BaseName is { } baseName)
            {
                if (!children.TryGetValue(baseName, out var list))
                {
                    children[baseName] = list = new List<string>();
                }

                list.Add(type.Name);
            }
        }

        for (var i = 0; i < _objects.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var type = _objects[i];
            if (children.ContainsKey(type.Name))
            {
                type = type with { IsBase = true };
            }

            if (type.BaseName is not null)
            {
                type = WithoutInheritedCollisions(type, index);
            }

            _objects[i] = type;
        }

        for (var i = 0; i < _objects.Count; i++)
        {
            var type = _objects[i];
            if (BuildDiscriminator(type, children, index) is { } discriminator)
            {
                _objects[i] = type with { Discriminator = discriminator, IsBase = true };
            }
        }
    }

    private ObjectTypeModel WithoutInheritedCollisions(ObjectTypeModel type, Dictionary<string, int> index)
    {
        var inheritedJson = new HashSet<string>(StringComparer.Ordinal);
        var inheritedCs = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var guard = new HashSet<string>(StringComparer.Ordinal) { type.Name };
        for (var current = type.BaseName; current is not null && guard.Add(current) && index.TryGetValue(current, out var at); current = _objects[at].BaseName)
        {
            inheritedCs.Add(current);
            foreach (var property in _objects[at].Properties)
            {
                if (inheritedJson.Add(property.JsonName))
                {
                    owners[property.JsonName] = current;
                }

                inheritedCs.Add(property.Name);
            }
        }

        var where = _objectSchemas.TryGetValue(type.Name, out var declared) ? declared.Where : Array.Empty<string>();
        var kept = new List<PropertyModel>(type.Properties.Count);
        var changed = false;
        foreach (var property in type.Properties)
        {
            if (inheritedJson.Contains(property.JsonName))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where.Concat(new[] { "properties", property.JsonName }).ToArray(),
                    "Redeclaring the inherited property '" + property.JsonName + "' in " + type.Name,
                    "the property inherited from " + owners[property.JsonName] + " holds the value");
                changed = true;
                continue;
            }

            if (inheritedCs.Contains(property.Name))
            {
                var unique = Naming.Unique(property.Name, inheritedCs);
                Report(DiagnosticDescriptors.DuplicateName, where.Concat(new[] { "properties", property.JsonName }).ToArray(), "Property", property.JsonName, property.Name, unique);
                kept.Add(property with { Name = unique });
                changed = true;
                continue;
            }

            kept.Add(property);
        }

        return changed ? type with { Properties = kept.ToEquatableArray() } : type;
    }

    private DiscriminatorModel? BuildDiscriminator(ObjectTypeModel type, Dictionary<string, List<string>> children, Dictionary<string, int> index)
    {
        OpenApiDiscriminator? discriminator;
        string[] where;
        bool isSynthetic;
        if (_composedDiscriminators.TryGetValue(type.Name, out var composed))
        {
            (discriminator, where, isSynthetic) = composed;
        }
        else if (_objectSchemas.TryGetValue(type.Name, out var own) && own.Schema.DiscriminatorObject is { } declared)
        {
            (discriminator, where, isSynthetic) = (declared, own.Where, false);
        }
        else
        {
            return null;
        }

        if (string.IsNullOrEmpty(discriminator.PropertyName))
        {
            return null;
        }

        // the type itself and everything that derives from it (iteratively: a chain may be long)
        var family = new List<string>();
        var inFamily = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(type.Name);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!inFamily.Add(current))
            {
                continue;
            }

            family.Add(current);
            if (children.TryGetValue(current, out var list))
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    pending.Push(list[i]);
                }
            }
        }

        var cases = new List<DiscriminatorCase>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var explicitTargets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in discriminator.Mapping ?? new Dictionary<string, JsonSchema>())
        {
            var target = entry.Value is null ? null : Resolve(entry.Value);
            var targetName = target is not null && _namedTypes.TryGetValue(target, out var mapped) && mapped.Kind == TypeKind.Object ? mapped.Name : null;
            if (targetName is null || !inFamily.Contains(targetName) || isSynthetic && targetName == type.Name)
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, where.Concat(new[] { "discriminator", "mapping", entry.Key }).ToArray(),
                    "The discriminator value '" + entry.Key + "' of " + type.Name + ", which names a schema that does not derive from it",
                    "that value reads as " + type.Name + "Unknown, holding the raw JSON");
                continue;
            }

            if (values.Add(entry.Key))
            {
                cases.Add(new DiscriminatorCase(entry.Key, targetName));
                explicitTargets.Add(targetName);
            }
        }

        // implicit values: the schema name of each member that no explicit value maps to (OpenAPI 3.0/3.1, Swagger 2.0)
        foreach (var member in family)
        {
            if (isSynthetic && member == type.Name || explicitTargets.Contains(member)
                || !_objectSchemas.TryGetValue(member, out var declared) || !_schemaPaths.TryGetValue(declared.Schema, out var path))
            {
                continue;
            }

            var schemaName = path[path.Length - 1];
            if (values.Add(schemaName))
            {
                cases.Add(new DiscriminatorCase(schemaName, member));
            }
        }

        var unknown = UniqueTypeName(type.Name + "Unknown", "Schema", where);

        // the unknown variant's own members must not hide an inherited property
        var memberNames = new HashSet<string>(s_reservedMemberNames, StringComparer.Ordinal) { unknown };
        var guard = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type.Name; current is not null && guard.Add(current) && index.TryGetValue(current, out var at); current = _objects[at].BaseName)
        {
            memberNames.UnionWith(_objects[at].Properties.Select(p => p.Name));
        }

        var rawJson = Naming.Unique("RawJson", memberNames);
        var value = Naming.Unique("DiscriminatorValue", memberNames);
        return new DiscriminatorModel(discriminator.PropertyName!, cases.ToEquatableArray(), unknown, ReadsSelfWhenAbsent: !isSynthetic, rawJson, value);
    }
}

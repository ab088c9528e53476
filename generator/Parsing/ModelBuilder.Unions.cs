using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Model;
using NJsonSchema;

namespace OmsGenerated.Generator.Parsing;

/// <summary><c>oneOf</c>/<c>anyOf</c> without a discriminator that applies: a union class with one accessor per alternative.</summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Property names an object alternative is recognised by, at most (the generated probe has one flag per name).</summary>
    private const int MaxShapeNames = 32;

    private static readonly string[] s_unionMemberNames = { "ReadJson", "WriteJson", "Validate", "ToString", "Equals", "GetHashCode", "GetType", "JsonConverter", "MemberwiseClone", "Finalize" };

    private readonly List<UnionTypeModel> _unions = new();

    private TypeRef MapUnion(JsonSchema composite, List<JsonSchema> alternatives, string nameHint, string[] where)
    {
        var keyword = composite.OneOf.Count > 0 ? "oneOf" : "anyOf";
        if (_schemaPaths.TryGetValue(composite, out var declaredAt))
        {
            (nameHint, where) = (declaredAt[declaredAt.Length - 1], declaredAt);
        }

        if ((composite.DiscriminatorObject ?? composite.ActualDiscriminatorObject) is { PropertyName: { Length: > 0 } property })
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, where.Concat(new[] { "discriminator" }).ToArray(),
                "The discriminator '" + property + "' of a " + keyword + " whose alternatives are not all objects without a base of their own, or of one shared base, at " + string.Join("/", where),
                "it is generated as a union whose alternative is chosen by the shape of the JSON");
        }

        var name = UniqueTypeName(nameHint, "Schema", where);
        var typeRef = new TypeRef(TypeKind.Union, name);
        _namedTypes[composite] = typeRef;

        var used = new HashSet<string>(s_unionMemberNames, StringComparer.Ordinal) { name };
        var rawJson = Naming.Unique("RawJson", used);
        var members = new List<UnionAlternative>(alternatives.Count);
        for (var i = 0; i < alternatives.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var at = where.Concat(new[] { keyword, i.ToString(CultureInfo.InvariantCulture) }).ToArray();
            var type = Map(alternatives[i], name + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture), at);
            var accessor = Naming.Unique(AccessorName(type), used);
            var required = new List<string>();
            var declared = new List<string>();
            if (type.Kind == TypeKind.Object)
            {
                var requiredSet = new HashSet<string>(StringComparer.Ordinal);
                var properties = CollectProperties(Resolve(alternatives[i]), at, requiredSet);
                declared.AddRange(properties.Select(p => p.JsonName).Take(MaxShapeNames));
                required.AddRange(requiredSet.Where(r => properties.Any(p => p.JsonName == r)).OrderBy(r => r, StringComparer.Ordinal).Take(MaxShapeNames));
            }

            members.Add(new UnionAlternative(accessor, type, required.ToEquatableArray(), declared.ToEquatableArray()));
        }

        _unions.Add(new UnionTypeModel(name, Describe(composite), members.ToEquatableArray(), rawJson));
        return typeRef;
    }

    private static string AccessorName(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.StringEnum or TypeKind.IntegerEnum or TypeKind.Union => type.Name!,
        TypeKind.Array => AccessorName(type.Element!) + "List",
        TypeKind.Map => AccessorName(type.Element!) + "Map",
        TypeKind.Any => "Json",
        TypeKind.DateTimeOffset => "DateTime",
        _ => type.Kind.ToString(),
    };
}

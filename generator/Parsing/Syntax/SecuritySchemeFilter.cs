using System.Collections.Generic;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// NSwag refuses a whole document whose security scheme has a type it does not model (OpenAPI 3.1's
/// <c>mutualTLS</c>, or a typo). Such schemes are left out of the tree NSwag reads; the model builder finds them in
/// the original tree and warns where they are declared.
/// </summary>
internal static class SecuritySchemeFilter
{
    private static readonly HashSet<string> s_openApi3Types = new() { "apiKey", "http", "oauth2", "openIdConnect" };
    private static readonly HashSet<string> s_swagger2Types = new() { "apiKey", "basic", "oauth2" };

    public static bool IsKnownType(object? type, bool isSwagger2)
        => type is string text && (isSwagger2 ? s_swagger2Types : s_openApi3Types).Contains(text);

    public static SpecMap RemoveUnknownTypes(SpecMap root, bool isSwagger2)
    {
        var path = isSwagger2 ? new[] { "securityDefinitions" } : new[] { "components", "securitySchemes" };
        var parent = root;
        var chain = new List<SpecMap> { root };
        foreach (var key in path)
        {
            if (parent[key] is not SpecMap next)
            {
                return root;
            }

            chain.Add(next);
            parent = next;
        }

        var schemes = parent;
        List<SpecEntry>? kept = null;
        for (var i = 0; i < schemes.Entries.Count; i++)
        {
            var entry = schemes.Entries[i];
            // a $ref or a non-map is NSwag's to judge; only a scalar type it cannot convert is dropped
            var known = entry.Value is not SpecMap scheme || scheme["$ref"] is not null || IsKnownType((scheme["type"] as SpecScalar)?.Value, isSwagger2);
            if (!known && kept is null)
            {
                kept = new List<SpecEntry>(schemes.Entries.Count);
                for (var j = 0; j < i; j++)
                {
                    kept.Add(schemes.Entries[j]);
                }
            }
            else if (known)
            {
                kept?.Add(entry);
            }
        }

        if (kept is null)
        {
            return root;
        }

        // rebuild the maps on the way down, each with its positions
        SpecNode replacement = new SpecMap(kept, schemes.Start, schemes.Length);
        for (var level = chain.Count - 2; level >= 0; level--)
        {
            var owner = chain[level];
            var entries = new List<SpecEntry>(owner.Entries.Count);
            foreach (var entry in owner.Entries)
            {
                entries.Add(entry.Key == path[level] ? new SpecEntry(entry.Key, entry.KeyStart, replacement) : entry);
            }

            replacement = new SpecMap(entries, owner.Start, owner.Length);
        }

        return (SpecMap)replacement;
    }
}

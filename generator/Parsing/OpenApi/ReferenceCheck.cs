using System;
using System.Collections.Generic;
using OmsGenerated.Generator.Parsing.Document;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>A <c>$ref</c> the generator cannot follow.</summary>
internal sealed record ReferenceProblem(string Reference, bool IsExternal, string? Reason);

/// <summary>
/// Finds every <c>$ref</c> that points outside the document (refused: a generator reads nothing but its input) or
/// to nothing, before any model is built. Examples, defaults, enums and extensions are data, not references.
/// </summary>
internal static class ReferenceCheck
{
    private const int MaxChain = 64;

    /// <summary>Maps whose keys are names (of properties, schemas, media types, …), never keywords.</summary>
    private static readonly HashSet<string> s_namedMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "schemas", "parameters", "responses", "requestBodies", "headers",
        "paths", "content", "callbacks", "links", "variables", "encoding", "securitySchemes", "securityDefinitions", "$defs",
    };

    public static List<ReferenceProblem> Check(SpecNode root)
    {
        var problems = new List<ReferenceProblem>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        Walk(root, root, problems, reported, namesOnly: false);
        return problems;
    }

    private static void Walk(SpecNode root, SpecNode node, List<ReferenceProblem> problems, HashSet<string> reported, bool namesOnly)
    {
        switch (node)
        {
            case SpecMap map:
                if (map["$ref"] is SpecScalar { Value: string reference } && reported.Add(reference))
                {
                    var problem = Follow(root, reference);
                    if (problem is not null)
                    {
                        problems.Add(problem);
                    }
                }

                foreach (var entry in map.Entries)
                {
                    var isData = entry.Key is "example" or "examples" or "default" or "enum" or "const" || entry.Key.StartsWith("x-", StringComparison.Ordinal);
                    if (namesOnly || !isData)
                    {
                        Walk(root, entry.Value, problems, reported, !namesOnly && s_namedMaps.Contains(entry.Key));
                    }
                }

                break;
            case SpecList list:
                foreach (var item in list.Items)
                {
                    Walk(root, item, problems, reported, namesOnly: false);
                }

                break;
        }
    }

    private static ReferenceProblem? Follow(SpecNode root, string reference)
    {
        var current = reference;
        for (var i = 0; i < MaxChain; i++)
        {
            if (!JsonPointer.IsLocal(current))
            {
                return new ReferenceProblem(current, true, null);
            }

            var target = JsonPointer.Resolve(root, current);
            if (target is null)
            {
                return new ReferenceProblem(current, false, null);
            }

            if (target is not SpecMap { } map || map["$ref"] is not SpecScalar { Value: string next })
            {
                return null;
            }

            current = next;
        }

        return new ReferenceProblem(reference, false, "the references form a cycle");
    }
}

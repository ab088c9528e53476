using System;
using System.Collections.Generic;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>A <c>$ref</c> the generator cannot follow, and the scalar it is written in.</summary>
internal sealed record ReferenceProblem(string Reference, SpecScalar At, bool IsExternal, string? Reason);

/// <summary>
/// Finds every <c>$ref</c> that points outside the document or to nothing, or that only leads to other references in
/// a cycle, before NSwag sees the document: external ones must never reach a resolver (the generator reads nothing
/// but its input), and each problem is located at the reference text. Examples, defaults, enums and extensions are
/// data, not references. The walk is iterative and visits each node once.
/// </summary>
internal static class ReferenceCheck
{
    private const int MaxChain = 64;


    public static List<ReferenceProblem> Check(SpecNode root, System.Threading.CancellationToken cancellationToken)
    {
        var problems = new List<ReferenceProblem>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<SpecNode>();
        var pending = new Stack<(SpecNode Node, bool NamesOnly)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, namesOnly) = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            switch (node)
            {
                case SpecMap map:
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!namesOnly && map["$ref"] is SpecScalar { Value: string reference } at && reported.Add(reference))
                    {
                        if (Follow(root, reference, at) is { } problem)
                        {
                            problems.Add(problem);
                        }
                    }

                    for (var i = map.Entries.Count - 1; i >= 0; i--)
                    {
                        var entry = map.Entries[i];
                        if (namesOnly || !SpecKeywords.IsData(entry.Key))
                        {
                            pending.Push((entry.Value, !namesOnly && SpecKeywords.NamedMaps.Contains(entry.Key)));
                        }
                    }

                    break;
                case SpecList list:
                    for (var i = list.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push((list.Items[i], false));
                    }

                    break;
            }
        }

        return problems;
    }

    private static ReferenceProblem? Follow(SpecNode root, string reference, SpecScalar at)
    {
        var current = reference;
        for (var i = 0; i < MaxChain; i++)
        {
            if (!JsonPointer.IsLocal(current))
            {
                return new ReferenceProblem(current, at, true, null);
            }

            var target = JsonPointer.Resolve(root, current);
            if (target is null)
            {
                return new ReferenceProblem(current, at, false, null);
            }

            if (target is not SpecMap { } map || map["$ref"] is not SpecScalar { Value: string next })
            {
                return null;
            }

            current = next;
        }

        return new ReferenceProblem(reference, at, false, "the references form a cycle, or a chain of more than " + MaxChain + " references to references");
    }
}

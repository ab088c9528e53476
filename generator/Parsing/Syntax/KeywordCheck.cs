using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>A typo the readers downstream would accept silently: a misspelled top-level field, or a schema <c>type</c> no JSON Schema knows.</summary>
internal sealed record KeywordProblem(SpecNode At, int Length, bool IsUnknownField, string Message);

/// <summary>
/// Finds what NSwag reads without complaint but means something else than the author wrote: <c>pathz:</c> (a client
/// with no methods) or <c>type: integr</c> (a property of no type). The walk is iterative and visits each node once.
/// </summary>
internal static class KeywordCheck
{
    private const int MaxProblems = 50;

    private static readonly string[] s_openApi3Fields =
        { "openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs" };

    private static readonly string[] s_swagger2Fields =
    {
        "swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths", "definitions", "parameters",
        "responses", "securityDefinitions", "security", "tags", "externalDocs",
    };

    private static readonly HashSet<string> s_types = new(StringComparer.Ordinal) { "array", "boolean", "integer", "null", "number", "object", "string", "file" };


    public static List<KeywordProblem> Check(SpecMap root, bool isSwagger2, CancellationToken cancellationToken)
    {
        var problems = new List<KeywordProblem>();
        CheckTopLevel(root, isSwagger2 ? s_swagger2Fields : s_openApi3Fields, isSwagger2 ? "a Swagger 2.0" : "an OpenAPI 3", problems);
        CheckTypes(root, problems, cancellationToken);
        return problems;
    }

    private static void CheckTopLevel(SpecMap root, string[] fields, string family, List<KeywordProblem> problems)
    {
        foreach (var entry in root.Entries)
        {
            if (entry.Key.StartsWith("x-", StringComparison.Ordinal) || Array.IndexOf(fields, entry.Key) >= 0)
            {
                continue;
            }

            var suggestion = fields.OrderBy(f => Distance(f.ToLowerInvariant(), entry.Key.ToLowerInvariant())).FirstOrDefault(f => Distance(f.ToLowerInvariant(), entry.Key.ToLowerInvariant()) <= 2);
            var message = "'" + entry.Key + "' is not " + family + " field and is ignored"
                          + (suggestion is null ? " (extensions start with 'x-')" : " (did you mean '" + suggestion + "'?)");
            problems.Add(new KeywordProblem(new SpecScalar(entry.Key, entry.KeyStart, entry.Key.Length), entry.Key.Length, true, message));
        }
    }

    private static void CheckTypes(SpecMap root, List<KeywordProblem> problems, CancellationToken cancellationToken)
    {
        var visited = new HashSet<SpecNode>();
        var pending = new Stack<(SpecNode Node, bool NamesOnly)>();
        pending.Push((root, false));
        while (pending.Count > 0 && problems.Count < MaxProblems)
        {
            var (node, namesOnly) = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (node is SpecList list)
            {
                foreach (var item in list.Items)
                {
                    pending.Push((item, false));
                }

                continue;
            }

            if (node is not SpecMap map)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (!namesOnly && map["type"] is { } type)
            {
                CheckType(type, problems);
            }

            foreach (var entry in map.Entries)
            {
                // security schemes have a 'type' of their own (apiKey, http, oauth2…)
                var isSecurity = entry.Key is "securitySchemes" or "securityDefinitions";
                if (namesOnly || !SpecKeywords.IsData(entry.Key) && !isSecurity)
                {
                    pending.Push((entry.Value, !namesOnly && SpecKeywords.NamedMaps.Contains(entry.Key)));
                }
            }
        }
    }

    private static void CheckType(SpecNode type, List<KeywordProblem> problems)
    {
        var values = type is SpecList list ? list.Items : new[] { type };
        foreach (var value in values)
        {
            if (value is SpecScalar { Value: string name } scalar && !s_types.Contains(name))
            {
                var suggestion = s_types.OrderBy(t => Distance(t, name)).First();
                problems.Add(new KeywordProblem(scalar, scalar.Length, false,
                    "'" + name + "' is not a JSON Schema type" + (Distance(suggestion, name) <= 2 ? " (did you mean '" + suggestion + "'?)" : " (use one of " + string.Join(", ", s_types.Where(t => t != "file")) + ")")));
            }
            else if (value is not SpecScalar { Value: string })
            {
                problems.Add(new KeywordProblem(value, value is SpecScalar ? value.Length : 1, false, "a schema 'type' must be a name or a list of names, not " + value.Kind));
            }
        }
    }

    /// <summary>Levenshtein distance, for "did you mean" (the strings are short keywords).</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

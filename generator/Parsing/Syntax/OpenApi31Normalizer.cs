using System.Collections.Generic;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// NSwag reads OpenAPI 3.1 with its 3.0 model, which needs what 3.1 made optional: <c>paths</c>, and
/// <c>responses</c> on every operation. Only 3.1 trees are rewritten, and only the maps on the way to a change are
/// copied; an added node takes the position of the map it is added to.
/// </summary>
internal static class OpenApi31Normalizer
{
    private static readonly HashSet<string> s_methods = new() { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static SpecMap Normalize(SpecMap root)
    {
        var entries = new List<SpecEntry>(root.Entries);
        var pathsIndex = entries.FindIndex(e => e.Key == "paths");
        if (pathsIndex < 0)
        {
            entries.Add(new SpecEntry("paths", root.Start, new SpecMap(new List<SpecEntry>(), root.Start, 0)));
            return new SpecMap(entries, root.Start, root.Length);
        }

        if (entries[pathsIndex].Value is not SpecMap paths)
        {
            return root;
        }

        var changed = false;
        var pathEntries = new List<SpecEntry>(paths.Count);
        foreach (var path in paths.Entries)
        {
            var pathItem = path.Value as SpecMap;
            var normalized = pathItem is null ? null : AddMissingResponses(pathItem);
            changed |= !ReferenceEquals(normalized, pathItem);
            pathEntries.Add(normalized is null ? path : new SpecEntry(path.Key, path.KeyStart, normalized));
        }

        if (!changed)
        {
            return root;
        }

        entries[pathsIndex] = new SpecEntry("paths", entries[pathsIndex].KeyStart, new SpecMap(pathEntries, paths.Start, paths.Length));
        return new SpecMap(entries, root.Start, root.Length);
    }

    private static SpecMap AddMissingResponses(SpecMap pathItem)
    {
        List<SpecEntry>? entries = null;
        for (var i = 0; i < pathItem.Entries.Count; i++)
        {
            var entry = pathItem.Entries[i];
            if (!s_methods.Contains(entry.Key) || entry.Value is not SpecMap operation || operation["responses"] is SpecMap)
            {
                continue;
            }

            var at = operation.Start;
            var description = new SpecEntry("description", at, new SpecScalar(string.Empty, at, 0));
            var defaultResponse = new SpecEntry("default", at, new SpecMap(new List<SpecEntry> { description }, at, 0));
            var operationEntries = new List<SpecEntry>(operation.Entries);
            operationEntries.RemoveAll(e => e.Key == "responses");
            operationEntries.Add(new SpecEntry("responses", at, new SpecMap(new List<SpecEntry> { defaultResponse }, at, 0)));
            entries ??= new List<SpecEntry>(pathItem.Entries);
            entries[i] = new SpecEntry(entry.Key, entry.KeyStart, new SpecMap(operationEntries, operation.Start, operation.Length));
        }

        return entries is null ? pathItem : new SpecMap(entries, pathItem.Start, pathItem.Length);
    }
}

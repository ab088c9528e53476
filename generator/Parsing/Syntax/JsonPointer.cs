using System;
using System.Globalization;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>Resolves a same-document reference (<c>#/components/schemas/Pet</c>: URI fragment, then RFC 6901 pointer).</summary>
internal static class JsonPointer
{
    public static bool IsLocal(string reference) => reference.StartsWith("#", StringComparison.Ordinal);

    public static SpecNode? Resolve(SpecNode root, string reference)
    {
        if (!IsLocal(reference))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(reference.Substring(1));
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var node = root;
        foreach (var rawSegment in pointer.Substring(1).Split('/'))
        {
            var segment = rawSegment.Replace("~1", "/").Replace("~0", "~");
            switch (node)
            {
                case SpecMap map when map.TryGet(segment, out var child):
                    node = child;
                    break;
                case SpecList list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Items.Count:
                    node = list.Items[index];
                    break;
                default:
                    return null;
            }
        }

        return node;
    }
}

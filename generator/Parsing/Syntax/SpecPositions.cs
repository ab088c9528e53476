using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Generator.Diagnostics;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// Where things are in the spec file, from the positions the syntax pass recorded: by key path (the model builder's
/// view of the document), by Newtonsoft.Json path (NSwag's errors), or by node. Used only to locate diagnostics.
/// </summary>
internal sealed class SpecPositions
{
    private readonly string _path;
    private readonly SourceText _text;

    public SpecPositions(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    /// <summary>The tree the positions come from; null until the text has been read.</summary>
    public SpecNode? Root { get; set; }

    public LocationInfo Start => LocationInfo.FromLineColumn(_path, _text, 0, 0, 0);

    public LocationInfo At(int offset, int length = 1)
    {
        offset = Math.Max(0, Math.Min(offset, _text.Length));
        length = Math.Max(0, Math.Min(length, _text.Length - offset));
        return LocationInfo.FromOffset(_path, _text, offset, length);
    }

    public LocationInfo Of(SpecNode node) => At(node.Start, node is SpecScalar ? node.Length : 1);

    /// <summary>The key at the end of <paramref name="path"/>; when the path goes further than the document, the deepest part that exists.</summary>
    public LocationInfo Key(params string[] path) => Walk(path, valueOfLast: false);

    /// <summary>The value at the end of <paramref name="path"/>, else as <see cref="Key"/>.</summary>
    public LocationInfo Value(params string[] path) => Walk(path, valueOfLast: true);

    /// <summary>
    /// The <c>name</c> of the parameter <paramref name="name"/> declared for an operation (in the operation, else in its
    /// path item, following <c>$ref</c>s), else the operation.
    /// </summary>
    public LocationInfo Parameter(string pathKey, string method, string? name)
    {
        if (Root is not SpecMap root || root.GetMap("paths")?.GetMap(pathKey) is not { } pathItem)
        {
            return Key("paths", pathKey, method);
        }

        foreach (var owner in new[] { pathItem.GetMap(method), pathItem })
        {
            foreach (var item in SpecValues.Items(owner?["parameters"]))
            {
                var parameter = Follow(root, item);
                if (parameter is SpecMap map && map["name"] is SpecScalar declared && declared.Text == name)
                {
                    return Of(declared);
                }
            }
        }

        return Key("paths", pathKey, method);
    }

    /// <summary>A Newtonsoft.Json path (<c>paths['/pets'].get.parameters[0].schema</c>) → the value it names.</summary>
    public LocationInfo JsonPath(string? jsonPath)
        => string.IsNullOrEmpty(jsonPath) ? Start : Value(SplitJsonPath(jsonPath!).ToArray());

    /// <summary>The first <c>$ref</c> whose text is <paramref name="reference"/>.</summary>
    public LocationInfo Reference(string reference)
    {
        var pending = new Stack<SpecNode>();
        var visited = new HashSet<SpecNode>();
        if (Root is not null)
        {
            pending.Push(Root);
        }

        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            if (node is SpecMap map)
            {
                if (map["$ref"] is SpecScalar scalar && scalar.Text == reference)
                {
                    return Of(scalar);
                }

                for (var i = map.Entries.Count - 1; i >= 0; i--)
                {
                    pending.Push(map.Entries[i].Value);
                }
            }
            else if (node is SpecList list)
            {
                for (var i = list.Items.Count - 1; i >= 0; i--)
                {
                    pending.Push(list.Items[i]);
                }
            }
        }

        return Start;
    }

    private static SpecNode Follow(SpecMap root, SpecNode node)
    {
        for (var guard = 0; guard < 16 && node is SpecMap map && map["$ref"] is SpecScalar { Value: string reference }; guard++)
        {
            if (JsonPointer.Resolve(root, reference) is not { } target)
            {
                break;
            }

            node = target;
        }

        return node;
    }

    private LocationInfo Walk(string[] path, bool valueOfLast)
    {
        var node = Root;
        LocationInfo? found = null;
        for (var i = 0; i < path.Length && node is not null; i++)
        {
            var segment = path[i];
            switch (node)
            {
                case SpecMap map when map.TryGetEntry(segment, out var entry):
                    found = valueOfLast && i == path.Length - 1 ? Of(entry.Value) : At(entry.KeyStart, entry.Key.Length);
                    node = entry.Value;
                    break;
                case SpecList list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Items.Count:
                    node = list.Items[index];
                    found = Of(node);
                    break;
                default:
                    node = null;
                    break;
            }
        }

        return found ?? Start;
    }

    /// <summary>Newtonsoft writes names as <c>a.b</c>, or <c>['a.b']</c> when they need quoting, and indexes as <c>[0]</c>.</summary>
    internal static List<string> SplitJsonPath(string path)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                Flush();
            }
            else if (c == '[')
            {
                Flush();
                if (i + 1 < path.Length && path[i + 1] is '\'' or '"')
                {
                    var quote = path[i + 1];
                    i += 2;
                    while (i < path.Length && path[i] != quote)
                    {
                        if (path[i] == '\\' && i + 1 < path.Length)
                        {
                            i++;
                        }

                        current.Append(path[i]);
                        i++;
                    }

                    i++; // the closing bracket
                    segments.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    i++;
                    while (i < path.Length && path[i] != ']')
                    {
                        current.Append(path[i]);
                        i++;
                    }

                    Flush();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return segments;

        void Flush()
        {
            if (current.Length > 0)
            {
                segments.Add(current.ToString());
                current.Clear();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace OmsGenerated.Generator.Parsing.Document;

/// <summary>
/// A node of a parsed spec, JSON or YAML alike: a map, a list or a scalar. The tree is built once per spec text and
/// only read afterwards; it never leaves the parse step (the model handed down the pipeline is built from it).
/// </summary>
internal abstract class SpecNode
{
    public abstract string Kind { get; }
}

/// <summary>A JSON object or YAML mapping, in document order. A repeated key keeps its first position and its last value.</summary>
internal sealed class SpecMap : SpecNode
{
    private const int IndexThreshold = 8;
    private readonly List<KeyValuePair<string, SpecNode>> _entries;
    private readonly Dictionary<string, int>? _index;

    public SpecMap(List<KeyValuePair<string, SpecNode>> entries)
    {
        _entries = entries;
        if (entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                _index[entries[i].Key] = i;
            }

            if (_index.Count != entries.Count)
            {
                _entries = Deduplicate(entries);
                _index.Clear();
                for (var i = 0; i < _entries.Count; i++)
                {
                    _index[_entries[i].Key] = i;
                }
            }
        }
        else if (HasDuplicates(entries))
        {
            _entries = Deduplicate(entries);
        }
    }

    public static SpecMap Empty { get; } = new(new List<KeyValuePair<string, SpecNode>>());

    public override string Kind => "a map";

    public IReadOnlyList<KeyValuePair<string, SpecNode>> Entries => _entries;

    public int Count => _entries.Count;

    public SpecNode? this[string key] => TryGet(key, out var node) ? node : null;

    public bool TryGet(string key, out SpecNode node)
    {
        if (_index is not null)
        {
            if (_index.TryGetValue(key, out var i))
            {
                node = _entries[i].Value;
                return true;
            }
        }
        else
        {
            foreach (var entry in _entries)
            {
                if (string.Equals(entry.Key, key, StringComparison.Ordinal))
                {
                    node = entry.Value;
                    return true;
                }
            }
        }

        node = null!;
        return false;
    }

    public bool ContainsKey(string key) => TryGet(key, out _);

    private static bool HasDuplicates(List<KeyValuePair<string, SpecNode>> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(entries[i].Key, entries[j].Key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<KeyValuePair<string, SpecNode>> Deduplicate(List<KeyValuePair<string, SpecNode>> entries)
    {
        var result = new List<KeyValuePair<string, SpecNode>>(entries.Count);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (positions.TryGetValue(entry.Key, out var at))
            {
                result[at] = entry;
            }
            else
            {
                positions[entry.Key] = result.Count;
                result.Add(entry);
            }
        }

        return result;
    }
}

/// <summary>A JSON array or YAML sequence.</summary>
internal sealed class SpecList : SpecNode
{
    public SpecList(List<SpecNode> items) => Items = items;

    public static SpecList Empty { get; } = new(new List<SpecNode>());

    public IReadOnlyList<SpecNode> Items { get; }

    public override string Kind => "a list";
}

/// <summary>
/// A string, boolean, number or null. Numbers are <see cref="long"/> when integral, else <see cref="double"/> (as
/// Newtonsoft.Json reads them; an integer beyond <see cref="long"/> is a <see cref="decimal"/>).
/// </summary>
internal sealed class SpecScalar : SpecNode
{
    public static readonly SpecScalar Null = new(null);
    public static readonly SpecScalar True = new(true);
    public static readonly SpecScalar False = new(false);

    private readonly string? _text;

    /// <param name="value">The typed value.</param>
    /// <param name="text">The source text when it says more than the value (a YAML plain <c>1.0</c> stays <c>1.0</c>).</param>
    public SpecScalar(object? value, string? text = null)
    {
        Value = value;
        _text = text;
    }

    public object? Value { get; }

    public override string Kind => Value switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        _ => "a number",
    };

    /// <summary>The value as text (numbers and booleans in invariant form, as JSON writes them); null for null.</summary>
    public string? Text => Value is null ? null : _text ?? Value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString(),
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// A node of the syntax pass, JSON or YAML alike: a map, a list or a scalar, with where it starts in the spec text.
/// The tree exists only inside the parse step: it carries positions for diagnostics and is what NSwag is fed from.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(int start, int length)
    {
        Start = start;
        Length = length;
    }

    /// <summary>Character offset in the spec text (for a quoted scalar, of its first character inside the quotes).</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>The number of nodes this one stands for once YAML aliases are expanded (itself included).</summary>
    public abstract long ExpandedSize { get; }

    public abstract string Kind { get; }
}

/// <summary>One key of a map, with where the key is written.</summary>
internal readonly struct SpecEntry
{
    public SpecEntry(string key, int keyStart, SpecNode value)
    {
        Key = key;
        KeyStart = keyStart;
        Value = value;
    }

    public string Key { get; }

    public int KeyStart { get; }

    public SpecNode Value { get; }
}

/// <summary>A JSON object or YAML mapping, in document order. A repeated key keeps its first position and its last value.</summary>
internal sealed class SpecMap : SpecNode
{
    private const int IndexThreshold = 8;
    private readonly List<SpecEntry> _entries;
    private readonly Dictionary<string, int>? _index;
    private readonly long _expandedSize;

    public SpecMap(List<SpecEntry> entries, int start, int length)
        : base(start, length)
    {
        _entries = Deduplicate(entries);
        if (_entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }

        _expandedSize = 1;
        foreach (var entry in _entries)
        {
            _expandedSize += 1 + entry.Value.ExpandedSize;
        }
    }

    public static SpecMap Empty { get; } = new(new List<SpecEntry>(), 0, 0);

    public override string Kind => "a map";

    public override long ExpandedSize => _expandedSize;

    public IReadOnlyList<SpecEntry> Entries => _entries;

    public int Count => _entries.Count;

    public SpecNode? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGet(string key, out SpecNode node)
    {
        if (TryGetEntry(key, out var entry))
        {
            node = entry.Value;
            return true;
        }

        node = null!;
        return false;
    }

    public bool TryGetEntry(string key, out SpecEntry entry)
    {
        if (_index is not null)
        {
            if (_index.TryGetValue(key, out var i))
            {
                entry = _entries[i];
                return true;
            }
        }
        else
        {
            foreach (var candidate in _entries)
            {
                if (string.Equals(candidate.Key, key, StringComparison.Ordinal))
                {
                    entry = candidate;
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }

    public bool ContainsKey(string key) => TryGetEntry(key, out _);

    private static List<SpecEntry> Deduplicate(List<SpecEntry> entries)
    {
        if (entries.Count < 2)
        {
            return entries;
        }

        var positions = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        List<SpecEntry>? result = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (positions.TryGetValue(entry.Key, out var at))
            {
                result ??= entries.GetRange(0, i);
                result[at] = new SpecEntry(entry.Key, result[at].KeyStart, entry.Value);
            }
            else
            {
                positions[entry.Key] = result?.Count ?? i;
                result?.Add(entry);
            }
        }

        return result ?? entries;
    }
}

/// <summary>A JSON array or YAML sequence.</summary>
internal sealed class SpecList : SpecNode
{
    private readonly long _expandedSize;

    public SpecList(List<SpecNode> items, int start, int length)
        : base(start, length)
    {
        Items = items;
        _expandedSize = 1;
        foreach (var item in items)
        {
            _expandedSize += item.ExpandedSize;
        }
    }

    public IReadOnlyList<SpecNode> Items { get; }

    public override string Kind => "a list";

    public override long ExpandedSize => _expandedSize;
}

/// <summary>
/// A string, boolean, number or null. Numbers are <see cref="long"/> when integral, else <see cref="double"/> (an
/// integer beyond <see cref="long"/> is a <see cref="decimal"/>), as JSON readers type them.
/// </summary>
internal sealed class SpecScalar : SpecNode
{
    private readonly string? _text;

    /// <param name="value">The typed value.</param>
    /// <param name="start">Where it starts.</param>
    /// <param name="length">How long it is in the text.</param>
    /// <param name="text">The source text when it says more than the value (a YAML plain <c>1.0</c> stays <c>1.0</c>).</param>
    public SpecScalar(object? value, int start, int length, string? text = null)
        : base(start, length)
    {
        Value = value;
        _text = text;
    }

    public object? Value { get; }

    public override long ExpandedSize => 1;

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
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString(),
    };
}

using System;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Generator.Diagnostics;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// Finds where something sits in the spec text, for diagnostics only (bad specs are rare, so this
/// is a cheap text walk instead of a position-tracking parse on every build). Keys are searched
/// in order, each after the previous one, as YAML keys (<c>key:</c>) or JSON keys (<c>"key"</c>).
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _path;
    private readonly SourceText _text;
    private readonly string _content;

    public SpecLocator(string path, SourceText text)
    {
        _path = path;
        _text = text;
        _content = text.ToString();
    }

    public LocationInfo Start => LocationInfo.FromLineColumn(_path, _text, 0, 0, 0);

    public LocationInfo AtLineColumn(int zeroBasedLine, int zeroBasedColumn) => LocationInfo.FromLineColumn(_path, _text, zeroBasedLine, zeroBasedColumn);

    /// <summary>
    /// Locates the last of <paramref name="keys"/> found in sequence (the last may also be a value, as a parameter's
    /// <c>name: x</c>); falls back to the deepest key found, then to the file start.
    /// </summary>
    public LocationInfo Find(params string[] keys)
    {
        var position = 0;
        var found = -1;
        var foundLength = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            var (index, length) = FindKey(key, position);
            if (index < 0 && k == keys.Length - 1)
            {
                (index, length) = FindValueToken(key, position);
            }

            if (index < 0)
            {
                break;
            }

            found = index;
            foundLength = length;
            position = index + length;
        }

        return found < 0 ? Start : LocationInfo.FromOffset(_path, _text, found, foundLength);
    }

    /// <summary>Locates the value under the key path (the first non-blank character after the last key's colon).</summary>
    public LocationInfo FindValueOf(params string[] keys)
    {
        var key = Find(keys);
        if (keys.Length == 0 || key == Start)
        {
            return key;
        }

        var index = _content.IndexOf(':', key.Start + key.Length);
        if (index < 0)
        {
            return key;
        }

        index++;
        while (index < _content.Length && char.IsWhiteSpace(_content[index]))
        {
            index++;
        }

        return index < _content.Length ? LocationInfo.FromOffset(_path, _text, index, 1) : key;
    }

    /// <summary>Locates a literal value such as a $ref target.</summary>
    public LocationInfo FindValue(string value)
    {
        var index = _content.IndexOf(value, StringComparison.Ordinal);
        return index < 0 ? Start : LocationInfo.FromOffset(_path, _text, index, value.Length);
    }

    private (int Index, int Length) FindValueToken(string value, int from)
    {
        foreach (var candidate in new[] { "\"" + value + "\"", "'" + value + "'", value })
        {
            var index = from;
            while ((index = _content.IndexOf(candidate, index, StringComparison.Ordinal)) >= 0)
            {
                var before = index - 1;
                while (before >= 0 && _content[before] == ' ')
                {
                    before--;
                }

                var after = index + candidate.Length;
                var endsToken = after >= _content.Length || !char.IsLetterOrDigit(_content[after]) && _content[after] != '_';
                if (before >= 0 && _content[before] == ':' && endsToken)
                {
                    return candidate[0] is '"' or '\'' ? (index + 1, value.Length) : (index, value.Length);
                }

                index += candidate.Length;
            }
        }

        return (-1, 0);
    }

    private (int Index, int Length) FindKey(string key, int from)
    {
        foreach (var candidate in new[] { "\"" + key + "\"", "'" + key + "'", key })
        {
            var index = from;
            while ((index = _content.IndexOf(candidate, index, StringComparison.Ordinal)) >= 0)
            {
                var after = index + candidate.Length;
                while (after < _content.Length && _content[after] == ' ')
                {
                    after++;
                }

                var startsToken = index == 0 || !char.IsLetterOrDigit(_content[index - 1]) && _content[index - 1] != '_';
                if (startsToken && after < _content.Length && _content[after] == ':')
                {
                    return (index, candidate.Length);
                }

                index += candidate.Length;
            }
        }

        return (-1, 0);
    }
}

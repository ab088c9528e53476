using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// YAML text → <see cref="SpecNode"/> tree with positions, from YamlDotNet's event parser (first document only).
/// Plain scalars are typed by the YAML 1.2 core schema, quoted ones are strings. Aliases share the anchored node
/// (never copied) and may add at most <see cref="SyntaxLimits.MaxAliasExpansion"/> nodes; merge keys
/// (<c>&lt;&lt;: *base</c>) are applied. Recursion is bounded by <see cref="SyntaxLimits.MaxDepth"/>.
/// </summary>
internal sealed class YamlSyntaxReader
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MergeKey = "<<";

    private static readonly Regex s_integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly IParser _parser;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpansion;
    private int _lastPosition;

    private YamlSyntaxReader(string text, CancellationToken cancellationToken)
    {
        _parser = new Parser(new StringReader(text));
        _cancellationToken = cancellationToken;
    }

    /// <exception cref="SpecSyntaxException">The text is not well-formed YAML, is nested too deep or its aliases expand too far.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken)
    {
        var reader = new YamlSyntaxReader(text, cancellationToken);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException exception)
        {
            // the innermost exception has the parser's own words
            var message = exception.InnerException?.Message ?? exception.Message;
            throw new SpecSyntaxException(Offset(exception.Start), StripMarks(message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on malformed input (seen: a stray CR inside a plain scalar)
            throw new SpecSyntaxException(reader._lastPosition, "the YAML scanner could not read past this point");
        }
    }

    private SpecNode ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            throw new SpecSyntaxException(0, "the document is empty");
        }

        return ReadNode(0);
    }

    private SpecNode ReadNode(int depth)
    {
        if (_parser.Current is { } next)
        {
            _lastPosition = Offset(next.Start);
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, ToScalar(scalar));
        }

        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return Resolve(alias);
        }

        if (_parser.Current is MappingStart or SequenceStart && depth >= SyntaxLimits.MaxDepth)
        {
            throw new SpecSyntaxException(Offset(_parser.Current.Start), "the document is nested more than " + SyntaxLimits.MaxDepth + " levels deep");
        }

        if (_parser.TryConsume<MappingStart>(out var mappingStart))
        {
            return ReadMapping(mappingStart, depth);
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var items = new List<SpecNode>();
            SequenceEnd? end;
            while (!_parser.TryConsume<SequenceEnd>(out end))
            {
                items.Add(ReadNode(depth + 1));
            }

            var start = Offset(sequenceStart.Start);
            return Remember(sequenceStart.Anchor, new SpecList(items, start, Offset(end!.End) - start));
        }

        var current = _parser.Current;
        throw new SpecSyntaxException(Offset(current?.Start ?? Mark.Empty), "unexpected " + (current?.GetType().Name ?? "end of the document"));
    }

    private SpecNode ReadMapping(MappingStart mappingStart, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var entries = new List<SpecEntry>();
        List<SpecMap>? merged = null;
        MappingEnd? end;
        while (!_parser.TryConsume<MappingEnd>(out end))
        {
            var keyStart = _parser.Current?.Start ?? mappingStart.Start;
            var isMergeKey = _parser.Current is Scalar { Value: MergeKey, Style: ScalarStyle.Plain };
            if (ReadNode(depth + 1) is not SpecScalar key)
            {
                throw new SpecSyntaxException(Offset(keyStart), "a map key must be a plain value, not a map or a list");
            }

            var value = ReadNode(depth + 1);
            if (isMergeKey)
            {
                merged ??= new List<SpecMap>();
                AddMerged(value, merged, Offset(keyStart));
                continue;
            }

            entries.Add(new SpecEntry(key.Text ?? string.Empty, key.Start, value));
        }

        if (merged is not null)
        {
            ApplyMerges(entries, merged);
        }

        var start = Offset(mappingStart.Start);
        return Remember(mappingStart.Anchor, new SpecMap(entries, start, Offset(end!.End) - start));
    }

    /// <summary>The value of <c>&lt;&lt;</c> is a map or a list of maps (YAML merge key type).</summary>
    private static void AddMerged(SpecNode value, List<SpecMap> merged, int at)
    {
        switch (value)
        {
            case SpecMap map:
                merged.Add(map);
                return;
            case SpecList list:
                foreach (var item in list.Items)
                {
                    if (item is not SpecMap map)
                    {
                        throw new SpecSyntaxException(at, "a merge key (<<) takes a map or a list of maps");
                    }

                    merged.Add(map);
                }

                return;
            default:
                throw new SpecSyntaxException(at, "a merge key (<<) takes a map or a list of maps");
        }
    }

    /// <summary>Keys written in the map win over merged ones; among merged maps, the first one listed wins.</summary>
    private void ApplyMerges(List<SpecEntry> entries, List<SpecMap> merged)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            present.Add(entry.Key);
        }

        foreach (var map in merged)
        {
            foreach (var entry in map.Entries)
            {
                if (present.Add(entry.Key))
                {
                    entries.Add(entry);
                }
            }
        }
    }

    private SpecNode Resolve(AnchorAlias alias)
    {
        var at = Offset(alias.Start);
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw new SpecSyntaxException(at, "the alias *" + alias.Value.Value + " has no anchor before it");
        }

        _aliasExpansion += target.ExpandedSize;
        if (_aliasExpansion > SyntaxLimits.MaxAliasExpansion)
        {
            throw new SpecSyntaxException(at, "aliases expand the document by more than " + SyntaxLimits.MaxAliasExpansion.ToString(CultureInfo.InvariantCulture)
                + " nodes (at the alias *" + alias.Value.Value + "); this looks like an alias bomb");
        }

        return target;
    }

    private SpecNode Remember(AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private static SpecScalar ToScalar(Scalar scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var start = Offset(scalar.Start);
        var length = Offset(scalar.End) - start;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            start++;
            length = Math.Max(0, length - 2);
        }

        var isString = scalar.Style != ScalarStyle.Plain
                       || !scalar.Tag.IsEmpty && (scalar.Tag.Value == StringTag || scalar.Tag.Value == "!");
        return isString ? new SpecScalar(text, start, length) : TypePlain(text, start, length);
    }

    /// <summary>The YAML 1.2 core schema.</summary>
    private static SpecScalar TypePlain(string text, int start, int length)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new SpecScalar(null, start, length);
            case "true" or "True" or "TRUE":
                return new SpecScalar(true, start, length);
            case "false" or "False" or "FALSE":
                return new SpecScalar(false, start, length);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new SpecScalar(double.PositiveInfinity, start, length, text);
            case "-.inf" or "-.Inf" or "-.INF":
                return new SpecScalar(double.NegativeInfinity, start, length, text);
            case ".nan" or ".NaN" or ".NAN":
                return new SpecScalar(double.NaN, start, length, text);
        }

        var first = text[0];
        if (first is not ((>= '0' and <= '9') or '-' or '+' or '.'))
        {
            return new SpecScalar(text, start, length);
        }

        if (s_integer.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new SpecScalar(integer, start, length, text);
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return new SpecScalar(big, start, length, text);
            }
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return new SpecScalar(hex, start, length, text);
        }

        if (s_float.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new SpecScalar(number, start, length, text);
        }

        return new SpecScalar(text, start, length);
    }

    private static int Offset(Mark mark) => (int)Math.Min(int.MaxValue, Math.Max(0, mark.Index));

    private static string StripMarks(string message)
    {
        // "(Line: 3, Col: 14, Idx: 40) - (Line: 3, Col: 16, Idx: 42): While scanning ..." → "While scanning ..."
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && at >= 0 ? message.Substring(at + 3) : message;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OmsGenerated.Generator.Parsing.Document;

/// <summary>
/// YAML text → <see cref="SpecNode"/> tree, from YamlDotNet's event parser (first document only; anchors and aliases
/// resolved). Plain scalars are typed by the YAML 1.2 core schema; quoted ones are strings.
/// </summary>
internal static class YamlSpecReader
{
    private const int MaxDepth = 256;
    private const string StringTag = "tag:yaml.org,2002:str";

    private static readonly Regex s_integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <exception cref="SpecSyntaxException">The text is not well-formed YAML.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                throw new SpecSyntaxException(0, 0, "the document is empty");
            }

            return ReadNode(parser, new Dictionary<string, SpecNode>(StringComparer.Ordinal), 0, cancellationToken);
        }
        catch (YamlException exception)
        {
            // YamlDotNet marks are 1-based; its message is in the innermost exception
            var message = exception.InnerException?.Message ?? exception.Message;
            throw new SpecSyntaxException((int)exception.Start.Line - 1, (int)exception.Start.Column - 1, StripMarks(message));
        }
    }

    private static SpecNode ReadNode(IParser parser, Dictionary<string, SpecNode> anchors, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new SpecSyntaxException((int)at.Line - 1, (int)at.Column - 1, "the document is nested more than " + MaxDepth + " levels deep");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(anchors, scalar.Anchor, ToScalar(scalar));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new SpecSyntaxException((int)alias.Start.Line - 1, (int)alias.Start.Column - 1, "the alias *" + alias.Value.Value + " has no anchor before it");
            }

            return target;
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = new List<KeyValuePair<string, SpecNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current?.Start ?? mappingStart.Start;
                var key = ReadNode(parser, anchors, depth + 1, cancellationToken) as SpecScalar;
                if (key is null)
                {
                    throw new SpecSyntaxException((int)keyStart.Line - 1, (int)keyStart.Column - 1, "a map key must be a plain value, not a map or a list");
                }

                var value = ReadNode(parser, anchors, depth + 1, cancellationToken);
                entries.Add(new KeyValuePair<string, SpecNode>(key.Text ?? string.Empty, value));
            }

            return Remember(anchors, mappingStart.Anchor, new SpecMap(entries));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<SpecNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, depth + 1, cancellationToken));
            }

            return Remember(anchors, sequenceStart.Anchor, new SpecList(items));
        }

        var current = parser.Current;
        var mark = current?.Start ?? Mark.Empty;
        throw new SpecSyntaxException((int)mark.Line - 1, (int)mark.Column - 1, "unexpected " + (current?.GetType().Name ?? "end of the document"));
    }

    private static SpecNode Remember(Dictionary<string, SpecNode> anchors, AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static SpecScalar ToScalar(Scalar scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var isString = scalar.Style != ScalarStyle.Plain
                       || !scalar.Tag.IsEmpty && (scalar.Tag.Value == StringTag || scalar.Tag.Value == "!");
        return isString ? new SpecScalar(text) : TypePlain(text);
    }

    /// <summary>The YAML 1.2 core schema.</summary>
    private static SpecScalar TypePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return SpecScalar.Null;
            case "true" or "True" or "TRUE":
                return SpecScalar.True;
            case "false" or "False" or "FALSE":
                return SpecScalar.False;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new SpecScalar(double.PositiveInfinity, text);
            case "-.inf" or "-.Inf" or "-.INF":
                return new SpecScalar(double.NegativeInfinity, text);
            case ".nan" or ".NaN" or ".NAN":
                return new SpecScalar(double.NaN, text);
        }

        var first = text[0];
        if (first is not ((>= '0' and <= '9') or '-' or '+' or '.'))
        {
            return new SpecScalar(text);
        }

        if (s_integer.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new SpecScalar(integer, text);
            }

            if (decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            {
                return new SpecScalar(big, text);
            }
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return new SpecScalar(hex, text);
        }

        if (s_float.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new SpecScalar(number, text);
        }

        return new SpecScalar(text);
    }

    private static string StripMarks(string message)
    {
        // "(Line: 3, Col: 14, Idx: 40) - (Line: 3, Col: 16, Idx: 42): While scanning ..." → "While scanning ..."
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && at >= 0 ? message.Substring(at + 3) : message;
    }
}

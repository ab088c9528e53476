using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace OmsGenerated.Generator.Parsing.Document;

/// <summary>JSON text → <see cref="SpecNode"/> tree, with System.Text.Json's forward-only reader (comments and trailing commas allowed).</summary>
internal static class JsonSpecReader
{
    public const int MaxDepth = 256;

    /// <exception cref="SpecSyntaxException">The text is not well-formed JSON.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = MaxDepth,
        });

        try
        {
            if (!reader.Read())
            {
                throw new SpecSyntaxException(0, 0, "the document is empty");
            }

            var root = ReadValue(ref reader, cancellationToken);
            reader.Read(); // throws on anything but whitespace and comments after the document
            return root;
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0);
            var bytePosition = (int)(exception.BytePositionInLine ?? 0);
            throw new SpecSyntaxException(line, CharColumn(text, line, bytePosition), StripPosition(exception.Message));
        }
    }

    private static SpecNode ReadValue(ref Utf8JsonReader reader, CancellationToken cancellationToken)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                cancellationToken.ThrowIfCancellationRequested();
                var entries = new List<KeyValuePair<string, SpecNode>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    entries.Add(new KeyValuePair<string, SpecNode>(key, ReadValue(ref reader, cancellationToken)));
                }

                return new SpecMap(entries);
            case JsonTokenType.StartArray:
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, cancellationToken));
                }

                return new SpecList(items);
            case JsonTokenType.String:
                return new SpecScalar(reader.GetString());
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return new SpecScalar(integer);
                }

                if (IsIntegral(reader.ValueSpan) && reader.TryGetDecimal(out var big))
                {
                    return new SpecScalar(big);
                }

                return new SpecScalar(reader.GetDouble());
            case JsonTokenType.True:
                return SpecScalar.True;
            case JsonTokenType.False:
                return SpecScalar.False;
            default:
                return SpecScalar.Null;
        }
    }

    private static bool IsIntegral(ReadOnlySpan<byte> number)
    {
        foreach (var b in number)
        {
            if (b is (byte)'.' or (byte)'e' or (byte)'E')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>System.Text.Json counts bytes within the line; diagnostics count characters.</summary>
    private static int CharColumn(string text, int line, int bytePosition)
    {
        var start = 0;
        for (var i = 0; i < line && start >= 0; i++)
        {
            start = text.IndexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }

        if (start < 0)
        {
            return bytePosition;
        }

        var end = text.IndexOf('\n', start);
        var lineText = text.Substring(start, (end < 0 ? text.Length : end) - start);
        var bytes = 0;
        var column = 0;
        while (column < lineText.Length && bytes < bytePosition)
        {
            var c = lineText[column];
            if (char.IsHighSurrogate(c) && column + 1 < lineText.Length && char.IsLowSurrogate(lineText[column + 1]))
            {
                bytes += 4;
                column += 2;
            }
            else
            {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                column++;
            }
        }

        return column;
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message.Substring(0, at).TrimEnd();
    }
}

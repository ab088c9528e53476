using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// JSON text → <see cref="SpecNode"/> tree with positions, from System.Text.Json's forward-only reader (comments and
/// trailing commas allowed). Recursion is bounded by <see cref="SyntaxLimits.MaxDepth"/>.
/// </summary>
internal sealed class JsonSyntaxReader
{
    private readonly string _text;
    private readonly byte[] _utf8;
    private readonly CancellationToken _cancellationToken;
    private int _cursorByte;
    private int _cursorChar;

    private JsonSyntaxReader(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _utf8 = Encoding.UTF8.GetBytes(text);
        _cancellationToken = cancellationToken;
    }

    /// <exception cref="SpecSyntaxException">The text is not well-formed JSON or is nested too deep.</exception>
    public static SpecNode Read(string text, CancellationToken cancellationToken) => new JsonSyntaxReader(text, cancellationToken).Read();

    private SpecNode Read()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = SyntaxLimits.MaxDepth + 1, // the limit is checked below, with a message of ours
        });

        try
        {
            if (!reader.Read())
            {
                throw new SpecSyntaxException(0, "the document is empty");
            }

            var root = ReadValue(ref reader, 0);
            reader.Read(); // throws on anything but whitespace and comments after the document
            return root;
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0);
            var bytePosition = (int)(exception.BytePositionInLine ?? 0);
            throw new SpecSyntaxException(OffsetOf(line, bytePosition), StripPosition(exception.Message));
        }
    }

    private SpecNode ReadValue(ref Utf8JsonReader reader, int depth)
    {
        var start = CharOffset((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _cancellationToken.ThrowIfCancellationRequested();
                CheckDepth(depth, start);
                var entries = new List<SpecEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var keyStart = CharOffset((int)reader.TokenStartIndex) + 1;
                    var key = GetString(ref reader, keyStart);
                    reader.Read();
                    entries.Add(new SpecEntry(key, keyStart, ReadValue(ref reader, depth + 1)));
                }

                return new SpecMap(entries, start, End(ref reader) - start);
            case JsonTokenType.StartArray:
                CheckDepth(depth, start);
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, depth + 1));
                }

                return new SpecList(items, start, End(ref reader) - start);
            case JsonTokenType.String:
                var value = GetString(ref reader, start + 1);
                return new SpecScalar(value, start + 1, Math.Max(0, End(ref reader) - start - 2));
            case JsonTokenType.Number:
                var length = End(ref reader) - start;
                if (reader.TryGetInt64(out var integer))
                {
                    return new SpecScalar(integer, start, length);
                }

                if (IsIntegral(reader.ValueSpan) && reader.TryGetDecimal(out var big))
                {
                    return new SpecScalar(big, start, length);
                }

                return new SpecScalar(reader.GetDouble(), start, length);
            case JsonTokenType.True:
                return new SpecScalar(true, start, 4);
            case JsonTokenType.False:
                return new SpecScalar(false, start, 5);
            default:
                return new SpecScalar(null, start, 4);
        }
    }

    private static void CheckDepth(int depth, int start)
    {
        if (depth >= SyntaxLimits.MaxDepth)
        {
            throw new SpecSyntaxException(start, "the document is nested more than " + SyntaxLimits.MaxDepth + " levels deep");
        }
    }

    /// <summary>A string token; an escaped lone surrogate (<c>"\ud800"</c>) is not text and is a syntax error here.</summary>
    private static string GetString(ref Utf8JsonReader reader, int start)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new SpecSyntaxException(start, "the string is not valid text: " + exception.Message);
        }
    }

    private int End(ref Utf8JsonReader reader) => CharOffset((int)reader.BytesConsumed);

    /// <summary>Byte offset → character offset. Offsets only move forward while reading, so one cursor walks the text once.</summary>
    private int CharOffset(int byteOffset)
    {
        if (byteOffset < _cursorByte)
        {
            _cursorByte = 0;
            _cursorChar = 0;
        }

        while (_cursorByte < byteOffset && _cursorByte < _utf8.Length)
        {
            var b = _utf8[_cursorByte];
            var width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            _cursorByte += width;
            _cursorChar += width == 4 ? 2 : 1;
        }

        return _cursorChar;
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

    /// <summary>System.Text.Json reports a zero-based line and a byte position within it.</summary>
    private int OffsetOf(int line, int bytePosition)
    {
        var start = 0;
        for (var i = 0; i < line; i++)
        {
            var next = _text.IndexOf('\n', start);
            if (next < 0)
            {
                return _text.Length;
            }

            start = next + 1;
        }

        var column = 0;
        var bytes = 0;
        while (start + column < _text.Length && bytes < bytePosition && _text[start + column] != '\n')
        {
            var c = _text[start + column];
            if (char.IsHighSurrogate(c) && start + column + 1 < _text.Length && char.IsLowSurrogate(_text[start + column + 1]))
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

        return start + column;
    }

    private static string StripPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message.Substring(0, at).TrimEnd();
    }
}

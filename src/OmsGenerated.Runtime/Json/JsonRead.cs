using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OmsGenerated.Runtime.Json;

/// <summary>
/// Lenient readers used by generated code. Each reads the value at the current token and leaves the
/// reader on that value's last token. A token of the wrong type (an empty string where an object is
/// documented, a number where a string is) yields null instead of an exception, so a server that
/// drifts from its description does not break deserialization.
/// </summary>
public static class JsonRead
{
    public static string? String(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    public static int? Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static long? Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static float? Single(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static double? Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static bool? Boolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed):
                return parsed;
            default:
                reader.Skip();
                return null;
        }
    }

    public static DateTimeOffset? DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var value))
            {
                return value;
            }

            if (System.DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }

            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var unixMilliseconds))
        {
            return System.DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
        }

        reader.Skip();
        return null;
    }

    public static DateOnly? Date(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static Guid? Guid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static byte[]? Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    public static JsonElement? Element(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return JsonElement.ParseValue(ref reader);
    }

    public static List<T>? List<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readItem(ref reader));
        }

        return list;
    }

    public static Dictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>Reads a whole UTF-8 JSON document; null when it is empty, not valid JSON (truncated, trailing data),
    /// has a string that is not valid UTF-8, or is not the shape <paramref name="read"/> expects.</summary>
    public static T? Document<T>(ReadOnlySpan<byte> utf8Json, JsonReadFunc<T?> read)
    {
        if (utf8Json.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read())
            {
                return default;
            }

            var value = read(ref reader);

            // Anything after the value (a second document, an HTML tail) makes the body malformed, not the value.
            return reader.Read() ? default : value;
        }
        catch (JsonException)
        {
            return default;
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-8 cannot be read as text (Utf8JsonReader.GetString throws this).
            return default;
        }
    }
}

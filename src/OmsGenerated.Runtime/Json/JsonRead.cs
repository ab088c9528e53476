using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OmsGenerated.Runtime.Json;

/// <summary>
/// Readers used by generated code. Each reads the value at the current token and leaves the reader on that value's
/// last token. JSON null, and an empty string where anything but a string is declared, read as absent (null). A few
/// drifted forms are read for what they say: a number or boolean where a string is declared reads as its JSON text,
/// a number sent as a string ("12") as the number, "true"/"false" as the boolean, a date-time as a number as Unix
/// milliseconds. Anything else of the wrong type — an object where a string is declared, "yes" for a boolean, a
/// malformed date, base64 or UUID, an integer with a fraction or out of range — is a <see cref="JsonReadException"/>
/// naming the JSON path and the expected type, never a silent default.
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
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonReadException("string", reader.TokenType);
        }
    }

    public static int? Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonReadException("32-bit integer", reader.TokenType);
    }

    public static long? Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonReadException("64-bit integer", reader.TokenType);
    }

    public static float? Single(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value))
        {
            return value;
        }

        throw new JsonReadException("number (float)", reader.TokenType);
    }

    public static double? Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return value;
        }

        throw new JsonReadException("number (double)", reader.TokenType);
    }

    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonReadException("number (decimal)", reader.TokenType);
    }

    public static bool? Boolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when IsEmptyString(ref reader):
                return null;
            case JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed):
                return parsed;
            default:
                throw new JsonReadException("boolean", reader.TokenType);
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

            if (IsEmptyString(ref reader))
            {
                return null;
            }

            if (System.DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var unixMilliseconds)
                 && unixMilliseconds is >= MinUnixMilliseconds and <= MaxUnixMilliseconds)
        {
            return System.DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);
        }
        else if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        throw new JsonReadException("date-time", reader.TokenType);
    }

    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public static DateOnly? Date(ref Utf8JsonReader reader)
    {
        if (IsAbsent(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String
            && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw new JsonReadException("date (yyyy-MM-dd)", reader.TokenType);
    }

    public static Guid? Guid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value))
        {
            return value;
        }

        if (IsAbsent(ref reader))
        {
            return null;
        }

        throw new JsonReadException("string in UUID format", reader.TokenType);
    }

    /// <summary>Base64 (format: byte); "" is an empty array, not absent.</summary>
    public static byte[]? Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        throw new JsonReadException("base64 string", reader.TokenType);
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
            ThrowUnlessAbsent(ref reader, "array");
            return null;
        }

        var list = new List<T>();
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(readItem(ref reader));
            }
        }
        catch (JsonReadException exception)
        {
            exception.AtIndex(list.Count);
            throw;
        }

        return list;
    }

    public static Dictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ThrowUnlessAbsent(ref reader, "object");
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        string? key = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                key = reader.GetString()!;
                reader.Read();
                map[key] = readValue(ref reader);
            }
        }
        catch (JsonReadException exception) when (key is not null)
        {
            exception.AtProperty(key);
            throw;
        }

        return map;
    }

    /// <summary>
    /// For a reader of a declared type that found another token: JSON null and "" are absent (OMS sends "" for an
    /// absent object); anything else is a <see cref="JsonReadException"/>.
    /// </summary>
    public static void ThrowUnlessAbsent(ref Utf8JsonReader reader, string expectedType)
    {
        if (!IsAbsent(ref reader))
        {
            throw new JsonReadException(expectedType, reader.TokenType);
        }
    }

    /// <summary>The exception for a value that read as absent where the API description requires one that is not null.</summary>
    public static JsonReadException Required(ref Utf8JsonReader reader, string expectedType) => new(expectedType, reader.TokenType);

    private static bool IsAbsent(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null || IsEmptyString(ref reader);

    private static bool IsEmptyString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && (reader.HasValueSequence ? reader.ValueSequence.IsEmpty : reader.ValueSpan.IsEmpty);

    /// <summary>
    /// Reads a whole UTF-8 JSON document; null when it is empty, not valid JSON (truncated, trailing data) or has a
    /// string that is not valid UTF-8. A value of the wrong type is a <see cref="JsonReadException"/> with its path.
    /// </summary>
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
        catch (JsonException exception) when (exception is not JsonReadException)
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

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Serialization;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Runtime.Kiota;

/// <summary>
/// Bridges values Kiota's parse nodes and writers have no direct API for (maps, free-form JSON,
/// nested arrays, dates) through Kiota's untyped nodes and the generated UTF-8 readers and writers.
/// </summary>
public static class KiotaInterop
{
    public static T? ReadJson<T>(IParseNode node, JsonReadFunc<T?> read)
    {
        ArgumentNullException.ThrowIfNull(node);
        var untyped = node.GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);
        if (untyped is null or UntypedNull)
        {
            return default;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteUntyped(writer, untyped);
        }

        return JsonRead.Document(buffer.WrittenSpan, read);
    }

    public static void WriteJson<T>(ISerializationWriter writer, string key, T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var bytes = JsonBody.ToUtf8(value, write);
        using var document = JsonDocument.Parse(bytes);
        writer.WriteObjectValue(key, ToUntyped(document.RootElement));
    }

    public static DateOnly? ReadDate(IParseNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return DateOnly.TryParse(node.GetStringValue(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    public static void WriteDate(ISerializationWriter writer, string key, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } date)
        {
            writer.WriteStringValue(key, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    public static async Task<T> ReadJsonAsync<T>(Stream? stream, JsonReadFunc<T?> read, CancellationToken cancellationToken)
        where T : class
        => Decode(await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false), read) ?? throw ApiErrorException.MissingBody();

    public static async Task<T> ReadJsonValueAsync<T>(Stream? stream, JsonReadFunc<T?> read, CancellationToken cancellationToken)
        where T : struct
        => Decode(await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false), read) ?? throw ApiErrorException.MissingBody();

    private static T? Decode<T>(byte[] bytes, JsonReadFunc<T?> read) => JsonRead.Document(bytes, read);

    private static async Task<byte[]> ReadAllAsync(Stream? stream, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return Array.Empty<byte>();
        }

        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
    }

    private static UntypedNode ToUntyped(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new UntypedObject(ToUntypedProperties(element)),
        JsonValueKind.Array => new UntypedArray(ToUntypedItems(element)),
        JsonValueKind.String => new UntypedString(element.GetString()),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new UntypedLong(integer),
        JsonValueKind.Number => new UntypedDouble(element.GetDouble()),
        JsonValueKind.True => new UntypedBoolean(true),
        JsonValueKind.False => new UntypedBoolean(false),
        _ => new UntypedNull(),
    };

    private static Dictionary<string, UntypedNode> ToUntypedProperties(JsonElement element)
    {
        var properties = new Dictionary<string, UntypedNode>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = ToUntyped(property.Value);
        }

        return properties;
    }

    private static List<UntypedNode> ToUntypedItems(JsonElement element)
    {
        var items = new List<UntypedNode>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(ToUntyped(item));
        }

        return items;
    }

    private static void WriteUntyped(Utf8JsonWriter writer, UntypedNode node)
    {
        switch (node)
        {
            case UntypedObject obj:
                writer.WriteStartObject();
                foreach (var pair in obj.GetValue())
                {
                    writer.WritePropertyName(pair.Key);
                    WriteUntyped(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case UntypedArray array:
                writer.WriteStartArray();
                foreach (var item in array.GetValue())
                {
                    WriteUntyped(writer, item);
                }

                writer.WriteEndArray();
                break;
            case UntypedString text:
                writer.WriteStringValue(text.GetValue());
                break;
            case UntypedBoolean flag:
                writer.WriteBooleanValue(flag.GetValue());
                break;
            case UntypedLong number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedInteger number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedDouble number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedFloat number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedDecimal number:
                writer.WriteNumberValue(number.GetValue());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OmsGenerated.Runtime.Json;

/// <summary>
/// Properties of a JSON object that its API description does not declare: generated models keep them in
/// <c>AdditionalData</c> (Kiota's <c>IAdditionalDataHolder</c>) and write them back, so read → modify → write loses
/// nothing the server sent.
/// </summary>
public static class AdditionalData
{
    /// <summary>
    /// With the reader on a property name, reads the property's value into <paramref name="data"/> (created on first
    /// use) as a <see cref="JsonElement"/> that owns its memory, leaving the reader on the value's last token.
    /// </summary>
    public static void Read(ref Utf8JsonReader reader, ref IDictionary<string, object>? data)
    {
        string name = reader.GetString()!;
        reader.Read();
        data ??= new Dictionary<string, object>(StringComparer.Ordinal);
        data[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Writes every entry of <paramref name="data"/> as a property, except names <paramref name="isDeclared"/> says the
    /// model writes itself (a declared property is never written twice).
    /// </summary>
    /// <exception cref="ArgumentException">A value is of a type that has no JSON form here (allowed: <see cref="JsonElement"/>,
    /// <see cref="JsonNode"/>, string, bool, the numeric types and null). The message names the key, never the value.</exception>
    public static void Write(Utf8JsonWriter writer, IDictionary<string, object>? data, Func<string, bool> isDeclared)
    {
        if (data is null || data.Count == 0)
        {
            return;
        }

        foreach (KeyValuePair<string, object> entry in data)
        {
            if (entry.Key is null || isDeclared(entry.Key))
            {
                continue;
            }

            writer.WritePropertyName(entry.Key);
            WriteValue(writer, entry.Key, entry.Value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case float number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            default:
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "AdditionalData[\"{0}\"] holds a {1}, which cannot be written as JSON here; use a JsonElement, a JsonNode, a string, a bool, a number or null.", key, value.GetType().FullName),
                    nameof(value));
        }
    }
}

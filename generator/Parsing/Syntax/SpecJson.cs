using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// Writes a <see cref="SpecNode"/> tree as JSON text, which is what NSwag reads: JSON and YAML documents alike reach
/// NSwag with our typing (YAML 1.2 core schema) and within our limits. <c>example</c>/<c>examples</c> values are left
/// out: no generated code uses them, and in large specs they are a third of the text NSwag would deserialize.
/// Recursion is bounded by the tree's depth limit.
/// </summary>
internal static class SpecJson
{

    private static readonly Regex s_jsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    public static string Write(SpecNode root)
    {
        using var buffer = new MemoryStream(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            WriteNode(writer, root, namesOnly: false);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Whether the text needs none of what <see cref="Write"/> changes, so NSwag can read it as it is (a cheap, conservative test).</summary>
    public static bool CanPassThrough(string jsonText)
        => jsonText.IndexOf("\"example", System.StringComparison.Ordinal) < 0 && jsonText.IndexOf("\"x-enum-", System.StringComparison.Ordinal) < 0;

    /// <param name="writer">The output.</param>
    /// <param name="node">The node to write.</param>
    /// <param name="namesOnly">Whether the node is a map keyed by names (of properties, media types…), where "example" is a name, not a keyword.</param>
    private static void WriteNode(Utf8JsonWriter writer, SpecNode node, bool namesOnly)
    {
        switch (node)
        {
            case SpecMap map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    if (!namesOnly && entry.Key is "example" or "examples")
                    {
                        continue;
                    }

                    writer.WritePropertyName(namesOnly ? entry.Key : KeyForNSwag(map, entry.Key));
                    WriteNode(writer, entry.Value, !namesOnly && SpecKeywords.NamedMaps.Contains(entry.Key));
                }

                writer.WriteEndObject();
                break;
            case SpecList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteNode(writer, item, namesOnly: false);
                }

                writer.WriteEndArray();
                break;
            case SpecScalar scalar:
                WriteScalar(writer, scalar);
                break;
        }
    }

    /// <summary>
    /// NJsonSchema 11 drops <c>x-enum-varnames</c> and <c>x-enum-names</c> (its setters only apply them over an empty
    /// list that its getter never returns), so they are handed over under the name it does read, <c>x-enumNames</c>.
    /// </summary>
    private static string KeyForNSwag(SpecMap map, string key)
        => key is "x-enum-varnames" or "x-enum-names" && !map.ContainsKey("x-enumNames") && !(key == "x-enum-names" && map.ContainsKey("x-enum-varnames"))
            ? "x-enumNames"
            : key;

    private static void WriteScalar(Utf8JsonWriter writer, SpecScalar scalar)
    {
        switch (scalar.Value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case decimal big:
                writer.WriteNumberValue(big);
                break;
            case double number when double.IsNaN(number) || double.IsInfinity(number):
                writer.WriteStringValue(scalar.Text); // JSON has no NaN or infinity; NSwag sees the YAML spelling as text
                break;
            case double number:
                // keep the written form (a YAML "1.0" stays 1.0 rather than becoming 1)
                if (scalar.Text is { } text2 && s_jsonNumber.IsMatch(text2))
                {
                    writer.WriteRawValue(text2, skipInputValidation: true);
                }
                else
                {
                    writer.WriteNumberValue(number);
                }

                break;
        }
    }
}

using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Code fragments that read and write JSON with Utf8JsonReader/Utf8JsonWriter, per <see cref="TypeRef"/>.</summary>
internal static class JsonCode
{
    /// <summary>An expression reading the value at <paramref name="reader"/>; its type is the nullable form of the C# type.</summary>
    public static string ReadExpression(TypeRef type, string ns, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.String => JsonRead + ".String(ref " + reader + ")",
        TypeKind.Int32 => JsonRead + ".Int32(ref " + reader + ")",
        TypeKind.Int64 => JsonRead + ".Int64(ref " + reader + ")",
        TypeKind.Float => JsonRead + ".Single(ref " + reader + ")",
        TypeKind.Double => JsonRead + ".Double(ref " + reader + ")",
        TypeKind.Decimal => JsonRead + ".Decimal(ref " + reader + ")",
        TypeKind.Boolean => JsonRead + ".Boolean(ref " + reader + ")",
        TypeKind.DateTimeOffset => JsonRead + ".DateTimeOffset(ref " + reader + ")",
        TypeKind.Date => JsonRead + ".Date(ref " + reader + ")",
        TypeKind.Guid => JsonRead + ".Guid(ref " + reader + ")",
        TypeKind.Bytes => JsonRead + ".Bytes(ref " + reader + ")",
        TypeKind.Any => JsonRead + ".Element(ref " + reader + ")",
        TypeKind.Array => JsonRead + ".List(ref " + reader + ", " + ItemReader(type.Element!, ns, depth + 1) + ")",
        TypeKind.Map => JsonRead + ".Map(ref " + reader + ", " + ItemReader(type.Element!, ns, depth + 1) + ")",
        _ => TypeName(type, ns) + ".ReadJson(ref " + reader + ")",
    };

    /// <summary>
    /// A static lambda reading one item: a JSON null item of a value type is a read error (never a silent 0), one of
    /// a reference type is kept as null, one of any type as the JSON null element.
    /// </summary>
    public static string ItemReader(TypeRef type, string ns, int depth)
    {
        var reader = "r" + Int(depth);
        var read = type.Kind == TypeKind.Any
            ? "global::System.Text.Json.JsonElement.ParseValue(ref " + reader + ")"
            : RequiredRead(ReadExpression(type, ns, reader, depth), type, reader);
        return "static (ref " + Utf8JsonReader + " " + reader + ") => " + read;
    }

    /// <summary>
    /// <paramref name="expression"/> for a member that may not be null: for a value type, a value that read as
    /// absent (JSON null, or "" where no string is declared) is a JsonReadException; a reference type is asserted.
    /// </summary>
    public static string RequiredRead(string expression, TypeRef type, string reader)
        => type.IsValueType && type.Kind != TypeKind.Any
            ? "(" + expression + " ?? throw " + JsonRead + ".Required(ref " + reader + ", " + Literal(ExpectedName(type)) + "))"
            : NonNull(expression, type);

    /// <summary>How a read error names the declared type.</summary>
    public static string ExpectedName(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.StringEnum => "string",
        TypeKind.Int32 or TypeKind.IntegerEnum => "32-bit integer",
        TypeKind.Int64 => "64-bit integer",
        TypeKind.Float => "number (float)",
        TypeKind.Double => "number (double)",
        TypeKind.Decimal => "number (decimal)",
        TypeKind.Boolean => "boolean",
        TypeKind.DateTimeOffset => "date-time",
        TypeKind.Date => "date (yyyy-MM-dd)",
        TypeKind.Guid => "string in UUID format",
        TypeKind.Bytes => "base64 string",
        TypeKind.Array => "array",
        TypeKind.Any => "any value",
        _ => "object",
    };

    /// <summary>A static lambda returning the nullable value, for reading a whole document.</summary>
    public static string DocumentReader(TypeRef type, string ns)
        => "static (ref " + Utf8JsonReader + " reader) => " + ReadExpression(type, ns, "reader", 0);

    public static string NonNull(string expression, TypeRef type)
        => type.IsValueType ? "(" + expression + " ?? default)" : expression + "!";

    /// <summary>Writes <paramref name="value"/> (non-null) under <paramref name="utf8Name"/>, or as a bare value when it is null.</summary>
    public static void WriteValue(SourceWriter w, TypeRef type, string ns, string value, string writer, string? utf8Name, int depth = 0)
    {
        if (utf8Name is not null)
        {
            var single = type.Kind switch
            {
                TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => writer + ".WriteString(" + utf8Name + ", " + value + ");",
                TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => writer + ".WriteNumber(" + utf8Name + ", " + value + ");",
                TypeKind.Boolean => writer + ".WriteBoolean(" + utf8Name + ", " + value + ");",
                TypeKind.Bytes => writer + ".WriteBase64String(" + utf8Name + ", " + value + ");",
                TypeKind.Date => writer + ".WriteString(" + utf8Name + ", " + value + ".ToString(\"yyyy-MM-dd\", " + Invariant + "));",
                _ => null,
            };
            if (single is not null)
            {
                w.WriteLine(single);
                return;
            }

            w.WriteLine(writer + ".WritePropertyName(" + utf8Name + ");");
        }

        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.DateTimeOffset:
            case TypeKind.Guid:
                w.WriteLine(writer + ".WriteStringValue(" + value + ");");
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Float:
            case TypeKind.Double:
            case TypeKind.Decimal:
                w.WriteLine(writer + ".WriteNumberValue(" + value + ");");
                break;
            case TypeKind.Boolean:
                w.WriteLine(writer + ".WriteBooleanValue(" + value + ");");
                break;
            case TypeKind.Bytes:
                w.WriteLine(writer + ".WriteBase64StringValue(" + value + ");");
                break;
            case TypeKind.Date:
                w.WriteLine(writer + ".WriteStringValue(" + value + ".ToString(\"yyyy-MM-dd\", " + Invariant + "));");
                break;
            case TypeKind.Any:
                w.WriteLine(value + ".WriteTo(" + writer + ");");
                break;
            case TypeKind.Array:
            {
                var item = "item" + Int(depth);
                w.WriteLine(writer + ".WriteStartArray();");
                w.OpenBlock("foreach (var " + item + " in " + value + ")");
                WriteValue(w, type.Element!, ns, item, writer, null, depth + 1);
                w.CloseBlock();
                w.WriteLine(writer + ".WriteEndArray();");
                break;
            }

            case TypeKind.Map:
            {
                var pair = "pair" + Int(depth);
                w.WriteLine(writer + ".WriteStartObject();");
                w.OpenBlock("foreach (var " + pair + " in " + value + ")");
                w.WriteLine(writer + ".WritePropertyName(" + pair + ".Key);");
                WriteValue(w, type.Element!, ns, pair + ".Value", writer, null, depth + 1);
                w.CloseBlock();
                w.WriteLine(writer + ".WriteEndObject();");
                break;
            }

            default:
                w.WriteLine(value + ".WriteJson(" + writer + ");");
                break;
        }
    }

    /// <summary>A static lambda <c>(writer, value) =&gt; …</c> writing a whole value, for request bodies and Kiota interop.</summary>
    public static string WriterLambda(TypeRef type, string ns)
    {
        var w = new SourceWriter();
        WriteValue(w, type, ns, "v", "w", null, 1);
        var body = w.ToString().Trim();
        return body.Contains("\n")
            ? "static (w, v) =>\n{\n" + Indent(body) + "\n}"
            : "static (w, v) => " + body.TrimEnd(';');
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ");
}

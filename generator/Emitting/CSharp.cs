using System.Globalization;
using System.Text;
using OmsGenerated.Generator.Model;

namespace OmsGenerated.Generator.Emitting;

/// <summary>C# spelling helpers: fully qualified type names and literals.</summary>
internal static class CSharp
{
    public const string Runtime = "global::OmsGenerated.Runtime";
    public const string JsonRead = Runtime + ".Json.JsonRead";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string Kiota = "global::Microsoft.Kiota.Abstractions";
    public const string KiotaSerialization = Kiota + ".Serialization";
    public const string KiotaInterop = Runtime + ".Kiota.KiotaInterop";
    public const string Uninitialized = "default(" + Runtime + ".Json.Uninitialized)";
    public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string StjSerialization = "global::System.Text.Json.Serialization";

    /// <summary>On every generated type: tools (coverage, analyzers) recognise generated code, and the version that wrote it.</summary>
    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"OmsGenerated.Generator\", \""
        + typeof(CSharp).Assembly.GetName().Version!.ToString(3) + "\")]";

    public static string TypeName(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Date => "global::System.DateOnly",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Bytes => "byte[]",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.Array => "global::System.Collections.Generic.List<" + TypeName(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + TypeName(type.Element!, ns) + ">",
        _ => "global::" + ns + "." + type.Name,
    };

    public static string NullableTypeName(TypeRef type, string ns, bool nullable) => TypeName(type, ns) + (nullable ? "?" : string.Empty);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>Text inside an interpolated string literal (<c>$"…"</c>): escaped as in <see cref="Literal"/>, braces doubled.</summary>
    public static string InterpolatedText(string value)
    {
        var literal = Literal(value);
        return literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}");
    }

    /// <summary>Text for a <c>//</c> comment: one line, whatever line terminators (including U+0085, U+2028, U+2029) it had.</summary>
    public static string CommentText(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>A UTF-8 literal (<c>"name"u8</c>), for JSON property names.</summary>
    public static string Utf8(string value) => Literal(value) + "u8";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool IsReferenceType(TypeRef type) => !type.IsValueType;
}

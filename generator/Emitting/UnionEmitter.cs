using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>
/// Emits a union class: one nullable accessor per alternative, the first alternative whose shape matches is filled
/// when reading (token kind; for objects, the property names present, found by a copy of the reader without
/// buffering), and a value that matches none is kept as raw JSON and written back unchanged.
/// </summary>
internal static class UnionEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    public static void Emit(SourceWriter w, UnionTypeModel union, ApiModel api)
    {
        var ns = api.Namespace;
        var self = "global::" + ns + "." + union.Name;
        w.WriteDocs(union.Description ?? "One of several alternatives; the accessor of the one received is set.");
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("[" + StjSerialization + ".JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.OpenBlock(api.Accessibility + " sealed partial class " + union.Name);
        foreach (var alternative in union.Alternatives)
        {
            w.WriteDocs("The value when it is " + Describe(alternative.Type) + ".");
            w.WriteLine("public " + TypeName(alternative.Type, ns) + "? " + alternative.Name + " { get; set; }");
            w.WriteLine();
        }

        w.WriteDocs("The JSON value as received when it matches none of the alternatives; written back unchanged.");
        w.WriteLine("public " + JsonElement + "? " + union.RawJsonName + " { get; set; }");
        w.WriteLine();
        EmitRead(w, union, ns, self);
        w.WriteLine();
        EmitWrite(w, union, ns);
        w.WriteLine();
        w.WriteDocs("Checks the constraints of the alternative that is set.");
        w.OpenBlock("public void Validate()");
        foreach (var alternative in union.Alternatives.Where(a => a.Type.Kind == TypeKind.Object))
        {
            w.WriteLine(alternative.Name + "?.Validate();");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("Describes the value for logs; raw JSON that matched no alternative is not printed.");
        w.OpenBlock("public override string ToString()");
        foreach (var alternative in union.Alternatives)
        {
            w.WriteLine("if (" + alternative.Name + " is { } " + Local(alternative) + ") return " + Literal(union.Name + " { " + alternative.Name + " = ") + " + " + Runtime + ".Json.DisplayFormat.Format(" + Local(alternative) + ") + \" }\";");
        }

        w.WriteLine("return " + union.RawJsonName + " is null ? " + Literal(union.Name + " { }") + " : " + Literal(union.Name + " { JSON that matches no alternative, not printed }") + ";");
        w.CloseBlock();
        w.WriteLine();
        EmitConverter(w, union.Name, self);
        w.CloseBlock();
    }

    private static string Local(UnionAlternative alternative) => "__" + alternative.Name;

    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Union or TypeKind.StringEnum or TypeKind.IntegerEnum => "a " + type.Name,
        TypeKind.Array => "a list",
        TypeKind.Map => "a map",
        TypeKind.Any => "any other JSON",
        _ => "a " + type.Kind.ToString().ToLowerInvariant(),
    };

    private static void EmitRead(SourceWriter w, UnionTypeModel union, string ns, string self)
    {
        w.WriteDocs("Reads the value at the reader into the first alternative it fits, leaving the reader on the value's last token; JSON null yields null.");
        w.OpenBlock("public static " + self + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.OpenBlock("if (reader.TokenType == " + TokenType + ".Null)");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var result = new " + self + "();");
        w.OpenBlock("switch (reader.TokenType)");

        var objects = union.Alternatives.Where(a => a.Type.Kind is TypeKind.Object or TypeKind.Map or TypeKind.Any or TypeKind.Union).ToList();
        if (objects.Count > 0)
        {
            w.OpenBlock("case " + TokenType + ".StartObject:");
            // alternatives after one that matches any object are never tried: their names are not probed
            var reachable = objects.FindIndex(a => a.Type.Kind != TypeKind.Object || a.RequiredNames.Count == 0 && a.DeclaredNames.Count == 0);
            objects = reachable < 0 ? objects : objects.Take(reachable + 1).ToList();
            var names = objects.Where(a => a.Type.Kind == TypeKind.Object)
                .SelectMany(a => a.RequiredNames.Count > 0 ? a.RequiredNames : a.DeclaredNames)
                .Distinct()
                .ToList();
            var flags = new Dictionary<string, string>();
            if (names.Count > 0)
            {
                for (var i = 0; i < names.Count; i++)
                {
                    flags[names[i]] = "__has" + Int(i);
                    w.WriteLine("var __has" + Int(i) + " = false;");
                }

                w.WriteLine("var __probe = reader;");
                w.OpenBlock("while (__probe.Read() && __probe.TokenType == " + TokenType + ".PropertyName)");
                for (var i = 0; i < names.Count; i++)
                {
                    w.WriteLine((i == 0 ? "if" : "else if") + " (__probe.ValueTextEquals(" + Utf8(names[i]) + ")) __has" + Int(i) + " = true;");
                }

                w.OpenBlock("if (!__probe.Read() || !__probe.TrySkip())");
                w.WriteLine("break;");
                w.CloseBlock();
                w.CloseBlock();
                w.WriteLine();
            }

            var conditions = objects.Select(alternative => alternative.Type.Kind != TypeKind.Object
                ? "true"
                : alternative.RequiredNames.Count > 0
                    ? string.Join(" && ", alternative.RequiredNames.Select(n => flags[n]))
                    : alternative.DeclaredNames.Count > 0 ? "(" + string.Join(" || ", alternative.DeclaredNames.Select(n => flags[n])) + ")" : "true").ToList();
            EmitAlternatives(w, objects, ns, conditions);
            w.CloseBlock();
        }

        EmitTokenCase(w, union, ns, "StartArray", a => a.Type.Kind == TypeKind.Array, _ => "true");
        EmitTokenCase(w, union, ns, "String", a => a.Type.Kind is TypeKind.String or TypeKind.StringEnum or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid or TypeKind.Bytes, StringCondition);
        EmitTokenCase(w, union, ns, "Number", a => a.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.IntegerEnum or TypeKind.Float or TypeKind.Double or TypeKind.Decimal, NumberCondition);
        EmitTokenCase(w, union, ns, "True", a => a.Type.Kind == TypeKind.Boolean, _ => "true", alsoToken: "False");
        w.CloseBlock();
        w.WriteLine();
        var any = union.Alternatives.FirstOrDefault(a => a.Type.Kind == TypeKind.Any);
        if (any is not null)
        {
            w.WriteLine("result." + any.Name + " = " + JsonElement + ".ParseValue(ref reader);");
        }
        else
        {
            w.WriteLine("result." + union.RawJsonName + " = " + JsonElement + ".ParseValue(ref reader);");
        }

        w.WriteLine("return result;");
        w.CloseBlock();
    }

    private static string StringCondition(UnionAlternative alternative) => alternative.Type.Kind switch
    {
        TypeKind.DateTimeOffset => "reader.TryGetDateTimeOffset(out _)",
        TypeKind.Guid => "reader.TryGetGuid(out _)",
        TypeKind.Bytes => "reader.TryGetBytesFromBase64(out _)",
        TypeKind.Date => "global::System.DateOnly.TryParseExact(reader.GetString(), \"yyyy-MM-dd\", " + Invariant + ", global::System.Globalization.DateTimeStyles.None, out _)",
        _ => "true",
    };

    private static string NumberCondition(UnionAlternative alternative) => alternative.Type.Kind switch
    {
        TypeKind.Int32 or TypeKind.IntegerEnum => "reader.TryGetInt32(out _)",
        TypeKind.Int64 => "reader.TryGetInt64(out _)",
        TypeKind.Decimal => "reader.TryGetDecimal(out _)",
        _ => "true",
    };

    private static void EmitTokenCase(SourceWriter w, UnionTypeModel union, string ns, string token, System.Func<UnionAlternative, bool> accepts, System.Func<UnionAlternative, string> condition, string? alsoToken = null)
    {
        var matching = union.Alternatives.Where(accepts).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        if (alsoToken is not null)
        {
            w.WriteLine("case " + TokenType + "." + token + ":");
        }

        w.OpenBlock("case " + TokenType + "." + (alsoToken ?? token) + ":");
        EmitAlternatives(w, matching, ns, matching.Select(condition).ToList());
        w.CloseBlock();
    }

    /// <summary>The first alternative whose condition holds is read; nothing after one that always matches is reachable.</summary>
    private static void EmitAlternatives(SourceWriter w, List<UnionAlternative> alternatives, string ns, List<string> conditions)
    {
        for (var i = 0; i < alternatives.Count; i++)
        {
            var read = "result." + alternatives[i].Name + " = " + JsonCode.ReadExpression(alternatives[i].Type, ns, "reader") + ";";
            if (conditions[i] == "true")
            {
                w.WriteLine(read);
                w.WriteLine("return result;");
                return;
            }

            w.OpenBlock("if (" + conditions[i] + ")");
            w.WriteLine(read);
            w.WriteLine("return result;");
            w.CloseBlock();
        }

        w.WriteLine("break;");
    }

    private static void EmitWrite(SourceWriter w, UnionTypeModel union, string ns)
    {
        w.WriteDocs("Writes the alternative that is set (the first, if several are), the unmatched JSON as received, or null.");
        w.OpenBlock("public void WriteJson(" + Utf8JsonWriter + " writer)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        foreach (var alternative in union.Alternatives)
        {
            w.OpenBlock("if (" + alternative.Name + " is { } " + Local(alternative) + ")");
            JsonCode.WriteValue(w, alternative.Type, ns, Local(alternative), "writer", null);
            w.WriteLine("return;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.OpenBlock("if (" + union.RawJsonName + " is { } __raw)");
        w.WriteLine("__raw.WriteTo(writer);");
        w.WriteLine("return;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("writer.WriteNullValue();");
        w.CloseBlock();
    }

    private static void EmitConverter(SourceWriter w, string name, string self)
    {
        w.WriteDocs("Makes System.Text.Json read and write " + name + " in its wire form.");
        w.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.OpenBlock("public sealed class JsonConverter : " + StjSerialization + ".JsonConverter<" + self + ">");
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override " + self + "? Read(ref " + Utf8JsonReader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => " + self + ".ReadJson(ref reader);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override void Write(" + Utf8JsonWriter + " writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(value);");
        w.WriteLine("value.WriteJson(writer);");
        w.CloseBlock();
        w.CloseBlock();
    }
}

using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Emits one class per object schema: properties, UTF-8 JSON read/write, validation, redacting ToString, Kiota IParsable.</summary>
internal static class ModelEmitter
{
    public static void Emit(SourceWriter w, ObjectTypeModel type, ApiModel api)
    {
        var ns = api.Namespace;
        var self = "global::" + ns + "." + type.Name;
        w.WriteDocs(type.Description);
        w.OpenBlock(api.Accessibility + " sealed partial class " + type.Name + " : " + KiotaSerialization + ".IParsable");

        w.WriteDocs("Creates an empty instance; set the required properties with an object initializer.");
        w.OpenBlock("public " + type.Name + "()");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        w.OpenBlock("internal " + type.Name + "(" + Runtime + ".Json.Uninitialized _)");
        w.CloseBlock();

        foreach (var property in type.Properties)
        {
            w.WriteLine();
            w.WriteDocs(property.Description);
            if (property.IsDeprecated)
            {
                w.WriteLine("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            }

            var required = property.IsRequired ? "required " : string.Empty;
            w.WriteLine("public " + required + NullableTypeName(property.Type, ns, property.IsNullable) + " " + property.Name + " { get; set; }");
        }

        w.WriteLine();
        EmitWriteJson(w, type, ns);
        w.WriteLine();
        EmitReadJson(w, type, ns, self);
        w.WriteLine();
        EmitValidate(w, type);
        w.WriteLine();
        EmitToString(w, type);
        w.WriteLine();
        EmitKiota(w, type, ns, self);
        w.CloseBlock();
    }

    private static void EmitWriteJson(SourceWriter w, ObjectTypeModel type, string ns)
    {
        w.WriteDocs("Writes this object as JSON.");
        w.OpenBlock("public void WriteJson(" + Utf8JsonWriter + " writer)");
        w.WriteLine("writer.WriteStartObject();");
        var index = 0;
        foreach (var property in type.Properties)
        {
            var name = Utf8(property.JsonName);
            if (!property.IsNullable)
            {
                if (property.Type.IsValueType)
                {
                    JsonCode.WriteValue(w, property.Type, ns, property.Name, "writer", name);
                }
                else
                {
                    // required members can still be null when set with '!' or by a lenient reader
                    w.OpenBlock("if (" + property.Name + " is { } value" + Int(index) + ")");
                    JsonCode.WriteValue(w, property.Type, ns, "value" + Int(index), "writer", name);
                    w.CloseBlock();
                }
            }
            else
            {
                w.OpenBlock("if (" + property.Name + " is { } value" + Int(index) + ")");
                JsonCode.WriteValue(w, property.Type, ns, "value" + Int(index), "writer", name);
                w.CloseBlock();
                if (property.IsRequired)
                {
                    w.OpenBlock("else");
                    w.WriteLine("writer.WriteNull(" + name + ");");
                    w.CloseBlock();
                }
            }

            index++;
        }

        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
    }

    private static void EmitReadJson(SourceWriter w, ObjectTypeModel type, string ns, string self)
    {
        w.WriteDocs("Reads an instance from the JSON value at the reader, leaving the reader on the value's last token. Unknown properties are skipped; a value that is not an object yields null.");
        w.OpenBlock("public static " + self + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.OpenBlock("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        w.WriteLine("reader.Skip();");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var result = new " + self + "(" + Uninitialized + ");");
        w.OpenBlock("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        var first = true;
        foreach (var property in type.Properties)
        {
            w.OpenBlock((first ? "if" : "else if") + " (reader.ValueTextEquals(" + Utf8(property.JsonName) + "))");
            w.WriteLine("reader.Read();");
            var read = JsonCode.ReadExpression(property.Type, ns, "reader");
            w.WriteLine("result." + property.Name + " = " + (property.IsNullable ? read : JsonCode.NonNull(read, property.Type)) + ";");
            w.CloseBlock();
            first = false;
        }

        if (first)
        {
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
        }
        else
        {
            w.OpenBlock("else");
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return result;");
        w.CloseBlock();
    }

    private static void EmitValidate(SourceWriter w, ObjectTypeModel type)
    {
        w.WriteDocs("Checks the constraints the API description declares (required, lengths, ranges, enums), throwing ArgumentException naming the field.");
        w.OpenBlock("public void Validate()");
        foreach (var property in type.Properties)
        {
            var field = Literal(type.Name + "." + property.JsonName);
            if (property.IsRequired && !property.IsNullable && !property.Type.IsValueType)
            {
                w.WriteLine(Runtime + ".Validation.Guard.Required(" + property.Name + ", " + field + ");");
            }

            ValidationCode.EmitChecks(w, property.Type, property.Name, property.IsNullable, property.Constraints, field);
        }

        w.CloseBlock();
    }

    private static void EmitToString(SourceWriter w, ObjectTypeModel type)
    {
        w.WriteDocs("Describes this object for logs; credentials (format: password or x-sensitive) are never printed.");
        w.OpenBlock("public override string ToString()");
        w.WriteLine("var builder = new global::System.Text.StringBuilder();");
        w.WriteLine("builder.Append(" + Literal(type.Name + " {") + ");");
        var first = true;
        foreach (var property in type.Properties)
        {
            var label = Literal((first ? " " : ", ") + property.Name + " = ");
            var value = property.IsSensitive
                ? Runtime + ".Json.DisplayFormat.Redacted(" + property.Name + ")"
                : Runtime + ".Json.DisplayFormat.Format(" + property.Name + ")";
            w.WriteLine("builder.Append(" + label + ").Append(" + value + ");");
            first = false;
        }

        w.WriteLine("builder.Append(\" }\");");
        w.WriteLine("return builder.ToString();");
        w.CloseBlock();
    }

    private static void EmitKiota(SourceWriter w, ObjectTypeModel type, string ns, string self)
    {
        w.WriteDocs("Creates an instance for Kiota's parse nodes.");
        w.WriteLine("public static " + self + " CreateFromDiscriminatorValue(" + KiotaSerialization + ".IParseNode parseNode) => new " + self + "(" + Uninitialized + ");");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public global::System.Collections.Generic.IDictionary<string, global::System.Action<" + KiotaSerialization + ".IParseNode>> GetFieldDeserializers()");
        w.WriteLine("return new global::System.Collections.Generic.Dictionary<string, global::System.Action<" + KiotaSerialization + ".IParseNode>>(" + Int(type.Properties.Count) + ")");
        w.WriteLine("{");
        w.Indent();
        foreach (var property in type.Properties)
        {
            var read = KiotaCode.ReadExpression(property.Type, ns, "n");
            var assigned = property.IsNullable ? read : JsonCode.NonNull(read, property.Type);
            w.WriteLine("[" + Literal(property.JsonName) + "] = n => " + property.Name + " = " + assigned + ",");
        }

        w.Unindent();
        w.WriteLine("};");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public void Serialize(" + KiotaSerialization + ".ISerializationWriter writer)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        foreach (var property in type.Properties)
        {
            KiotaCode.EmitWrite(w, property, ns);
        }

        w.CloseBlock();
    }
}

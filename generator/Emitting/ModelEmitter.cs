using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Emits one class per object schema: properties, UTF-8 JSON read/write, validation, redacting ToString, Kiota IParsable.</summary>
internal static class ModelEmitter
{
    public static void Emit(SourceWriter w, ObjectTypeModel type, ApiModel api)
    {
        if (type.InHierarchy)
        {
            HierarchyEmitter.Emit(w, type, api);
            return;
        }

        var ns = api.Namespace;
        var self = "global::" + ns + "." + type.Name;
        w.WriteDocs(type.Description);
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("[" + StjSerialization + ".JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.OpenBlock(api.Accessibility + " sealed partial class " + type.Name + " : " + KiotaSerialization + ".IParsable, " + KiotaSerialization + ".IAdditionalDataHolder");

        w.WriteDocs("Creates an empty instance; set the required properties with an object initializer.");
        w.OpenBlock("public " + type.Name + "()");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        w.OpenBlock("internal " + type.Name + "(" + Runtime + ".Json.Uninitialized _)");
        w.CloseBlock();

        EmitProperties(w, type, ns);

        w.WriteLine();
        EmitAdditionalData(w, type);
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
        w.WriteLine();
        EmitJsonConverter(w, type.Name, self, isStruct: false);
        w.CloseBlock();
    }

    internal static void EmitProperties(SourceWriter w, ObjectTypeModel type, string ns)
    {
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
    }

    /// <summary>
    /// System.Text.Json uses the generated reader and writer (the wire form), with reflection or a source-generated
    /// context alike. A token of the wrong kind is a JsonException, which System.Text.Json completes with the path.
    /// </summary>
    internal static void EmitJsonConverter(SourceWriter w, string name, string self, bool isStruct, bool hidesInherited = false)
    {
        w.WriteDocs("Makes System.Text.Json read and write " + name + " in its wire form.");
        w.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.OpenBlock("public " + (hidesInherited ? "new " : string.Empty) + "sealed class JsonConverter : " + StjSerialization + ".JsonConverter<" + self + ">");
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override " + self + (isStruct ? string.Empty : "?") + " Read(ref " + Utf8JsonReader + " reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        if (isStruct)
        {
            w.WriteLine("return " + self + ".ReadJson(ref reader) ?? throw new global::System.Text.Json.JsonException(" + Literal("The JSON value is not a valid " + name + ".") + ");");
        }
        else
        {
            w.OpenBlock("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
            w.WriteLine("throw new global::System.Text.Json.JsonException(" + Literal("Expected a JSON object for " + name + ".") + ");");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("return " + self + ".ReadJson(ref reader);");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override void Write(" + Utf8JsonWriter + " writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        if (!isStruct)
        {
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(value);");
        }

        w.WriteLine("value.WriteJson(writer);");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitAdditionalData(SourceWriter w, ObjectTypeModel type)
    {
        w.WriteLine("private " + AdditionalDataType + "? __additionalData;");
        w.WriteLine();
        w.WriteDocs("Properties the server sent that the API description does not declare, as JsonElement values; written back as they are, so reading, changing and writing this object loses nothing. Values you add may be JsonElement, JsonNode, string, bool, a number or null.");
        w.WriteLine("public " + AdditionalDataType + " AdditionalData { get => __additionalData ??= new global::System.Collections.Generic.Dictionary<string, object>(global::System.StringComparer.Ordinal); set => __additionalData = value; }");
        w.WriteLine();
        if (type.Properties.Count <= EnumEmitter.MaxPatternMembers)
        {
            var declared = type.Properties.Count == 0
                ? "false"
                : "name is " + string.Join(" or ", type.Properties.Select(p => Literal(p.JsonName)));
            w.WriteLine("private static bool __IsDeclared(string name) => " + declared + ";");
        }
        else
        {
            w.WriteLine("private static bool __IsDeclared(string name) => __declaredNames.Contains(name);");
            w.WriteLine();
            w.OpenBlock("private static readonly global::System.Collections.Generic.HashSet<string> __declaredNames = new(global::System.StringComparer.Ordinal)");
            foreach (var property in type.Properties)
            {
                w.WriteLine(Literal(property.JsonName) + ",");
            }

            w.CloseBlock(";");
        }
    }

    internal const string AdditionalDataType = "global::System.Collections.Generic.IDictionary<string, object>";

    private static void EmitWriteJson(SourceWriter w, ObjectTypeModel type, string ns)
    {
        w.WriteDocs("Writes this object as JSON.");
        w.OpenBlock("public void WriteJson(" + Utf8JsonWriter + " writer)");
        w.WriteLine("writer.WriteStartObject();");
        EmitPropertyWrites(w, type, ns);
        w.WriteLine(Runtime + ".Json.AdditionalData.Write(writer, __additionalData, static name => __IsDeclared(name));");
        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
        EmitJsonNames(w, type);
    }

    /// <summary>Writes each property of <paramref name="type"/> (its own ones) with <c>writer</c>.</summary>
    internal static void EmitPropertyWrites(SourceWriter w, ObjectTypeModel type, string ns)
    {
        var index = 0;
        foreach (var property in type.Properties)
        {
            if (property.IsReadOnly)
            {
                // the server's to set: read from responses, never sent (AdditionalData.Write skips it too, as declared)
                index++;
                continue;
            }

            var name = JsonNameField(index);
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
    }

    /// <summary>The static field holding the pre-encoded JSON name of the property at <paramref name="index"/>.</summary>
    private static string JsonNameField(int index) => "__jsonName" + Int(index);

    /// <summary>
    /// The JSON names <see cref="EmitPropertyWrites"/> uses, encoded once per type: the writer then skips the escaping
    /// check it makes for a name given as raw UTF-8 (what System.Text.Json's source generator does too).
    /// </summary>
    internal static void EmitJsonNames(SourceWriter w, ObjectTypeModel type)
    {
        var index = 0;
        var first = true;
        foreach (var property in type.Properties)
        {
            if (!property.IsReadOnly)
            {
                if (first)
                {
                    w.WriteLine();
                    first = false;
                }

                w.WriteLine("private static readonly global::System.Text.Json.JsonEncodedText " + JsonNameField(index) + " = global::System.Text.Json.JsonEncodedText.Encode(" + Utf8(property.JsonName) + ");");
            }

            index++;
        }
    }

    /// <summary>The statement reading the value at <c>reader</c> into <paramref name="target"/>.</summary>
    internal static string PropertyRead(PropertyModel property, string ns, string target)
    {
        var read = JsonCode.ReadExpression(property.Type, ns, "reader");
        return target + property.Name + " = " + (property.IsNullable ? read : JsonCode.RequiredRead(read, property.Type, "reader")) + ";";
    }

    private static void EmitReadJson(SourceWriter w, ObjectTypeModel type, string ns, string self)
    {
        w.WriteDocs("Reads an instance from the JSON value at the reader, leaving the reader on the value's last token. Properties the API description does not declare are kept in AdditionalData; JSON null or \"\" yields null; a value of the wrong type is a JsonReadException naming its JSON path.");
        w.OpenBlock("public static " + self + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.OpenBlock("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        w.WriteLine(JsonRead + ".ThrowUnlessAbsent(ref reader, \"object\");");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("var result = new " + self + "(" + Uninitialized + ");");
        foreach (var property in type.Properties)
        {
            if (property.DefaultValue is { } value)
            {
                // the schema's default for an absent member; a member that is sent, even as null, replaces it
                w.WriteLine("result." + property.Name + " = " + DefaultExpression(property.Type, value, ns) + ";");
            }
        }

        var loop = "while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)";
        var keep = Runtime + ".Json.AdditionalData.Read(ref reader, ref result.__additionalData);";
        if (type.Properties.Count == 0)
        {
            w.OpenBlock(loop);
            w.WriteLine(keep);
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("return result;");
            w.CloseBlock();
            return;
        }

        // The member being read, for the path of a read error; set from a literal, so reading that succeeds allocates nothing for it.
        w.WriteLine("string? __member = null;");
        w.OpenBlock("try");
        w.OpenBlock(loop);
        var first = true;
        foreach (var property in type.Properties)
        {
            w.OpenBlock((first ? "if" : "else if") + " (reader.ValueTextEquals(" + Utf8(property.JsonName) + "))");
            w.WriteLine("__member = " + Literal(property.JsonName) + ";");
            w.WriteLine("reader.Read();");
            w.WriteLine(PropertyRead(property, ns, "result."));
            w.CloseBlock();
            first = false;
        }

        w.OpenBlock("else");
        w.WriteLine(keep);
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        w.OpenBlock("catch (" + Runtime + ".Json.JsonReadException __exception) when (__member is not null)");
        w.WriteLine("__exception.AtProperty(__member);");
        w.WriteLine("throw;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return result;");
        w.CloseBlock();
    }

    /// <summary>The C# literal of a default the model builder checked against the type.</summary>
    private static string DefaultExpression(TypeRef type, string value, string ns) => type.Kind switch
    {
        TypeKind.String => Literal(value),
        TypeKind.StringEnum => "new " + TypeName(type, ns) + "(" + Literal(value) + ")",
        TypeKind.IntegerEnum => "new " + TypeName(type, ns) + "(" + value + ")",
        TypeKind.Int64 => value + "L",
        TypeKind.Float => value + "f",
        TypeKind.Double => value + "d",
        TypeKind.Decimal => value + "m",
        _ => value,
    };

    private static void EmitValidate(SourceWriter w, ObjectTypeModel type)
    {
        w.WriteDocs("Checks the constraints the API description declares (required, lengths, ranges, enums), throwing ArgumentException naming the field.");
        w.OpenBlock("public void Validate()");
        EmitPropertyChecks(w, type);
        w.CloseBlock();
    }

    internal static void EmitPropertyChecks(SourceWriter w, ObjectTypeModel type)
    {
        foreach (var property in type.Properties)
        {
            var field = Literal(type.Name + "." + property.JsonName);
            if (property.IsRequired && !property.IsNullable && !property.Type.IsValueType)
            {
                w.WriteLine(Runtime + ".Validation.Guard.Required(" + property.Name + ", " + field + ");");
            }

            ValidationCode.EmitChecks(w, property.Type, property.Name, property.IsNullable, property.Constraints, field);
        }
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
            var value = DisplayValue(property);
            w.WriteLine("builder.Append(" + label + ").Append(" + value + ");");
            first = false;
        }

        // undeclared values are the server's and could be anything: counted, never printed
        w.WriteLine("if (__additionalData is { Count: > 0 } __extra) builder.Append(" + Literal(first ? " " : ", ") + ").Append(__extra.Count).Append(\" undeclared properties\");");
        w.WriteLine("builder.Append(\" }\");");
        w.WriteLine("return builder.ToString();");
        w.CloseBlock();
    }

    internal static string DisplayValue(PropertyModel property) => property.IsSensitive
        ? Runtime + ".Json.DisplayFormat.Redacted(" + property.Name + ")"
        : Runtime + ".Json.DisplayFormat.Format(" + property.Name + ")";

    internal static string KiotaFieldDeserializer(PropertyModel property, string ns)
    {
        var read = KiotaCode.ReadExpression(property.Type, ns, "n");
        var assigned = property.IsNullable ? read : JsonCode.NonNull(read, property.Type);
        return "[" + Literal(property.JsonName) + "] = n => " + property.Name + " = " + assigned;
    }

    internal const string FieldDeserializers = "global::System.Collections.Generic.IDictionary<string, global::System.Action<" + KiotaSerialization + ".IParseNode>>";

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
            w.WriteLine(KiotaFieldDeserializer(property, ns) + ",");
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
            if (!property.IsReadOnly)
            {
                KiotaCode.EmitWrite(w, property, ns);
            }
        }

        w.WriteLine("if (__additionalData is { Count: > 0 } __extra) writer.WriteAdditionalData(__extra);");
        w.CloseBlock();
    }
}

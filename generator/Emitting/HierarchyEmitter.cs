using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>
/// Emits a model that takes part in inheritance. Each class writes only its own properties: reading, writing,
/// validation, ToString and Kiota go through protected virtual members that handle the class's own properties and
/// then call the base, so the generated text grows linearly with the length of an inheritance chain. The root
/// declares AdditionalData once. A base with a discriminator dispatches reading to the type the value names, and to
/// its unknown variant (the raw JSON, written back unchanged) for any other value.
/// </summary>
internal static class HierarchyEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string JsonElement = "global::System.Text.Json.JsonElement";
    private const string SetsRequiredMembers = "[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]";

    public static void Emit(SourceWriter w, ObjectTypeModel type, ApiModel api)
    {
        var ns = api.Namespace;
        var self = "global::" + ns + "." + type.Name;
        var isRoot = type.BaseName is null;
        var hides = isRoot ? string.Empty : "new ";
        var chained = isRoot ? "virtual" : "override";

        w.WriteDocs(type.Description);
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("[" + StjSerialization + ".JsonConverter(typeof(" + self + ".JsonConverter))]");
        var bases = isRoot
            ? KiotaSerialization + ".IParsable, " + KiotaSerialization + ".IAdditionalDataHolder"
            : "global::" + ns + "." + type.BaseName;
        w.OpenBlock(api.Accessibility + (type.IsBase ? " " : " sealed ") + "partial class " + type.Name + " : " + bases);

        w.WriteDocs("Creates an empty instance; set the required properties with an object initializer.");
        w.OpenBlock("public " + type.Name + "()");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(SetsRequiredMembers);
        w.OpenBlock("internal " + type.Name + "(" + Runtime + ".Json.Uninitialized _)" + (isRoot ? string.Empty : " : base(_)"));
        w.CloseBlock();

        ModelEmitter.EmitProperties(w, type, ns);
        w.WriteLine();
        if (isRoot)
        {
            w.WriteLine("private protected " + ModelEmitter.AdditionalDataType + "? __additionalData;");
            w.WriteLine();
            w.WriteDocs("Properties the server sent that the API description does not declare, as JsonElement values; written back as they are, so reading, changing and writing this object loses nothing. Values you add may be JsonElement, JsonNode, string, bool, a number or null.");
            w.WriteLine("public " + ModelEmitter.AdditionalDataType + " AdditionalData { get => __additionalData ??= new global::System.Collections.Generic.Dictionary<string, object>(global::System.StringComparer.Ordinal); set => __additionalData = value; }");
            w.WriteLine();
        }

        EmitIsDeclared(w, type, chained, isRoot);
        w.WriteLine();
        EmitWrite(w, type, ns, chained, isRoot);
        w.WriteLine();
        EmitRead(w, type, ns, self, hides, chained, isRoot);
        w.WriteLine();
        EmitValidate(w, type, chained, isRoot);
        w.WriteLine();
        EmitToString(w, type, chained, isRoot);
        w.WriteLine();
        EmitKiota(w, type, ns, self, hides, chained, isRoot);
        w.WriteLine();
        ModelEmitter.EmitJsonConverter(w, type.Name, self, isStruct: false, hidesInherited: !isRoot);
        w.CloseBlock();

        if (type.Discriminator is { } discriminator)
        {
            w.WriteLine();
            EmitUnknown(w, type, discriminator, api);
        }
    }

    private static void EmitIsDeclared(SourceWriter w, ObjectTypeModel type, string chained, bool isRoot)
    {
        var inherited = isRoot ? string.Empty : " || base.__IsDeclared(name)";
        if (type.Properties.Count <= EnumEmitter.MaxPatternMembers)
        {
            var own = type.Properties.Count == 0
                ? (isRoot ? "false" : null)
                : "name is " + string.Join(" or ", type.Properties.Select(p => Literal(p.JsonName)));
            w.WriteLine("private protected " + chained + " bool __IsDeclared(string name) => " + (own is null ? "base.__IsDeclared(name)" : own + inherited) + ";");
            return;
        }

        w.WriteLine("private protected " + chained + " bool __IsDeclared(string name) => __declaredNames.Contains(name)" + inherited + ";");
        w.WriteLine();
        w.OpenBlock("private static readonly global::System.Collections.Generic.HashSet<string> __declaredNames = new(global::System.StringComparer.Ordinal)");
        foreach (var property in type.Properties)
        {
            w.WriteLine(Literal(property.JsonName) + ",");
        }

        w.CloseBlock(";");
    }

    private static void EmitWrite(SourceWriter w, ObjectTypeModel type, string ns, string chained, bool isRoot)
    {
        if (isRoot)
        {
            w.WriteDocs("Writes this object as JSON.");
            w.OpenBlock("public virtual void WriteJson(" + Utf8JsonWriter + " writer)");
            w.WriteLine("writer.WriteStartObject();");
            w.WriteLine("__WriteProperties(writer);");
            w.WriteLine(Runtime + ".Json.AdditionalData.Write(writer, __additionalData, __IsDeclared);");
            w.WriteLine("writer.WriteEndObject();");
            w.CloseBlock();
            w.WriteLine();
        }

        w.OpenBlock("private protected " + chained + " void __WriteProperties(" + Utf8JsonWriter + " writer)");
        if (!isRoot)
        {
            w.WriteLine("base.__WriteProperties(writer);");
        }

        ModelEmitter.EmitPropertyWrites(w, type, ns);
        w.CloseBlock();
        ModelEmitter.EmitJsonNames(w, type);
    }

    private static void EmitRead(SourceWriter w, ObjectTypeModel type, string ns, string self, string hides, string chained, bool isRoot)
    {
        w.WriteDocs(type.Discriminator is { } d
            ? "Reads an instance from the JSON value at the reader, leaving the reader on the value's last token: the type the \"" + d.PropertyName + "\" value names, or " + d.UnknownName + " (the JSON as received) for a value this client does not know. A value that is not an object yields null."
            : "Reads an instance from the JSON value at the reader, leaving the reader on the value's last token. Properties the API description does not declare are kept in AdditionalData; a value that is not an object yields null.");
        w.OpenBlock("public static " + hides + self + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.OpenBlock("if (reader.TokenType != " + TokenType + ".StartObject)");
        w.WriteLine("reader.Skip();");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        if (type.Discriminator is { } discriminator)
        {
            w.OpenBlock("switch (" + Runtime + ".Json.Discriminator.Find(reader, " + Utf8(discriminator.PropertyName) + "))");
            foreach (var @case in discriminator.Cases)
            {
                w.WriteLine("case " + Literal(@case.Value) + ":");
                w.WriteLine(@case.TypeName == type.Name ? "    break;" : "    return global::" + ns + "." + @case.TypeName + ".ReadJson(ref reader);");
            }

            if (discriminator.ReadsSelfWhenAbsent)
            {
                w.WriteLine("case null:");
                w.WriteLine("    break;");
            }

            w.WriteLine("default:");
            w.WriteLine("    return global::" + ns + "." + discriminator.UnknownName + ".ReadJson(ref reader);");
            w.CloseBlock();
        }

        // A base that no discriminator value (nor its absence) reads as itself ends with the switch: every case returns.
        if (type.Discriminator is not { } only || only.ReadsSelfWhenAbsent || only.Cases.Any(c => c.TypeName == type.Name))
        {
            if (type.Discriminator is not null)
            {
                w.WriteLine();
            }

            w.WriteLine("var result = new " + self + "(" + Uninitialized + ");");
            w.WriteLine("result.__ReadProperties(ref reader);");
            w.WriteLine("return result;");
        }

        w.CloseBlock();
        w.WriteLine();

        if (isRoot)
        {
            w.WriteDocs("Reads the properties of the object at the reader into this instance; undeclared ones go to AdditionalData.");
            w.OpenBlock("private protected void __ReadProperties(ref " + Utf8JsonReader + " reader)");
            w.OpenBlock("while (reader.Read() && reader.TokenType == " + TokenType + ".PropertyName)");
            w.OpenBlock("if (!__ReadProperty(ref reader))");
            w.WriteLine(Runtime + ".Json.AdditionalData.Read(ref reader, ref __additionalData);");
            w.CloseBlock();
            w.CloseBlock();
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteDocs("With the reader on a property name: reads the value if the property is declared here or in a base, leaving the reader on its last token.");
        w.OpenBlock("private protected " + chained + " bool __ReadProperty(ref " + Utf8JsonReader + " reader)");
        foreach (var property in type.Properties)
        {
            w.OpenBlock("if (reader.ValueTextEquals(" + Utf8(property.JsonName) + "))");
            w.WriteLine("reader.Read();");
            w.WriteLine(ModelEmitter.PropertyRead(property, ns, string.Empty));
            w.WriteLine("return true;");
            w.CloseBlock();
            w.WriteLine();
        }

        w.WriteLine(isRoot ? "return false;" : "return base.__ReadProperty(ref reader);");
        w.CloseBlock();
    }

    private static void EmitValidate(SourceWriter w, ObjectTypeModel type, string chained, bool isRoot)
    {
        w.WriteDocs("Checks the constraints the API description declares (required, lengths, ranges, enums), throwing ArgumentException naming the field.");
        w.OpenBlock("public " + chained + " void Validate()");
        if (!isRoot)
        {
            w.WriteLine("base.Validate();");
        }

        ModelEmitter.EmitPropertyChecks(w, type);
        w.CloseBlock();
    }

    private static void EmitToString(SourceWriter w, ObjectTypeModel type, string chained, bool isRoot)
    {
        if (isRoot)
        {
            w.WriteDocs("Describes this object for logs; credentials (format: password or x-sensitive) are never printed.");
            w.OpenBlock("public override string ToString()");
            w.WriteLine("var builder = new global::System.Text.StringBuilder();");
            w.WriteLine("builder.Append(GetType().Name).Append(\" {\");");
            w.WriteLine("var first = true;");
            w.WriteLine("__AppendProperties(builder, ref first);");
            // undeclared values are the server's and could be anything: counted, never printed
            w.WriteLine("if (__additionalData is { Count: > 0 } __extra) builder.Append(first ? \" \" : \", \").Append(__extra.Count).Append(\" undeclared properties\");");
            w.WriteLine("builder.Append(\" }\");");
            w.WriteLine("return builder.ToString();");
            w.CloseBlock();
            w.WriteLine();
        }

        w.OpenBlock("private protected " + chained + " void __AppendProperties(global::System.Text.StringBuilder builder, ref bool first)");
        if (!isRoot)
        {
            w.WriteLine("base.__AppendProperties(builder, ref first);");
        }

        foreach (var property in type.Properties)
        {
            w.WriteLine("builder.Append(first ? \" \" : \", \").Append(" + Literal(property.Name + " = ") + ").Append(" + ModelEmitter.DisplayValue(property) + ");");
            w.WriteLine("first = false;");
        }

        w.CloseBlock();
    }

    private static void EmitKiota(SourceWriter w, ObjectTypeModel type, string ns, string self, string hides, string chained, bool isRoot)
    {
        w.WriteDocs("Creates an instance for Kiota's parse nodes" + (type.Discriminator is null ? "." : ": the type the discriminator value names."));
        if (type.Discriminator is { } discriminator)
        {
            w.OpenBlock("public static " + hides + self + " CreateFromDiscriminatorValue(" + KiotaSerialization + ".IParseNode parseNode)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(parseNode);");
            w.WriteLine("return parseNode.GetChildNode(" + Literal(discriminator.PropertyName) + ")?.GetStringValue() switch");
            w.WriteLine("{");
            w.Indent();
            foreach (var @case in discriminator.Cases)
            {
                w.WriteLine(Literal(@case.Value) + " => new global::" + ns + "." + @case.TypeName + "(" + Uninitialized + "),");
            }

            if (discriminator.ReadsSelfWhenAbsent)
            {
                w.WriteLine("null => new " + self + "(" + Uninitialized + "),");
            }

            w.WriteLine("_ => new global::" + ns + "." + discriminator.UnknownName + "(" + Uninitialized + "),");
            w.Unindent();
            w.WriteLine("};");
            w.CloseBlock();
        }
        else
        {
            w.WriteLine("public static " + hides + self + " CreateFromDiscriminatorValue(" + KiotaSerialization + ".IParseNode parseNode) => new " + self + "(" + Uninitialized + ");");
        }

        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public " + chained + " " + ModelEmitter.FieldDeserializers + " GetFieldDeserializers()");
        if (isRoot)
        {
            w.WriteLine("var fields = new global::System.Collections.Generic.Dictionary<string, global::System.Action<" + KiotaSerialization + ".IParseNode>>(" + Int(type.Properties.Count) + ");");
        }
        else
        {
            w.WriteLine("var fields = base.GetFieldDeserializers();");
        }

        foreach (var property in type.Properties)
        {
            w.WriteLine("fields" + ModelEmitter.KiotaFieldDeserializer(property, ns) + ";");
        }

        w.WriteLine("return fields;");
        w.CloseBlock();
        w.WriteLine();
        if (isRoot)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.OpenBlock("public virtual void Serialize(" + KiotaSerialization + ".ISerializationWriter writer)");
            w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
            w.WriteLine("__SerializeProperties(writer);");
            w.WriteLine("if (__additionalData is { Count: > 0 } __extra) writer.WriteAdditionalData(__extra);");
            w.CloseBlock();
            w.WriteLine();
        }

        w.OpenBlock("private protected " + chained + " void __SerializeProperties(" + KiotaSerialization + ".ISerializationWriter writer)");
        if (!isRoot)
        {
            w.WriteLine("base.__SerializeProperties(writer);");
        }

        foreach (var property in type.Properties)
        {
            KiotaCode.EmitWrite(w, property, ns);
        }

        w.CloseBlock();
    }

    /// <summary>The variant read for a discriminator value the client does not know: the raw JSON, written back unchanged.</summary>
    private static void EmitUnknown(SourceWriter w, ObjectTypeModel type, DiscriminatorModel discriminator, ApiModel api)
    {
        var ns = api.Namespace;
        var name = discriminator.UnknownName;
        var self = "global::" + ns + "." + name;
        var raw = discriminator.RawJsonName;
        w.WriteDocs("A " + type.Name + " whose \"" + discriminator.PropertyName + "\" value this client does not know (a variant added to the API later, or none): it keeps the JSON object as received and writes it back unchanged.");
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("[" + StjSerialization + ".JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.OpenBlock(api.Accessibility + " sealed partial class " + name + " : global::" + ns + "." + type.Name);
        w.WriteDocs("Wraps a JSON object as received.");
        w.WriteLine(SetsRequiredMembers);
        w.OpenBlock("public " + name + "(" + JsonElement + " json) : base(" + Uninitialized + ")");
        w.WriteLine(raw + " = json;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(SetsRequiredMembers);
        w.OpenBlock("internal " + name + "(" + Runtime + ".Json.Uninitialized _) : base(_)");
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("The JSON object as received; null when Kiota read it (the declared properties and AdditionalData hold it then).");
        w.WriteLine("public " + JsonElement + "? " + raw + " { get; }");
        w.WriteLine();
        w.WriteDocs("The \"" + discriminator.PropertyName + "\" value received, or null when there is none.");
        w.WriteLine("public string? " + discriminator.ValueName + " => " + raw + " is { ValueKind: global::System.Text.Json.JsonValueKind.Object } json && json.TryGetProperty(" + Literal(discriminator.PropertyName)
            + ", out var value) && value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString() : null;");
        w.WriteLine();
        w.WriteDocs("Reads the JSON object at the reader as it is; a value that is not an object yields null.");
        w.OpenBlock("public static new " + self + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.OpenBlock("if (reader.TokenType != " + TokenType + ".StartObject)");
        w.WriteLine("reader.Skip();");
        w.WriteLine("return null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("return new " + self + "(" + JsonElement + ".ParseValue(ref reader));");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override void WriteJson(" + Utf8JsonWriter + " writer)");
        w.OpenBlock("if (" + raw + " is { } json)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.WriteLine("json.WriteTo(writer);");
        w.CloseBlock();
        w.OpenBlock("else");
        w.WriteLine("base.WriteJson(writer);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("Nothing is known about an unknown variant to check, beyond what Kiota read into the declared properties.");
        w.OpenBlock("public override void Validate()");
        w.OpenBlock("if (" + raw + " is null)");
        w.WriteLine("base.Validate();");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("Describes this object for logs without printing the JSON it holds.");
        w.WriteLine("public override string ToString() => " + raw + " is null ? base.ToString() : " + Literal(name + " { an unknown variant of " + type.Name + ", its JSON is not printed }") + ";");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public static new " + self + " CreateFromDiscriminatorValue(" + KiotaSerialization + ".IParseNode parseNode) => new " + self + "(" + Uninitialized + ");");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override void Serialize(" + KiotaSerialization + ".ISerializationWriter writer)");
        w.OpenBlock("if (" + raw + " is { ValueKind: global::System.Text.Json.JsonValueKind.Object } json)");
        w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.WriteLine("var properties = new global::System.Collections.Generic.Dictionary<string, object>(global::System.StringComparer.Ordinal);");
        w.OpenBlock("foreach (var property in json.EnumerateObject())");
        w.WriteLine("properties[property.Name] = property.Value;");
        w.CloseBlock();
        w.WriteLine("writer.WriteAdditionalData(properties);");
        w.CloseBlock();
        w.OpenBlock("else");
        w.WriteLine("base.Serialize(writer);");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        ModelEmitter.EmitJsonConverter(w, name, self, isStruct: false, hidesInherited: true);
        w.CloseBlock();
    }
}

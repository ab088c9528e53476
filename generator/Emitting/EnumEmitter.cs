using System.Linq;
using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>
/// Enums become value-carrying structs rather than C# enums, so a value the server adds later
/// deserializes (with <c>IsKnown == false</c>) instead of throwing.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>Up to this many members, <c>IsKnown</c> is one pattern (<c>Value is "a" or "b"</c>); above it, a set lookup.</summary>
    internal const int MaxPatternMembers = 64;

    public static void Emit(SourceWriter w, EnumTypeModel type, ApiModel api)
    {
        var name = type.Name;
        var valueType = type.IsInteger ? "int" : "string";
        w.WriteDocs(type.Description ?? "Known values: " + string.Join(", ", type.Members.Select(m => m.Value)) + ". Unknown values are kept as they are.");
        var self = "global::" + api.Namespace + "." + name;
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("[" + StjSerialization + ".JsonConverter(typeof(" + self + ".JsonConverter))]");
        w.OpenBlock(api.Accessibility + " readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");

        foreach (var member in type.Members)
        {
            w.WriteDocs(member.Description ?? "The value " + member.Value + ".");
            w.WriteLine("public static readonly " + name + " " + member.Name + " = new(" + ValueLiteral(type, member.Value) + ");");
        }

        w.WriteLine();
        w.WriteDocs("Wraps any value, known or not.");
        w.OpenBlock("public " + name + "(" + valueType + " value)");
        w.WriteLine(type.IsInteger ? "Value = value;" : "Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.CloseBlock();
        w.WriteLine();
        w.WriteDocs("The value as sent on the wire.");
        w.WriteLine("public " + valueType + " Value { get; }");
        w.WriteLine();
        w.WriteDocs("Whether the value is one the API description lists.");
        if (type.Members.Count <= MaxPatternMembers)
        {
            var known = type.Members.Count == 0
                ? "false"
                : "Value is " + string.Join(" or ", type.Members.Select(m => ValueLiteral(type, m.Value)));
            w.WriteLine("public bool IsKnown => " + known + ";");
        }
        else
        {
            // A pattern of thousands of alternatives takes the compiler minutes (20,000 took 717 s); a set is linear.
            w.WriteLine("public bool IsKnown => __knownValues.Contains(Value);");
            w.WriteLine();
            var setType = "global::System.Collections.Generic.HashSet<" + valueType + ">";
            w.OpenBlock("private static readonly " + setType + " __knownValues = new(" + (type.IsInteger ? string.Empty : "global::System.StringComparer.Ordinal") + ")");
            foreach (var member in type.Members)
            {
                w.WriteLine(ValueLiteral(type, member.Value) + ",");
            }

            w.CloseBlock(";");
        }

        w.WriteLine();
        w.WriteLine("public static implicit operator " + name + "(" + valueType + " value) => new(value);");
        w.WriteLine();
        w.WriteLine("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        w.WriteLine();
        w.WriteLine(type.IsInteger
            ? "public bool Equals(" + name + " other) => Value == other.Value;"
            : "public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.WriteLine();
        w.WriteLine("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        w.WriteLine();
        w.WriteLine(type.IsInteger
            ? "public override int GetHashCode() => Value.GetHashCode();"
            : "public override int GetHashCode() => Value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.WriteLine();
        w.WriteLine(type.IsInteger
            ? "public override string ToString() => Value.ToString(" + Invariant + ");"
            : "public override string ToString() => Value ?? string.Empty;");
        w.WriteLine();
        w.WriteDocs("Reads the value at the reader; null for JSON null or a token of the wrong type.");
        w.OpenBlock("public static " + name + "? ReadJson(ref " + Utf8JsonReader + " reader)");
        w.WriteLine(type.IsInteger
            ? "return " + JsonRead + ".Int32(ref reader) is { } value ? new " + name + "(value) : (" + name + "?)null;"
            : "return " + JsonRead + ".String(ref reader) is { } value ? new " + name + "(value) : (" + name + "?)null;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("public void WriteJson(" + Utf8JsonWriter + " writer) => writer." + (type.IsInteger ? "WriteNumberValue" : "WriteStringValue") + "(Value);");
        w.WriteLine();
        ModelEmitter.EmitJsonConverter(w, name, self, isStruct: true);
        w.CloseBlock();
    }

    private static string ValueLiteral(EnumTypeModel type, string value) => type.IsInteger ? value : Literal(value);
}

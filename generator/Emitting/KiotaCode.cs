using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Kiota IParsable members: parse-node reads and serialization-writer writes per <see cref="TypeRef"/>.</summary>
internal static class KiotaCode
{
    /// <summary>An expression reading a value from the parse node <paramref name="node"/> (nullable type).</summary>
    public static string ReadExpression(TypeRef type, string ns, string node) => type.Kind switch
    {
        TypeKind.String => node + ".GetStringValue()",
        TypeKind.Int32 => node + ".GetIntValue()",
        TypeKind.Int64 => node + ".GetLongValue()",
        TypeKind.Float => node + ".GetFloatValue()",
        TypeKind.Double => node + ".GetDoubleValue()",
        TypeKind.Decimal => node + ".GetDecimalValue()",
        TypeKind.Boolean => node + ".GetBoolValue()",
        TypeKind.DateTimeOffset => node + ".GetDateTimeOffsetValue()",
        TypeKind.Guid => node + ".GetGuidValue()",
        TypeKind.Bytes => node + ".GetByteArrayValue()",
        TypeKind.Date => KiotaInterop + ".ReadDate(" + node + ")",
        TypeKind.StringEnum => "(" + node + ".GetStringValue() is { } text ? new " + TypeName(type, ns) + "(text) : (" + TypeName(type, ns) + "?)null)",
        TypeKind.IntegerEnum => "(" + node + ".GetIntValue() is { } number ? new " + TypeName(type, ns) + "(number) : (" + TypeName(type, ns) + "?)null)",
        TypeKind.Object => node + ".GetObjectValue<" + TypeName(type, ns) + ">(" + TypeName(type, ns) + ".CreateFromDiscriminatorValue)",
        TypeKind.Array when type.Element!.Kind == TypeKind.Object =>
            "(" + node + ".GetCollectionOfObjectValues<" + TypeName(type.Element, ns) + ">(" + TypeName(type.Element, ns) + ".CreateFromDiscriminatorValue) is { } items ? global::System.Linq.Enumerable.ToList(items) : null)",
        _ => KiotaInterop + ".ReadJson(" + node + ", " + JsonCode.DocumentReader(type, ns) + ")",
    };

    public static void EmitWrite(SourceWriter w, PropertyModel property, string ns)
    {
        var key = Literal(property.JsonName);
        var value = property.Name;
        var type = property.Type;
        switch (type.Kind)
        {
            case TypeKind.String:
                w.WriteLine("writer.WriteStringValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Int32:
                w.WriteLine("writer.WriteIntValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Int64:
                w.WriteLine("writer.WriteLongValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Float:
                w.WriteLine("writer.WriteFloatValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Double:
                w.WriteLine("writer.WriteDoubleValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Decimal:
                w.WriteLine("writer.WriteDecimalValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Boolean:
                w.WriteLine("writer.WriteBoolValue(" + key + ", " + value + ");");
                break;
            case TypeKind.DateTimeOffset:
                w.WriteLine("writer.WriteDateTimeOffsetValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Guid:
                w.WriteLine("writer.WriteGuidValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Bytes:
                w.WriteLine("writer.WriteByteArrayValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Date:
                w.WriteLine(KiotaInterop + ".WriteDate(writer, " + key + ", " + value + ");");
                break;
            case TypeKind.StringEnum:
                w.WriteLine("writer.WriteStringValue(" + key + ", " + value + (property.IsNullable ? "?" : string.Empty) + ".Value);");
                break;
            case TypeKind.IntegerEnum:
                w.WriteLine("writer.WriteIntValue(" + key + ", " + value + (property.IsNullable ? "?" : string.Empty) + ".Value);");
                break;
            case TypeKind.Object:
                w.WriteLine("writer.WriteObjectValue(" + key + ", " + value + ");");
                break;
            case TypeKind.Array when type.Element!.Kind == TypeKind.Object:
                w.WriteLine("writer.WriteCollectionOfObjectValues(" + key + ", " + value + ");");
                break;
            default:
                var nullable = property.IsNullable || !type.IsValueType;
                var target = nullable ? value + "Value" : value;
                if (nullable)
                {
                    w.OpenBlock("if (" + value + " is { } " + target + ")");
                }

                w.WriteLine(KiotaInterop + ".WriteJson(writer, " + key + ", " + target + ", " + JsonCode.WriterLambda(type, ns) + ");");
                if (nullable)
                {
                    w.CloseBlock();
                }

                break;
        }
    }
}

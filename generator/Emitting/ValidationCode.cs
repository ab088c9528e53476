using OmsGenerated.Generator.Model;
using static OmsGenerated.Generator.Emitting.CSharp;

namespace OmsGenerated.Generator.Emitting;

/// <summary>Constraint checks run before a request is sent.</summary>
internal static class ValidationCode
{
    public static void EmitChecks(SourceWriter w, TypeRef type, string value, bool canBeNull, Constraints constraints, string field)
    {
        var guard = Runtime + ".Validation.Guard";
        if (type.Kind == TypeKind.String && (constraints.MinLength is not null || constraints.MaxLength is not null))
        {
            w.WriteLine(guard + ".Length(" + value + ", " + OptionalInt(constraints.MinLength) + ", " + OptionalInt(constraints.MaxLength) + ", " + field + ");");
        }

        if (type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal
            && (constraints.Minimum is not null || constraints.Maximum is not null))
        {
            var number = type.Kind == TypeKind.Decimal ? "(decimal?)" : "(double?)";
            var suffix = type.Kind == TypeKind.Decimal ? "m" : "d";
            var min = constraints.Minimum is null ? "null" : constraints.Minimum + suffix;
            var max = constraints.Maximum is null ? "null" : constraints.Maximum + suffix;
            w.WriteLine(guard + ".Range(" + number + value + ", " + min + ", " + (constraints.ExclusiveMinimum ? "true" : "false") + ", " + max + ", " + (constraints.ExclusiveMaximum ? "true" : "false") + ", " + field + ");");
        }

        if (type.Kind is TypeKind.Array or TypeKind.Map && (constraints.MinItems is not null || constraints.MaxItems is not null))
        {
            w.WriteLine(guard + ".Count(" + value + ", " + OptionalInt(constraints.MinItems) + ", " + OptionalInt(constraints.MaxItems) + ", " + field + ");");
        }

        switch (type.Kind)
        {
            case TypeKind.StringEnum:
            case TypeKind.IntegerEnum:
                w.WriteLine(canBeNull
                    ? "if (" + value + " is { } __known_" + Sanitize(value) + ") " + guard + ".Known(__known_" + Sanitize(value) + ".IsKnown, __known_" + Sanitize(value) + ".ToString(), " + field + ");"
                    : guard + ".Known(" + value + ".IsKnown, " + value + ".ToString(), " + field + ");");
                break;
            case TypeKind.Object:
                w.WriteLine(value + (canBeNull ? "?" : string.Empty) + ".Validate();");
                break;
            case TypeKind.Array when type.Element!.Kind is TypeKind.Object:
                w.OpenBlock("if (" + value + " is { } __items_" + Sanitize(value) + ")");
                w.OpenBlock("foreach (var __item in __items_" + Sanitize(value) + ")");
                w.WriteLine("__item?.Validate();");
                w.CloseBlock();
                w.CloseBlock();
                break;
        }
    }

    private static string OptionalInt(int? value) => value is null ? "null" : Int(value.Value);

    private static string Sanitize(string value) => value.Replace("@", string.Empty).Replace(".", "_");
}

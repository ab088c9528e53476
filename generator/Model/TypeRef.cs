namespace OmsGenerated.Generator.Model;

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    Date,
    Guid,
    Bytes,
    Any,
    Object,
    StringEnum,
    IntegerEnum,
    Array,
    Map,

    /// <summary>A generated class holding one of several alternatives (<see cref="UnionTypeModel"/>).</summary>
    Union,
}

/// <summary>A C# type a schema maps to. <see cref="Name"/> names generated types; <see cref="Element"/> is the item type of arrays and maps.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Any = new(TypeKind.Any);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal
        or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid or TypeKind.Any
        or TypeKind.StringEnum or TypeKind.IntegerEnum;

    public bool IsNamed => Kind is TypeKind.Object or TypeKind.StringEnum or TypeKind.IntegerEnum;
}

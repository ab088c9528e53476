using System;

namespace OmsGenerated.Generator.Parsing.OpenApi;

/// <summary>The JSON Schema <c>type</c> keyword (a name or, since OpenAPI 3.1, a list of names); <c>file</c> is Swagger 2.0's.</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Array = 1,
    Boolean = 2,
    Integer = 4,
    Null = 8,
    Number = 16,
    Object = 32,
    String = 64,
    File = 128,
}

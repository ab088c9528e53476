using System;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>The spec text is not well-formed JSON or YAML, or crosses a <see cref="SyntaxLimits">limit</see>; the offset is in characters.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

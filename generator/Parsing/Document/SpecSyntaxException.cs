using System;

namespace OmsGenerated.Generator.Parsing.Document;

/// <summary>The spec text is not well-formed JSON or YAML; the position is zero-based.</summary>
internal sealed class SpecSyntaxException : Exception
{
    public SpecSyntaxException(int line, int column, string message)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}

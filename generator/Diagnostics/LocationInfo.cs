using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace OmsGenerated.Generator.Diagnostics;

/// <summary>A location in a spec file, kept as plain values so it can live in a cached pipeline output.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>Builds a location from a 0-based line and column in <paramref name="text"/>.</summary>
    public static LocationInfo FromLineColumn(string filePath, SourceText text, int line, int column, int length = 1)
    {
        if (text.Lines.Count == 0)
        {
            return new LocationInfo(filePath, 0, 0, 0, 0, 0, 0);
        }

        line = line < 0 ? 0 : line >= text.Lines.Count ? text.Lines.Count - 1 : line;
        var textLine = text.Lines[line];
        column = column < 0 ? 0 : column > textLine.End - textLine.Start ? textLine.End - textLine.Start : column;
        var start = textLine.Start + column;
        if (start + length > textLine.End)
        {
            length = textLine.End - start;
        }

        return new LocationInfo(filePath, start, length, line, column, line, column + length);
    }

    public static LocationInfo FromOffset(string filePath, SourceText text, int offset, int length)
    {
        var span = new TextSpan(offset, length);
        var lines = text.Lines.GetLinePositionSpan(span);
        return new LocationInfo(filePath, offset, length, lines.Start.Line, lines.Start.Character, lines.End.Line, lines.End.Character);
    }
}

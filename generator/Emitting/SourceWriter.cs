using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace OmsGenerated.Generator.Emitting;

/// <summary>A StringBuilder with an indentation level (4 spaces); multi-line text is re-indented line by line.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new(4096);
    private int _indentation;

    public void WriteLine(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                _builder.Append(' ', _indentation * 4);
                _builder.Append(text, start, length);
            }

            _builder.Append('\n');
            start = end + 1;
        }
    }

    public void OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indentation++;
    }

    public void CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
    }

    public void Indent() => _indentation++;

    public void Unindent() => _indentation--;

    /// <summary>Writes a &lt;summary&gt; (and optional remarks) XML doc comment, escaped.</summary>
    public void WriteDocs(string? summary, string? remarks = null)
    {
        if (summary is null && remarks is null)
        {
            return;
        }

        WriteDocElement("summary", summary ?? remarks!);
        if (summary is not null && remarks is not null)
        {
            WriteDocElement("remarks", remarks);
        }
    }

    public void WriteDocElement(string element, string text, string? nameAttribute = null)
    {
        var open = nameAttribute is null ? "<" + element + ">" : "<" + element + " name=\"" + nameAttribute + "\">";
        var lines = Escape(text).Split('\n');
        if (lines.Length == 1)
        {
            WriteLine("/// " + open + lines[0].Trim() + "</" + element + ">");
            return;
        }

        WriteLine("/// " + open);
        foreach (var line in lines)
        {
            WriteLine("/// " + (line.Trim().Length == 0 ? "<para/>" : line.TrimEnd()));
        }

        WriteLine("/// </" + element + ">");
    }

    public SourceText ToSourceText()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException("Unbalanced indentation in generated source.");
        }

        return SourceText.From(_builder.ToString(), Encoding.UTF8);
    }

    public override string ToString() => _builder.ToString();

    /// <summary>
    /// XML-escapes documentation text and turns every line terminator C# knows (CR, LF, U+0085, U+2028, U+2029) into
    /// '\n', so that each line is written behind its own <c>///</c>; other control characters become spaces.
    /// </summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u0085' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    break;
                default:
                    builder.Append(char.IsControl(c) && c != '\t' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}

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

        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length > 0)
            {
                _builder.Append(' ', _indentation * 4);
                _builder.Append(trimmed);
            }

            _builder.Append('\n');
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
        var lines = Escape(text).Replace("\r\n", "\n").Split('\n');
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

    private static string Escape(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Turns names from a document into valid, conventional C# identifiers.</summary>
internal static class Naming
{
    public static string ToPascalCase(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Value";
        }

        var text = name!.Trim();
        if (text.StartsWith("+", System.StringComparison.Ordinal))
        {
            text = "Plus" + text.Substring(1);
        }
        else if (text.StartsWith("-", System.StringComparison.Ordinal))
        {
            text = "Minus" + text.Substring(1);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var word in SplitWords(text))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            var rest = word.Substring(1);
            builder.Append(IsAllUpper(word) ? rest.ToLowerInvariant() : rest);
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    public static string ToCamelCase(string? name)
    {
        var pascal = ToPascalCase(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var i = 0;
        while (i < pascal.Length && char.IsUpper(pascal[i]) && (i == 0 || i + 1 >= pascal.Length || char.IsUpper(pascal[i + 1])))
        {
            i++;
        }

        if (i == 0)
        {
            i = 1;
        }

        return pascal.Substring(0, i).ToLowerInvariant() + pascal.Substring(i);
    }

    public static bool IsKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None;

    /// <summary>Picks <paramref name="candidate"/>, or the first of candidate2, candidate3… not in <paramref name="used"/>, and records it.</summary>
    public static string Unique(string candidate, ISet<string> used)
    {
        if (used.Add(candidate))
        {
            return candidate;
        }

        for (var i = 2; ; i++)
        {
            var next = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (used.Add(next))
            {
                return next;
            }
        }
    }

    private static bool IsAllUpper(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters > 1;
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c) || c > 127 && !SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                continue;
            }

            // camelCase boundary: "taskId" -> "task", "Id"; "HTTPServer" -> "HTTP", "Server"
            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = text[i - 1];
                var nextIsLower = i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OmsGenerated.Runtime.Json;

/// <summary>
/// A JSON value whose type is not the one the API description declares (an object where a string is expected, a
/// boolean sent as "yes", a malformed date, an integer out of range). Names where it is (<see cref="JsonPath"/>,
/// for example <c>$.tasks[3].src_node.bucket</c>), what was expected and the kind of token found — never the value,
/// which may be a secret. Generated readers add the path on the way out, so reading that succeeds pays nothing for it.
/// </summary>
public sealed class JsonReadException : JsonException
{
    // Segments innermost first, as they are added while the exception travels out of the nested readers.
    private readonly List<string> _segments = new();
    private string? _path;

    public JsonReadException(string expectedType, JsonTokenType tokenType)
        : base(null)
    {
        ExpectedType = expectedType;
        TokenType = tokenType;
    }

    /// <summary>What the API description declares there ("integer", "boolean", "date-time", "object"...).</summary>
    public string ExpectedType { get; }

    /// <summary>The kind of JSON token that was there instead.</summary>
    public JsonTokenType TokenType { get; }

    /// <summary>Where the value is, from the document root: <c>$</c>, <c>$.name</c>, <c>$.tasks[3].src_node.bucket</c>, <c>$['odd key']</c>.</summary>
    public string JsonPath => _path ??= BuildPath();

    public override string Message
        => "The JSON value at " + JsonPath + " is " + Describe(TokenType) + ", not " + Article(ExpectedType) + " " + ExpectedType + " as the API description declares.";

    /// <summary>Adds the member the failing value was read for; called by generated readers as the exception passes.</summary>
    public void AtProperty(string name)
    {
        _path = null;
        _segments.Add(IsPlainName(name) ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']");
    }

    /// <summary>Adds the array index the failing value was read at.</summary>
    public void AtIndex(int index)
    {
        _path = null;
        _segments.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");
    }

    private string BuildPath()
    {
        var builder = new StringBuilder("$");
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            builder.Append(_segments[i]);
        }

        return builder.ToString();
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a " + token.ToString(),
    };

    private static string Article(string word) => word.Length > 0 && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}

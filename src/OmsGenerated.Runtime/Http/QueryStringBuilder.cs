using System;
using System.Collections.Generic;
using System.Text;

namespace OmsGenerated.Runtime.Http;

/// <summary>Appends escaped query parameters to a URL.</summary>
public sealed class QueryStringBuilder
{
    private readonly StringBuilder _builder;
    private bool _hasQuery;

    public QueryStringBuilder(string url)
    {
        _builder = new StringBuilder(url, url.Length + 64);
        _hasQuery = url.Contains('?', StringComparison.Ordinal);
    }

    public void Add(string name, string value)
    {
        StartParameter(name);
        AppendEscaped(value);
    }

    /// <summary>One parameter holding every value, comma-separated (OpenAPI style=form, explode=false; Swagger csv).</summary>
    public void AddJoined<T>(string name, IEnumerable<T> values, Func<T, string> format)
        => AddJoined(name, values, format, QueryStyle.Form);

    /// <summary>
    /// One parameter holding every value, each escaped, separated by the style's delimiter: <c>,</c> (form),
    /// <c>%7C</c> (pipeDelimited) or <c>%20</c> (spaceDelimited). A comma inside a value is escaped, so the server
    /// can split a form list back; <c>|</c> and spaces are never allowed raw in a URI (System.Uri escapes them), so
    /// pipe- and space-delimited lists cannot carry values containing their delimiter, as OpenAPI notes.
    /// </summary>
    public void AddJoined<T>(string name, IEnumerable<T> values, Func<T, string> format, QueryStyle style)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var delimiter = Delimiter(style);
        StartParameter(name);
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                _builder.Append(delimiter);
            }

            first = false;
            AppendEscaped(format(value));
        }
    }

    /// <summary>
    /// An object's properties (or a map's entries), in order: with <see cref="QueryStyle.DeepObject"/>
    /// <c>name[key]=value</c> each; exploded form style <c>key=value</c> each; otherwise one parameter
    /// <c>name=key,value,key,value</c> with the style's delimiter.
    /// </summary>
    public void AddObject(string name, IReadOnlyList<KeyValuePair<string, string>> fields, QueryStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (style == QueryStyle.DeepObject)
        {
            foreach (var field in fields)
            {
                _builder.Append(_hasQuery ? '&' : '?');
                _hasQuery = true;
                AppendEscaped(name);
                _builder.Append('[');
                AppendEscaped(field.Key);
                _builder.Append("]=");
                AppendEscaped(field.Value);
            }

            return;
        }

        if (explode && style == QueryStyle.Form)
        {
            foreach (var field in fields)
            {
                Add(field.Key, field.Value);
            }

            return;
        }

        if (fields.Count == 0)
        {
            return;
        }

        var delimiter = Delimiter(style);
        StartParameter(name);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _builder.Append(delimiter);
            }

            AppendEscaped(fields[i].Key);
            _builder.Append(delimiter);
            AppendEscaped(fields[i].Value);
        }
    }

    private static string Delimiter(QueryStyle style) => style switch
    {
        QueryStyle.PipeDelimited => "%7C",
        QueryStyle.SpaceDelimited => "%20",
        _ => ",",
    };

    private void StartParameter(string name)
    {
        _builder.Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        AppendEscaped(name);
        _builder.Append('=');
    }

    private void AppendEscaped(string value) => _builder.Append(Uri.EscapeDataString(value));

    public override string ToString() => _builder.ToString();
}

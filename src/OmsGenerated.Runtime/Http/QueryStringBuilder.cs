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
        _builder.Append(_hasQuery ? '&' : '?');
        _hasQuery = true;
        _builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <summary>One parameter holding every value, comma-separated (OpenAPI style=form, explode=false; Swagger csv).</summary>
    public void AddJoined<T>(string name, IEnumerable<T> values, Func<T, string> format)
    {
        var joined = new StringBuilder();
        foreach (var value in values)
        {
            if (joined.Length > 0)
            {
                joined.Append(',');
            }

            joined.Append(format(value));
        }

        Add(name, joined.ToString());
    }

    public override string ToString() => _builder.ToString();
}

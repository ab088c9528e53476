using System;
using System.Collections.Generic;
using System.Text;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// The <c>Cookie</c> request header of an operation's cookie parameters: <c>name=value; name2=value2</c>. Names and
/// values are percent-encoded, so a value can never add a cookie or an attribute (<c>;</c>, <c>,</c>, spaces and
/// quotes are not allowed raw in a cookie value, RFC 6265).
/// </summary>
public sealed class CookieHeaderBuilder
{
    private readonly StringBuilder _builder = new();

    public bool IsEmpty => _builder.Length == 0;

    public void Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        Start(name);
        _builder.Append(Uri.EscapeDataString(value));
    }

    /// <summary>Several values in one cookie, comma-separated (form style, explode=false).</summary>
    public void AddJoined<T>(string name, IEnumerable<T> values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        Start(name);
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                _builder.Append(',');
            }

            first = false;
            _builder.Append(Uri.EscapeDataString(format(value)));
        }
    }

    private void Start(string name)
    {
        if (_builder.Length > 0)
        {
            _builder.Append("; ");
        }

        _builder.Append(Uri.EscapeDataString(name)).Append('=');
    }

    public override string ToString() => _builder.ToString();
}

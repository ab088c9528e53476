using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// The headers of a response (content headers included), by case-insensitive name, copied before the response is
/// disposed. The typed getters read a header the API description declares; a value of the wrong form is a
/// <see cref="FormatException"/> naming the header, never quoting the value (it may be a credential).
/// </summary>
public sealed class ApiResponseHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private readonly Dictionary<string, IReadOnlyList<string>> _headers;

    public ApiResponseHeaders(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            var values = new List<string>(header.Value);
            if (_headers.TryGetValue(header.Key, out var existing))
            {
                values.InsertRange(0, existing);
            }

            _headers[header.Key] = values;
        }
    }

    public static ApiResponseHeaders From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var all = new List<KeyValuePair<string, IEnumerable<string>>>();
        foreach (var header in response.Headers.NonValidated)
        {
            all.Add(new KeyValuePair<string, IEnumerable<string>>(header.Key, header.Value));
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            all.Add(new KeyValuePair<string, IEnumerable<string>>(header.Key, header.Value));
        }

        return new ApiResponseHeaders(all);
    }

    public int Count => _headers.Count;

    public IEnumerable<string> Keys => _headers.Keys;

    public IEnumerable<IReadOnlyList<string>> Values => _headers.Values;

    public IReadOnlyList<string> this[string key] => _headers[key];

    public bool ContainsKey(string key) => _headers.ContainsKey(key);

    public bool TryGetValue(string key, out IReadOnlyList<string> value)
    {
        if (_headers.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = Array.Empty<string>();
        return false;
    }

    /// <summary>The header's values joined with <c>", "</c> (RFC 9110's list form), or null when it is absent.</summary>
    public string? GetString(string name)
        => _headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(", ", values) : null;

    public int? GetInt32(string name)
        => GetString(name) is { } text ? int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "an integer") : null;

    public long? GetInt64(string name)
        => GetString(name) is { } text ? long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "an integer") : null;

    public double? GetDouble(string name)
        => GetString(name) is { } text ? double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(name, "a number") : null;

    public bool? GetBoolean(string name)
        => GetString(name) is { } text ? bool.TryParse(text.Trim(), out var value) ? value : throw Invalid(name, "true or false") : null;

    /// <summary>An RFC 3339 timestamp, or an HTTP date (RFC 9110: <c>Sun, 06 Nov 1994 08:49:37 GMT</c>).</summary>
    public DateTimeOffset? GetDateTimeOffset(string name)
        => GetString(name) is { } text
            ? DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : throw Invalid(name, "a date and time")
            : null;

    /// <summary>An absolute or relative URI (a relative <c>Location</c> is relative to the request's URI).</summary>
    public Uri? GetUri(string name)
        => GetString(name) is { } text ? Uri.TryCreate(text.Trim(), UriKind.RelativeOrAbsolute, out var value) ? value : throw Invalid(name, "a URI") : null;

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The header names only: values may be credentials (a token in <c>X-Subject-Token</c>).</summary>
    public override string ToString() => "[" + string.Join(", ", _headers.Keys) + "]";

    private static FormatException Invalid(string name, string expected)
        => new("The response header " + name + " is not " + expected + ".");
}

using System;
using System.Globalization;

namespace OmsGenerated.Runtime.Http;

/// <summary>Formats parameter values for URLs and headers, culture-invariantly.</summary>
public static class UrlFormat
{
    public static string Format(string value) => value;

    public static string Format(bool value) => value ? "true" : "false";

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(Guid value) => value.ToString("D");

    /// <summary>
    /// One path segment: percent-encoded, and never <c>.</c>, <c>..</c> or empty, which would change the route
    /// (<c>/projects/../tasks/1</c> is <c>/tasks/1</c>). Encoding is no defence there: <see cref="Uri"/> and servers
    /// decode <c>%2E</c> to <c>.</c> before removing dot segments.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>; the message names the parameter, not the value.</exception>
    public static string PathSegment(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0 || value is "." or "..")
        {
            throw new ArgumentException(
                parameterName + " must not be empty, \".\" or \"..\": as a URL path segment it would change the route.",
                parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    /// <summary>Comma-separated values (simple style, the default for path and header arrays).</summary>
    public static string Join<T>(System.Collections.Generic.IEnumerable<T> values, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var builder = new System.Text.StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(format(value));
        }

        return builder.ToString();
    }
}

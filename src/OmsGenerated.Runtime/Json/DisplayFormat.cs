using System;
using System.Collections;
using System.Globalization;

namespace OmsGenerated.Runtime.Json;

/// <summary>Formats property values for generated ToString() methods.</summary>
public static class DisplayFormat
{
    public const string RedactedText = "***";

    public static string Format(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        bool flag => flag ? "true" : "false",
        byte[] bytes => "[" + bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes]",
        System.Text.Json.JsonElement element => element.GetRawText(),
        ICollection collection => "[" + collection.Count.ToString(CultureInfo.InvariantCulture) + " items]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Shows only whether a credential is set, never its value.</summary>
    public static string Redacted(object? value) => value is null ? "null" : RedactedText;
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OmsGenerated.Generator.Parsing;

/// <summary>Reads <c>x-</c> extension values, which NSwag hands over as Newtonsoft tokens or plain CLR values depending on the source format.</summary>
internal static class ExtensionValues
{
    public static IEnumerable<object?> AsList(object? value) => value switch
    {
        JArray array => array.Cast<object?>(),
        string => Array.Empty<object?>(),
        IEnumerable enumerable when value is not IDictionary => enumerable.Cast<object?>(),
        _ => Array.Empty<object?>(),
    };

    public static object? Get(object? map, string key) => map switch
    {
        JObject obj => obj.TryGetValue(key, StringComparison.Ordinal, out var token) ? token : null,
        IDictionary<string, object?> dictionary => dictionary.TryGetValue(key, out var v) ? v : null,
        IDictionary dictionary => dictionary.Contains(key) ? dictionary[key] : null,
        _ => null,
    };

    public static string? AsString(object? value) => value switch
    {
        null => null,
        JValue { Value: null } => null,
        JValue jValue => Convert.ToString(jValue.Value, CultureInfo.InvariantCulture),
        JToken => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static bool? AsBool(object? value) => value switch
    {
        bool b => b,
        JValue { Type: JTokenType.Boolean } jValue => (bool)jValue,
        string s when bool.TryParse(s, out var parsed) => parsed,
        JValue { Type: JTokenType.String } jValue when bool.TryParse((string?)jValue, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>Only a real boolean (YAML <c>true</c>/<c>false</c>, JSON <c>true</c>/<c>false</c>); text such as <c>"true"</c> is not one.</summary>
    public static bool? AsStrictBool(object? value) => value switch
    {
        bool b => b,
        JValue { Type: JTokenType.Boolean } jValue => (bool)jValue,
        _ => null,
    };

    /// <summary>The text of a scalar (string, number, boolean), or null for a list, a map or null.</summary>
    public static string? AsScalarText(object? value) => value is IEnumerable and not string and not JValue ? null : AsString(value);

    public static int? AsInt(object? value)
        => int.TryParse(AsString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}

using System.Collections.Generic;
using System.Globalization;

namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>Lenient typed reads from a <see cref="SpecMap"/>: a value of the wrong kind reads as absent (NSwag reports shape problems).</summary>
internal static class SpecValues
{
    public static SpecMap? GetMap(this SpecMap map, string key) => map[key] as SpecMap;

    public static SpecList? GetList(this SpecMap map, string key) => map[key] as SpecList;

    public static string? GetString(this SpecMap map, string key) => (map[key] as SpecScalar)?.Text;

    public static bool? GetBool(this SpecMap map, string key) => AsBool(map[key]);

    public static int? GetInt(this SpecMap map, string key) => AsInt(map[key]);

    public static decimal? GetDecimal(this SpecMap map, string key) => AsDecimal(map[key]);

    public static bool? AsBool(SpecNode? node) => node is SpecScalar scalar
        ? scalar.Value switch
        {
            bool b => b,
            string s when bool.TryParse(s, out var parsed) => parsed,
            _ => null,
        }
        : null;

    public static string? AsString(SpecNode? node) => (node as SpecScalar)?.Text;

    /// <summary>An integer, or its text (<c>"42"</c>); null when out of range or not a number.</summary>
    public static int? AsInt(SpecNode? node)
        => int.TryParse(AsString(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static decimal? AsDecimal(SpecNode? node) => node is SpecScalar scalar
        ? scalar.Value switch
        {
            long l => l,
            decimal d => d,
            double d when !double.IsNaN(d) && !double.IsInfinity(d) && System.Math.Abs(d) < 7.9e28 => (decimal)d,
            string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        }
        : null;

    public static IEnumerable<SpecNode> Items(SpecNode? node) => node is SpecList list ? list.Items : System.Array.Empty<SpecNode>();

    public static IEnumerable<SpecMap> Maps(SpecNode? node)
    {
        foreach (var item in Items(node))
        {
            if (item is SpecMap map)
            {
                yield return map;
            }
        }
    }
}

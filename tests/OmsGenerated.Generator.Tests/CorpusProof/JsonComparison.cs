using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OmsGenerated.Generator.Tests.CorpusProof;

/// <summary>
/// Compares an answer with what the client wrote back from it and names the first difference. Equal means the same
/// keys (in any order) and values, with numbers compared by value (and at single precision, for <c>format: float</c>
/// members, which keep 7 digits) and date-times compared by instant and offset ("…40.0Z" and "…40+00:00" are the same).
/// </summary>
internal static class JsonComparison
{
    private static readonly Regex s_dateTime = new(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}", RegexOptions.CultureInvariant);

    /// <summary>The JSON path of the first difference and both values, or null when equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        return path + "." + key + ": missing (was " + Text(value) + ")";
                    }

                    if (FirstDifference(value, a[key], path + "." + key) is { } inner)
                    {
                        return inner;
                    }
                }

                return a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k)) is { } extra ? path + "." + extra + ": added (" + Text(a[extra]) + ")" : null;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return path + ": " + e.Count + " items became " + a.Count;
                }

                for (int i = 0; i < e.Count; i++)
                {
                    if (FirstDifference(e[i], a[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                return SameValue(e, a) ? null : path + ": " + Text(e) + " became " + Text(a);
            default:
                return path + ": " + Text(expected) + " became " + Text(actual);
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        if (JsonNode.DeepEquals(expected, actual))
        {
            return true;
        }

        if (expected.GetValueKind() == JsonValueKind.Number && actual.GetValueKind() == JsonValueKind.Number)
        {
            if (expected.TryGetValue(out decimal e) && actual.TryGetValue(out decimal a) && e == a)
            {
                return true;
            }

            double de = expected.GetValue<double>();
            double da = actual.GetValue<double>();
            return de == da || (float)de == (float)da;
        }

        if (expected.TryGetValue(out string? es) && actual.TryGetValue(out string? @as) && s_dateTime.IsMatch(es) && s_dateTime.IsMatch(@as)
            && DateTimeOffset.TryParse(es, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ed)
            && DateTimeOffset.TryParse(@as, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ad))
        {
            return ed == ad && ed.Offset == ad.Offset;
        }

        return false;
    }

    private static string Text(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}

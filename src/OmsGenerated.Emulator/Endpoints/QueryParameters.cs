using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>Reads query and path parameters the way OMS checks them: out of range or malformed is 400 OMS.0064 naming the parameter.</summary>
internal static class QueryParameters
{
    /// <summary>The largest task ID OMS accepts (15 digits).</summary>
    public const long MaxTaskId = 999_999_999_999_999;

    public static string? Single(IQueryCollection query, string name)
        => query.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;

    /// <summary>An optional integer in [min, max]; <paramref name="fallback"/> when absent; false when malformed or out of range.</summary>
    public static bool TryInt(IQueryCollection query, string name, int min, int max, int fallback, out int value)
    {
        string? text = Single(query, name);
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    /// <summary>The optional integer status filter of a list operation, in [min, max]: null when absent, or the 400 answer.</summary>
    public static EmulatorResponse? TryStatus(IQueryCollection query, int min, int max, out int? status)
    {
        status = null;
        if (!query.ContainsKey("status"))
        {
            return null;
        }

        if (!TryInt(query, "status", min, max, 0, out int value))
        {
            return OmsErrors.InvalidParameter("status");
        }

        status = value;
        return null;
    }

    /// <summary>A decimal task ID (digits only, at most <see cref="MaxTaskId"/>).</summary>
    public static bool TryTaskId(string text, out long id)
        => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id <= MaxTaskId;

    /// <summary>limit (1-100, default 10) and offset (0-10000, default 0) of a list operation, or the 400 answer.</summary>
    public static EmulatorResponse? TryPage(IQueryCollection query, out int limit, out int offset)
    {
        offset = 0;
        if (!TryInt(query, "limit", 1, 100, 10, out limit))
        {
            return OmsErrors.InvalidParameter("limit");
        }

        return TryInt(query, "offset", 0, 10_000, 0, out offset) ? null : OmsErrors.InvalidParameter("offset");
    }
}

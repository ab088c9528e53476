using System;
using System.Globalization;

namespace OmsGenerated.Cli.Output;

/// <summary>Human-readable sizes, speeds and durations (invariant culture).</summary>
internal static class Humanize
{
    private static readonly string[] s_units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

    /// <summary>1536 → "1.5 KiB".</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } value || value < 0)
        {
            return "-";
        }

        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < s_units.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return unit == 0
            ? value.ToString(CultureInfo.InvariantCulture) + " B"
            : size.ToString(size >= 100 ? "0" : size >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + " " + s_units[unit];
    }

    /// <summary>Bytes per second → "12.5 MiB/s".</summary>
    public static string Speed(long? bytesPerSecond) => bytesPerSecond is { } value && value >= 0 ? Bytes(value) + "/s" : "-";

    /// <summary>Milliseconds → "1h 02m 03s", "2m 05s", "45s".</summary>
    public static string Duration(long? milliseconds)
    {
        if (milliseconds is not { } value || value < 0)
        {
            return "-";
        }

        return Duration(TimeSpan.FromMilliseconds(value));
    }

    public static string Duration(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours:00}h {span.Minutes:00}m");
        }

        if (span.TotalHours >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m {span.Seconds:00}s");
        }

        if (span.TotalMinutes >= 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:00}s");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s");
    }

    /// <summary>0.4567 → "45.7%".</summary>
    public static string Percent(double? fraction)
        => fraction is { } value ? (Math.Clamp(value, 0, 1) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    public static string Number(long? value) => value?.ToString("#,0", CultureInfo.InvariantCulture) ?? "-";
}

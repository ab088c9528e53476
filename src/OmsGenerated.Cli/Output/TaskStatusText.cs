using System;
using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Output;

/// <summary>Names of the migration task statuses (1-7), for display and for <c>--status</c>.</summary>
internal static class TaskStatusText
{
    private static readonly Dictionary<string, int> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["waiting"] = 1,
        ["executing"] = 2, ["migrating"] = 2, ["running"] = 2,
        ["stopped"] = 3, ["paused"] = 3,
        ["failed"] = 4,
        ["succeeded"] = 5, ["success"] = 5, ["successful"] = 5,
        ["retrying"] = 6,
        ["pausing"] = 7,
    };

    public const string ValidNames = "waiting, executing, stopped, failed, succeeded, retrying, pausing (or 1-7)";

    /// <summary>"failed" or "4" → <see cref="MigrationTaskStatus.Failed"/>.</summary>
    /// <exception cref="UsageException">Neither a known name nor a code 1-7.</exception>
    public static MigrationTaskStatus Parse(string text)
    {
        string trimmed = text.Trim();
        if (s_byName.TryGetValue(trimmed, out int code)
            || (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 1 and <= 7))
        {
            return new MigrationTaskStatus(code);
        }

        throw new UsageException("--status '" + text + "' is not a task status. Valid: " + ValidNames + ".");
    }

    public static string Name(MigrationTaskStatus? status) => status?.Value switch
    {
        null => "-",
        1 => "waiting",
        2 => "executing",
        3 => "stopped",
        4 => "failed",
        5 => "succeeded",
        6 => "retrying",
        7 => "pausing",
        { } other => "status " + other.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A Spectre colour for the status.</summary>
    public static string Color(MigrationTaskStatus? status) => status?.Value switch
    {
        2 or 6 => "blue",
        3 or 7 => "yellow",
        4 => "red",
        5 => "green",
        _ => "grey",
    };
}

using System;
using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Output;

/// <summary>Names of the task-group statuses (0-9), for display and for <c>groups list --status</c>.</summary>
internal static class GroupStatusText
{
    private static readonly string[] s_names =
    {
        "waiting", "executing", "monitoring", "paused", "creation-failed", "failed", "completed", "pausing", "deleting", "deleted",
    };

    private static readonly Dictionary<string, int> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["creating"] = 1, ["running"] = 1, ["stopped"] = 3, ["succeeded"] = 6, ["migration-failed"] = 5,
    };

    public const string ValidNames = "waiting, executing, monitoring, paused, creation-failed, failed, completed, pausing, deleting, deleted (or 0-9)";

    /// <exception cref="UsageException">Neither a known name nor a code 0-9.</exception>
    public static TaskGroupStatus Parse(string text)
    {
        string trimmed = text.Trim();
        int code = Array.FindIndex(s_names, name => string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (code >= 0 || s_aliases.TryGetValue(trimmed, out code)
            || (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 0 and <= 9))
        {
            return new TaskGroupStatus(code);
        }

        throw new UsageException("--status '" + text + "' is not a task-group status. Valid: " + ValidNames + ".");
    }

    public static string Name(TaskGroupStatus? status) => status?.Value switch
    {
        null => "-",
        { } code when code is >= 0 and <= 9 => s_names[code],
        { } other => "status " + other.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A Spectre colour for the status.</summary>
    public static string Color(TaskGroupStatus? status) => status?.Value switch
    {
        1 or 2 => "blue",
        3 or 7 => "yellow",
        4 or 5 => "red",
        6 => "green",
        _ => "grey",
    };

    /// <summary>Whether the group has stopped moving for good: completed, or failed to create or migrate.</summary>
    public static bool IsFinal(TaskGroupStatus? status) => status?.Value is 4 or 5 or 6;
}

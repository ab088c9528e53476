using System;
using System.CommandLine;
using System.CommandLine.Parsing;

namespace OmsGenerated.Cli.Commands;

/// <summary>Helpers for command validators, which run even when a value failed to parse.</summary>
internal static class Validation
{
    /// <summary>The option's value, or default when it is absent or could not be parsed (that error is reported already).</summary>
    public static T? ValueOrDefault<T>(this CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>The argument's value, or default when it is absent or could not be parsed.</summary>
    public static T? ValueOrDefault<T>(this CommandResult result, Argument<T> argument)
    {
        try
        {
            return result.GetValue(argument);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>A string ID argument (<c>group-id</c>, <c>sync-task-id</c>) that must not be blank.</summary>
    public static Argument<string> NonBlankIdArgument(string name, string resource)
    {
        var id = new Argument<string>(name) { Description = char.ToUpperInvariant(resource[0]) + resource[1..] + " ID." };
        id.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("The " + resource + " ID must not be empty.");
            }
        });
        return id;
    }

    /// <summary>Task IDs are 0 to 999999999999999 (OMS's range).</summary>
    public static void AddTaskIdRange(Argument<long> argument) => argument.Validators.Add(result =>
    {
        try
        {
            CheckTaskId(result, result.GetValueOrDefault<long>());
        }
        catch (InvalidOperationException)
        {
            // not a number: already reported
        }
    });

    public static void AddTaskIdRange(Argument<long?> argument) => argument.Validators.Add(result =>
    {
        try
        {
            if (result.GetValueOrDefault<long?>() is { } id)
            {
                CheckTaskId(result, id);
            }
        }
        catch (InvalidOperationException)
        {
            // not a number: already reported
        }
    });

    private static void CheckTaskId(ArgumentResult result, long id)
    {
        if (id is < 0 or > 999_999_999_999_999)
        {
            result.AddError("The task ID must be between 0 and 999999999999999.");
        }
    }
}

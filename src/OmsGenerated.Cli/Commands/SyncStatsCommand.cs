using System;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms sync stats &lt;sync-task-id&gt; [--type SUCCESS,FAILURE] [--hours 24]</c>: ListSyncTaskStatistic.</summary>
internal static class SyncStatsCommand
{
    private static readonly string[] s_series = { "REQUEST", "SUCCESS", "FAILURE", "SKIP", "SIZE" };

    public static Command Create(CliHost host, GlobalOptions globals)
    {
        Argument<string> id = SyncCommand.SyncTaskIdArgument();
        var types = new Option<string>("--type")
        {
            Description = "Comma-separated series: REQUEST, SUCCESS, FAILURE, SKIP, SIZE (bytes).",
            DefaultValueFactory = _ => "REQUEST,SUCCESS,FAILURE,SKIP,SIZE",
        };
        var hours = new Option<int>("--hours") { Description = "How far back, 1-720 hours (default 24).", DefaultValueFactory = _ => 24 };
        var command = new Command("stats", "Show the statistics series of a sync task over the last hours.") { id, types, hours };
        command.Validators.Add(result =>
        {
            string[] requested = (result.ValueOrDefault(types) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string[] unknown = requested.Where(t => !s_series.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (requested.Length == 0 || unknown.Length > 0)
            {
                result.AddError("--type must list series among " + string.Join(", ", s_series) + (unknown.Length > 0 ? " (not: " + string.Join(", ", unknown) + ")" : string.Empty) + ".");
            }

            if (result.ValueOrDefault(hours) is < 1 or > 720)
            {
                result.AddError("--hours must be between 1 and 720.");
            }
        });

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string dataType = string.Join(",", parse.GetValue(types)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToUpperInvariant()));
            DateTimeOffset end = DateTimeOffset.UtcNow;
            DateTimeOffset begin = end.AddHours(-parse.GetValue(hours));
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);

            // The SDK models type start_time/end_time as strings without a format; Unix milliseconds as text is what we send.
            ListSyncTaskStatisticResponse statistics = await connection.Client.ListSyncTaskStatisticAsync(
                connection.ProjectId,
                parse.GetValue(id)!.Trim(),
                dataType,
                begin.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                end.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                cancellationToken).ConfigureAwait(false);
            CommandOutput.WriteResource(context, statistics.WriteJson, console => SyncRenderer.RenderStatistics(console, statistics));
            return ExitCodes.Success;
        });
        return command;
    }
}

using System;
using System.CommandLine;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms sync list|show|start|stop|stats</c>: the sync-task commands.</summary>
internal static class SyncCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var sync = new Command("sync", "List, inspect, start and stop sync tasks, and read their statistics.");
        sync.Add(List(host, globals));
        sync.Add(Show(host, globals));
        sync.Add(SyncStartStopCommand.Create(host, globals, start: true));
        sync.Add(SyncStartStopCommand.Create(host, globals, start: false));
        sync.Add(SyncStatsCommand.Create(host, globals));
        return sync;
    }

    /// <summary>The sync-task ID argument.</summary>
    public static Argument<string> SyncTaskIdArgument() => Validation.NonBlankIdArgument("sync-task-id", "sync task");

    /// <summary>"synchronizing"/"stopped" (any case) → the status.</summary>
    public static SyncTaskStatus ParseStatus(string text) => text.Trim().ToUpperInvariant() switch
    {
        "SYNCHRONIZING" or "RUNNING" => SyncTaskStatus.Synchronizing,
        "STOPPED" => SyncTaskStatus.Stopped,
        _ => throw new UsageException("--status '" + text + "' is not a sync-task status. Valid: synchronizing, stopped."),
    };

    private static Command List(CliHost host, GlobalOptions globals)
    {
        var status = new Option<string?>("--status") { Description = "Only sync tasks in this status: synchronizing or stopped." };
        var command = new Command("list", "List sync tasks (all pages).") { status };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            SyncTaskStatus? filter = parse.GetValue(status) is { } text ? ParseStatus(text) : default(SyncTaskStatus?);
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await CommandOutput.WriteListAsync(
                context,
                connection.Client.ListAllSyncTasksAsync(filter, cancellationToken: cancellationToken),
                "tasks",
                static (task, writer) => task.WriteJson(writer),
                SyncRenderer.RenderList).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliHost host, GlobalOptions globals)
    {
        Argument<string> id = SyncTaskIdArgument();
        var command = new Command("show", "Show a sync task with this month's statistics.") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            ShowSyncTaskResponse task = await connection.Client.ShowSyncTaskAsync(connection.ProjectId, parse.GetValue(id)!.Trim(), now, cancellationToken).ConfigureAwait(false);
            CommandOutput.WriteResource(context, task.WriteJson, console => SyncRenderer.RenderDetails(console, task));
            return ExitCodes.Success;
        });
        return command;
    }
}

using System;
using System.Collections.Generic;
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
    public static Argument<string> SyncTaskIdArgument()
    {
        var id = new Argument<string>("sync-task-id") { Description = "Sync task ID." };
        id.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("The sync task ID must not be empty.");
            }
        });
        return id;
    }

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
            var tasks = new List<SyncTaskInfo>();
            await foreach (SyncTaskInfo task in connection.Client.ListAllSyncTasksAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                tasks.Add(task);
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("count", tasks.Count);
                    writer.WriteStartArray("tasks");
                    foreach (SyncTaskInfo task in tasks)
                    {
                        task.WriteJson(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                SyncRenderer.RenderList(context.Console, tasks);
            }

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
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, task.WriteJson);
            }
            else
            {
                SyncRenderer.RenderDetails(context.Console, task);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

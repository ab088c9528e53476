using System.CommandLine;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms groups list|show|create|start|stop|retry|delete</c>: the task-group commands.</summary>
internal static class GroupsCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var groups = new Command("groups", "List, inspect, create, start, stop, retry and delete task groups (one migration split into many tasks).");
        groups.Add(List(host, globals));
        groups.Add(Show(host, globals));
        groups.Add(GroupCreateCommand.Create(host, globals));
        groups.Add(GroupStartCommand.Create(host, globals, retry: false));
        groups.Add(Stop(host, globals));
        groups.Add(GroupStartCommand.Create(host, globals, retry: true));
        groups.Add(Delete(host, globals));
        return groups;
    }

    /// <summary>The task-group ID argument.</summary>
    public static Argument<string> GroupIdArgument() => Validation.NonBlankIdArgument("group-id", "task group");

    private static Command List(CliHost host, GlobalOptions globals)
    {
        var status = new Option<string?>("--status") { Description = "Only groups in this status: " + GroupStatusText.ValidNames + "." };
        var command = new Command("list", "List task groups (all pages).") { status };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            TaskGroupStatus? filter = parse.GetValue(status) is { } text ? GroupStatusText.Parse(text) : null;
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await CommandOutput.WriteListAsync(
                context,
                connection.Client.ListAllTaskGroupsAsync(filter, cancellationToken: cancellationToken),
                "taskgroups",
                static (group, writer) => group.WriteJson(writer),
                GroupRenderer.RenderList).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliHost host, GlobalOptions globals)
    {
        Argument<string> id = GroupIdArgument();
        var command = new Command("show", "Show the status, counters and progress of a task group.") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            TaskGroupResp group = await connection.Client.ShowTaskGroupAsync(connection.ProjectId, parse.GetValue(id)!.Trim(), cancellationToken).ConfigureAwait(false);
            CommandOutput.WriteResource(context, group.WriteJson, console => GroupRenderer.RenderDetails(console, group));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Stop(CliHost host, GlobalOptions globals)
    {
        Argument<string> id = GroupIdArgument();
        var command = new Command("stop", "Pause a task group that is creating or monitoring its tasks. A group that is already paused counts as success.") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string groupId = parse.GetValue(id)!.Trim();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            TaskGroupStopOutcome outcome = await connection.Client.EnsureTaskGroupStoppedAsync(groupId, cancellationToken).ConfigureAwait(false);
            CommandOutput.WriteOutcome(
                context,
                "groupId",
                groupId,
                outcome.AlreadyStopped ? "already_stopped" : "stopped",
                outcome.RequestId,
                outcome.AlreadyStopped
                    ? "Task group " + groupId + " is already paused" + CommandOutput.OmsAnswer(outcome.ErrorCode, outcome.RequestId) + "."
                    : "Task group " + groupId + " paused.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliHost host, GlobalOptions globals)
    {
        Argument<string> id = GroupIdArgument();
        var command = new Command("delete", "Delete a task group. OMS refuses while the group is creating, monitoring or pausing: stop it first.") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string groupId = parse.GetValue(id)!.Trim();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await connection.Client.DeleteTaskGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("groupId", groupId);
                    writer.WriteString("result", "deleted");
                    writer.WriteEndObject();
                });
            }
            else
            {
                context.Stdout.WriteLine("Task group " + groupId + " deleted.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

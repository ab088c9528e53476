using System;
using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary>
/// <c>oms groups start &lt;group-id&gt; [--wait]</c> (resume a paused group; already running is success) and
/// <c>oms groups retry &lt;group-id&gt; [--failed-only] [--wait]</c> (restart a failed group).
/// </summary>
internal static class GroupStartCommand
{
    public static Command Create(CliHost host, GlobalOptions globals, bool retry)
    {
        Argument<string> id = GroupsCommand.GroupIdArgument();
        var wait = new Option<bool>("--wait") { Description = "Follow the progress until the group completes (exit 0) or fails (exit 4)." };
        var failedOnly = new Option<bool>("--failed-only") { Description = "Migrate only the objects that failed before (migrate_failed_object)." };
        Option<double> interval = TasksCommand.IntervalOption();
        var keys = new TransferKeyOptions();
        Command command = retry
            ? new Command("retry", "Restart a task group whose migration failed, all of it or only the failed objects.") { id, failedOnly, wait, interval }
            : new Command("start", "Resume a paused task group. A group that is already running counts as success.") { id, wait, interval };
        keys.AddTo(command);

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string groupId = parse.GetValue(id)!.Trim();
            TransferCredentials credentials = keys.Resolve(parse, context);
            bool shouldWait = parse.GetValue(wait);
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);

            string result;
            string? requestId = null;
            string? code = null;
            if (retry)
            {
                bool onlyFailed = parse.GetValue(failedOnly);
                await connection.Client.RetryTaskGroupAsync(groupId, new RetryTaskGroupReq
                {
                    DstAk = credentials.DstAk,
                    DstSk = credentials.DstSk,
                    SrcAk = credentials.SrcAk,
                    SrcSk = credentials.SrcSk,
                    MigrateFailedObject = onlyFailed ? true : null,
                }, cancellationToken).ConfigureAwait(false);
                result = "retried";
            }
            else
            {
                TaskGroupStartOutcome outcome = await connection.Client.EnsureTaskGroupStartedAsync(groupId, new StartTaskGroupReq
                {
                    DstAk = credentials.DstAk,
                    DstSk = credentials.DstSk,
                    SrcAk = credentials.SrcAk,
                    SrcSk = credentials.SrcSk,
                }, cancellationToken).ConfigureAwait(false);
                result = outcome.AlreadyRunning ? "already_running" : "started";
                requestId = outcome.RequestId;
                code = outcome.ErrorCode;
            }

            string message = result switch
            {
                "already_running" => "Task group " + groupId + " is already running" + CommandOutput.OmsAnswer(code, requestId) + ".",
                "retried" => "Task group " + groupId + " restarted" + (parse.GetValue(failedOnly) ? " (failed objects only)." : "."),
                _ => "Task group " + groupId + " started.",
            };
            CommandOutput.WriteOutcome(context, "groupId", groupId, result, requestId, message, indented: !shouldWait);

            return shouldWait
                ? await GroupWatcher.WatchAsync(context, connection, groupId, TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken).ConfigureAwait(false)
                : ExitCodes.Success;
        });
        return command;
    }
}

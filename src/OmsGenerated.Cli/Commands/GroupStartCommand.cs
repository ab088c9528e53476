using System;
using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
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
        var dstAk = new Option<string?>("--dst-ak") { Description = "Destination access key [env: " + CliEnvironment.DstAkVariable + "]." };
        var dstSk = new Option<string?>("--dst-sk") { Description = "Destination secret key [env: " + CliEnvironment.DstSkVariable + "; prefer the environment]." };
        var srcAk = new Option<string?>("--src-ak") { Description = "Source access key [env: " + CliEnvironment.SrcAkVariable + "]." };
        var srcSk = new Option<string?>("--src-sk") { Description = "Source secret key [env: " + CliEnvironment.SrcSkVariable + "; prefer the environment]." };
        Command command = retry
            ? new Command("retry", "Restart a task group whose migration failed, all of it or only the failed objects.") { id, failedOnly, wait, interval, dstAk, dstSk, srcAk, srcSk }
            : new Command("start", "Resume a paused task group. A group that is already running counts as success.") { id, wait, interval, dstAk, dstSk, srcAk, srcSk };

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string groupId = parse.GetValue(id)!.Trim();
            TransferCredentials credentials = TransferCredentials.Resolve(
                parse.GetValue(dstAk), parse.GetValue(dstSk), parse.GetValue(srcAk), parse.GetValue(srcSk), context.Environment, context.UsesEmulator);
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

            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("groupId", groupId);
                    writer.WriteString("result", result);
                    JsonOutput.WriteStringOrNull(writer, "requestId", requestId);
                    writer.WriteEndObject();
                }, indented: !shouldWait);
            }
            else
            {
                context.Stdout.WriteLine(result switch
                {
                    "already_running" => "Task group " + groupId + " is already running (" + (code ?? "-") + ", request id " + (requestId ?? "-") + ").",
                    "retried" => "Task group " + groupId + " restarted" + (parse.GetValue(failedOnly) ? " (failed objects only)." : "."),
                    _ => "Task group " + groupId + " started.",
                });
            }

            return shouldWait
                ? await GroupWatcher.WatchAsync(context, connection, groupId, TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken).ConfigureAwait(false)
                : ExitCodes.Success;
        });
        return command;
    }
}

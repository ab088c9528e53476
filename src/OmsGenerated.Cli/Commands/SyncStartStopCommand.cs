using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms sync start|stop &lt;sync-task-id&gt;</c>: already synchronizing (start) or already stopped (stop) is success.</summary>
internal static class SyncStartStopCommand
{
    public static Command Create(CliHost host, GlobalOptions globals, bool start)
    {
        Argument<string> id = SyncCommand.SyncTaskIdArgument();
        var keys = new TransferKeyOptions();
        Command command = start
            ? new Command("start", "Start a stopped sync task (it needs both key pairs). One that is already synchronizing counts as success.") { id }
            : new Command("stop", "Stop a synchronizing sync task. One that is already stopped counts as success.") { id };
        if (start)
        {
            keys.AddTo(command);
        }

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string syncTaskId = parse.GetValue(id)!.Trim();
            StartSyncTaskReq? body = null;
            if (start)
            {
                TransferCredentials credentials = keys.Resolve(parse, context);
                (string sourceAk, string sourceSk) = keys.ResolveSource(parse, context, "to start a sync task");
                body = new StartSyncTaskReq
                {
                    SrcAk = sourceAk,
                    SrcSk = sourceSk,
                    DstAk = credentials.DstAk,
                    DstSk = credentials.DstSk,
                };
            }

            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            string result;
            string? requestId;
            string? code;
            if (body is not null)
            {
                SyncTaskStartOutcome outcome = await connection.Client.EnsureSyncTaskStartedAsync(syncTaskId, body, cancellationToken).ConfigureAwait(false);
                (result, requestId, code) = (outcome.AlreadyRunning ? "already_running" : "started", outcome.RequestId, outcome.ErrorCode);
            }
            else
            {
                SyncTaskStopOutcome outcome = await connection.Client.EnsureSyncTaskStoppedAsync(syncTaskId, cancellationToken).ConfigureAwait(false);
                (result, requestId, code) = (outcome.AlreadyStopped ? "already_stopped" : "stopped", outcome.RequestId, outcome.ErrorCode);
            }

            string label = "Sync task " + syncTaskId;
            string message = result switch
            {
                "already_running" => label + " is already synchronizing" + CommandOutput.OmsAnswer(code, requestId) + ".",
                "already_stopped" => label + " is already stopped" + CommandOutput.OmsAnswer(code, requestId) + ".",
                "started" => label + " started.",
                _ => label + " stopped.",
            };
            CommandOutput.WriteOutcome(context, "syncTaskId", syncTaskId, result, requestId, message);

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms sync start|stop &lt;sync-task-id&gt;</c>: already synchronizing (start) or already stopped (stop) is success.</summary>
internal static class SyncStartStopCommand
{
    public static Command Create(CliHost host, GlobalOptions globals, bool start)
    {
        Argument<string> id = SyncCommand.SyncTaskIdArgument();
        var dstAk = new Option<string?>("--dst-ak") { Description = "Destination access key [env: " + CliEnvironment.DstAkVariable + "]." };
        var dstSk = new Option<string?>("--dst-sk") { Description = "Destination secret key [env: " + CliEnvironment.DstSkVariable + "; prefer the environment]." };
        var srcAk = new Option<string?>("--src-ak") { Description = "Source access key [env: " + CliEnvironment.SrcAkVariable + "]." };
        var srcSk = new Option<string?>("--src-sk") { Description = "Source secret key [env: " + CliEnvironment.SrcSkVariable + "; prefer the environment]." };
        Command command = start
            ? new Command("start", "Start a stopped sync task (it needs both key pairs). One that is already synchronizing counts as success.") { id, dstAk, dstSk, srcAk, srcSk }
            : new Command("stop", "Stop a synchronizing sync task. One that is already stopped counts as success.") { id };

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            string syncTaskId = parse.GetValue(id)!.Trim();
            StartSyncTaskReq? body = null;
            if (start)
            {
                TransferCredentials credentials = TransferCredentials.Resolve(
                    parse.GetValue(dstAk), parse.GetValue(dstSk), parse.GetValue(srcAk), parse.GetValue(srcSk), context.Environment, context.UsesEmulator);
                (string sourceAk, string sourceSk) = SourceCredentials.Resolve(
                    parse.GetValue(srcAk), parse.GetValue(srcSk), context.Environment, context.UsesEmulator, "to start a sync task");
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

            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("syncTaskId", syncTaskId);
                    writer.WriteString("result", result);
                    JsonOutput.WriteStringOrNull(writer, "requestId", requestId);
                    writer.WriteEndObject();
                });
            }
            else
            {
                string label = "Sync task " + syncTaskId;
                context.Stdout.WriteLine(result switch
                {
                    "already_running" => label + " is already synchronizing (" + (code ?? "-") + ", request id " + (requestId ?? "-") + ").",
                    "already_stopped" => label + " is already stopped (" + (code ?? "-") + ", request id " + (requestId ?? "-") + ").",
                    "started" => label + " started.",
                    _ => label + " stopped.",
                });
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks stop &lt;id&gt;</c>: pauses a migrating task; "already stopped" is success.</summary>
internal static class StopCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        Argument<long> id = TasksCommand.TaskIdArgument();
        var command = new Command("stop", "Stop (pause) a migrating task. A task that is not migrating and not stopped gives OMS.0066 (exit 3).") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            long taskId = parse.GetValue(id);
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            StopOutcome outcome = await connection.Client.EnsureStoppedAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("taskId", taskId);
                    writer.WriteString("result", outcome.AlreadyStopped ? "already_stopped" : "stopped");
                    JsonOutput.WriteStringOrNull(writer, "requestId", outcome.RequestId);
                    writer.WriteEndObject();
                });
            }
            else
            {
                string task = "Task " + taskId.ToString(CultureInfo.InvariantCulture);
                context.Stdout.WriteLine(outcome.AlreadyStopped ? task + " is already stopped." : task + " stopped.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

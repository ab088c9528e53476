using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks show &lt;id&gt;</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        Argument<long> id = TasksCommand.TaskIdArgument();
        var command = new Command("show", "Show the details and progress of a migration task.") { id };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            TaskResp task = await connection.Client.ShowTaskAsync(connection.ProjectId, parse.GetValue(id), cancellationToken).ConfigureAwait(false);
            CommandOutput.WriteResource(context, task.WriteJson, console => TaskRenderer.RenderDetails(console, task));
            return ExitCodes.Success;
        });
        return command;
    }
}

using System;
using System.CommandLine;
using OmsGenerated.Cli.Configuration;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks watch &lt;id&gt;</c>: live progress until the task succeeds (exit 0) or fails (exit 4).</summary>
internal static class WatchCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        Argument<long> id = TasksCommand.TaskIdArgument();
        Option<double> interval = TasksCommand.IntervalOption();
        var command = new Command("watch", "Follow a task's progress until it succeeds (exit 0) or fails (exit 4).") { id, interval };
        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await TaskWatcher.WatchAsync(context, connection, parse.GetValue(id), TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

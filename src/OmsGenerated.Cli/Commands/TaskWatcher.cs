using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary>Polls ShowTask until the task succeeds or fails, showing each snapshot.</summary>
internal static class TaskWatcher
{
    public static async Task<int> WatchAsync(CommandContext context, OmsConnection connection, long taskId, TimeSpan interval, CancellationToken cancellationToken)
    {
        IWatchDisplay display = context.Json
            ? new JsonWatchDisplay(context.Stdout)
            : context.Interactive
                ? new LiveWatchDisplay(context.Console)
                : new PlainWatchDisplay(context.Stdout, TimeProvider.System);

        bool pausedNoticeShown = false;
        TaskResp final = await display.RunAsync(async show =>
        {
            while (true)
            {
                TaskResp task = await connection.Client.ShowTaskAsync(connection.ProjectId, taskId, cancellationToken).ConfigureAwait(false);
                show(task);
                if (task.Status == MigrationTaskStatus.Succeeded || task.Status == MigrationTaskStatus.Failed)
                {
                    return task;
                }

                if (task.Status == MigrationTaskStatus.Stopped && !pausedNoticeShown && !context.Interactive)
                {
                    pausedNoticeShown = true;
                    if (!context.Json)
                    {
                        context.Stderr.WriteLine(
                            "Task " + taskId.ToString(CultureInfo.InvariantCulture) + " is stopped (paused); still watching. Resume it with 'oms tasks start "
                            + taskId.ToString(CultureInfo.InvariantCulture) + "', or press Ctrl+C.");
                    }
                }

                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        string label = "Task " + taskId.ToString(CultureInfo.InvariantCulture) + (final.Name is { Length: > 0 } name ? " (" + name + ")" : string.Empty);
        if (final.Status == MigrationTaskStatus.Succeeded)
        {
            if (!context.Json)
            {
                context.Stdout.WriteLine(
                    label + " succeeded: " + Humanize.Number(final.SuccessfulNum) + "/" + Humanize.Number(final.TotalNum) + " objects, "
                    + Humanize.Bytes(final.CompleteSize) + (final.TotalTime is { } ms ? " in " + Humanize.Duration(ms) : string.Empty) + ".");
            }

            return ExitCodes.Success;
        }

        string code = final.ErrorReason?.ErrorCode ?? "TASK_FAILED";
        string message = label + " failed" + (final.ErrorReason?.ErrorMsg is { Length: > 0 } reason ? ": " + reason : ".");
        return WatchFailure.Report(
            context,
            code,
            message,
            "  objects:    " + Humanize.Number(final.FailedNum) + " failed of " + Humanize.Number(final.TotalNum)
                + "; restart the failed objects with 'oms tasks start " + taskId.ToString(CultureInfo.InvariantCulture) + " --failed-only'.");
    }
}

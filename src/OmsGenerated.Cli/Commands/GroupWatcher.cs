using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;
using Spectre.Console;

namespace OmsGenerated.Cli.Commands;

/// <summary>
/// Polls ShowTaskGroup until the group completes (exit 0) or fails to create or migrate (exit 4): a live bar on a
/// terminal, one line per change when redirected, one NDJSON line per poll with <c>--json</c>.
/// </summary>
internal static class GroupWatcher
{
    public static async Task<int> WatchAsync(CommandContext context, OmsConnection connection, string groupId, TimeSpan interval, CancellationToken cancellationToken)
    {
        async Task<TaskGroupResp> PollAsync(Action<TaskGroupResp> show)
        {
            bool pausedNoticeShown = false;
            while (true)
            {
                TaskGroupResp group = await connection.Client.ShowTaskGroupAsync(connection.ProjectId, groupId, cancellationToken).ConfigureAwait(false);
                show(group);
                if (GroupStatusText.IsFinal(group.Status))
                {
                    return group;
                }

                if (group.Status == TaskGroupStatus.Paused && !pausedNoticeShown && !context.Json && !context.Interactive)
                {
                    pausedNoticeShown = true;
                    context.Stderr.WriteLine("Task group " + groupId + " is paused; still watching. Resume it with 'oms groups start " + groupId + "', or press Ctrl+C.");
                }

                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            }
        }

        TaskGroupResp final;
        if (context.Json)
        {
            final = await PollAsync(group => JsonOutput.Write(context.Stdout, group.WriteJson, indented: false)).ConfigureAwait(false);
        }
        else if (context.Interactive)
        {
            final = await context.Console.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
                .StartAsync(async progress =>
                {
                    ProgressTask bar = progress.AddTask("waiting for OMS", autoStart: true, maxValue: 100);
                    TaskGroupResp last = await PollAsync(group =>
                    {
                        bar.Description = Markup.Escape(groupId + " · ") + "[" + GroupStatusText.Color(group.Status) + "]" + Markup.Escape(GroupStatusText.Name(group.Status)) + "[/]"
                            + Markup.Escape(" · tasks " + Humanize.Number(group.CompleteTaskNum) + "/" + Humanize.Number(group.TotalTaskNum));
                        bar.Value = Math.Clamp(GroupRenderer.Fraction(group) ?? 0, 0, 1) * 100;
                    }).ConfigureAwait(false);
                    bar.StopTask();
                    progress.Refresh();
                    return last;
                }).ConfigureAwait(false);
        }
        else
        {
            string? previous = null;
            final = await PollAsync(group =>
            {
                string line = GroupRenderer.Describe(group);
                if (line != previous)
                {
                    previous = line;
                    context.Stdout.WriteLine(DateTimeOffset.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + line);
                    context.Stdout.Flush();
                }
            }).ConfigureAwait(false);
        }

        if (final.Status == TaskGroupStatus.Completed)
        {
            if (!context.Json)
            {
                context.Stdout.WriteLine("Task group " + groupId + " completed: " + Humanize.Number(final.SuccessNum) + "/" + Humanize.Number(final.TotalNum)
                    + " objects, " + Humanize.Bytes(final.CompleteSize) + ".");
            }

            return ExitCodes.Success;
        }

        string code = final.ErrorReason?.ErrorCode ?? (final.Status == TaskGroupStatus.CreationFailed ? "GROUP_CREATION_FAILED" : "GROUP_FAILED");
        string message = "Task group " + groupId + " " + GroupStatusText.Name(final.Status) + (final.ErrorReason?.ErrorMsg is { Length: > 0 } reason ? ": " + reason : ".");
        return WatchFailure.Report(
            context,
            code,
            message,
            "  tasks:      " + Humanize.Number(final.FailedTaskNum) + " failed of " + Humanize.Number(final.TotalTaskNum)
                + "; retry the failed objects with 'oms groups retry " + groupId + " --failed-only'.");
    }
}

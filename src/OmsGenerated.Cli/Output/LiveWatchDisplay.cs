using System;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Spectre.Console;

namespace OmsGenerated.Cli.Output;

/// <summary>A live Spectre progress bar: description, bar, percentage, transferred/total, speed, remaining time.</summary>
internal sealed class LiveWatchDisplay : IWatchDisplay
{
    private readonly IAnsiConsole _console;

    public LiveWatchDisplay(IAnsiConsole console)
    {
        _console = console;
    }

    public Task<TaskResp> RunAsync(Func<Action<TaskResp>, Task<TaskResp>> poll)
    {
        return _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new TaskSizeColumn(),
                new TaskSpeedColumn(),
                new TaskRemainingColumn())
            .StartAsync(async context =>
            {
                ProgressTask bar = context.AddTask("waiting for OMS", autoStart: true, maxValue: 100);
                TaskResp final = await poll(task =>
                {
                    bar.Tag = task;
                    bar.Description = Markup.Escape((task.Name ?? "task") + " · ") + "[" + TaskStatusText.Color(task.Status) + "]"
                        + Markup.Escape(TaskStatusText.Name(task.Status)) + "[/]";
                    bar.Value = Math.Clamp(task.Progress ?? 0, 0, 1) * 100;
                }).ConfigureAwait(false);
                if (final.Status == MigrationTaskStatus.Succeeded)
                {
                    bar.Value = 100;
                }

                bar.StopTask();
                context.Refresh();
                return final;
            });
    }
}

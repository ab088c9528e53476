using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Oms;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>Human output of tasks: the list table and the details of one task.</summary>
internal static class TaskRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<TaskResp> tasks, long? total)
    {
        ListTable.Write(
            console,
            tasks,
            "tasks",
            [
                new TableColumn("ID"), new TableColumn("Name"), new TableColumn("Status"), new TableColumn("Progress").RightAligned(),
                new TableColumn("Objects").RightAligned(), new TableColumn("Size").RightAligned(), new TableColumn("Speed").RightAligned(),
            ],
            task =>
            [
                new Text(task.Id?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(task.Name ?? "-"),
                StatusMarkup(task.Status),
                new Text(Humanize.Percent(task.Progress)),
                new Text(Humanize.Number(task.SuccessfulNum) + "/" + Humanize.Number(task.TotalNum)),
                new Text(Humanize.Bytes(task.CompleteSize) + " / " + Humanize.Bytes(task.TotalSize)),
                new Text(task.Status == MigrationTaskStatus.Executing ? Humanize.Speed(task.MigrateSpeed) : "-"),
            ],
            total is { } count && count != tasks.Count
                ? tasks.Count.ToString(CultureInfo.InvariantCulture) + " of " + count.ToString(CultureInfo.InvariantCulture) + " tasks"
                : ListTable.Count(tasks.Count, "task"));
    }

    public static void RenderDetails(IAnsiConsole console, TaskResp task)
    {
        var grid = new DetailsGrid();
        grid.TextRow("ID", task.Id?.ToString(CultureInfo.InvariantCulture));
        grid.TextRow("Name", task.Name);
        grid.Row("Status", StatusMarkup(task.Status));
        grid.TextRow("Progress", Humanize.Percent(task.Progress));
        grid.TextRow("Objects", Humanize.Number(task.SuccessfulNum) + " succeeded, " + Humanize.Number(task.FailedNum) + " failed, "
            + Humanize.Number(task.SkippedNum) + " skipped, of " + Humanize.Number(task.TotalNum));
        grid.TextRow("Size", Humanize.Bytes(task.CompleteSize) + " / " + Humanize.Bytes(task.TotalSize));
        bool running = task.Status == MigrationTaskStatus.Executing || task.Status == MigrationTaskStatus.Retrying;
        grid.TextRow("Speed", running ? Humanize.Speed(task.MigrateSpeed) : "-");
        grid.TextRow("Remaining", running ? Humanize.Duration(task.LeftTime) : "-");
        grid.TextRow("Elapsed", Humanize.Duration(task.TotalTime));
        grid.OptionalTextRow("Source", task.SrcNode is { } src ? BucketText.Source(src.CloudType?.ToString(), src.Region, src.Bucket) : null);
        grid.OptionalTextRow("Destination", task.DstNode is { } dst ? BucketText.Destination(dst.Region, dst.Bucket, dst.SavePrefix) : null);
        grid.OptionalTextRow("Group", task.GroupId);
        grid.OptionalTextRow("Description", task.Description);
        grid.ErrorRow(task.ErrorReason?.ErrorCode, task.ErrorReason?.ErrorMsg);
        grid.WriteTo(console);
    }

    public static IRenderable StatusMarkup(MigrationTaskStatus? status)
        => new Markup("[" + TaskStatusText.Color(status) + "]" + Markup.Escape(TaskStatusText.Name(status)) + "[/]");
}

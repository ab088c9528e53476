using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Oms;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>Human output of task groups: the list table, the details of one group, and the one-line summary of a poll.</summary>
internal static class GroupRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<TaskGroupResp> groups)
    {
        ListTable.Write(
            console,
            groups,
            "task groups",
            [
                new TableColumn("ID"), new TableColumn("Status"), new TableColumn("Type"), new TableColumn("Tasks").RightAligned(),
                new TableColumn("Objects").RightAligned(), new TableColumn("Size").RightAligned(), new TableColumn("Description"),
            ],
            group =>
            [
                new Text(group.GroupId ?? "-"),
                StatusMarkup(group.Status),
                new Text(group.TaskType?.ToString() ?? "-"),
                new Text(Humanize.Number(group.CompleteTaskNum) + "/" + Humanize.Number(group.TotalTaskNum)),
                new Text(Humanize.Number(group.SuccessNum) + "/" + Humanize.Number(group.TotalNum)),
                new Text(Humanize.Bytes(group.CompleteSize) + " / " + Humanize.Bytes(group.TotalSize)),
                new Text(string.IsNullOrEmpty(group.Description) ? "-" : group.Description),
            ],
            ListTable.Count(groups.Count, "task group"));
    }

    public static void RenderDetails(IAnsiConsole console, TaskGroupResp group)
    {
        var grid = new DetailsGrid();
        grid.TextRow("ID", group.GroupId);
        grid.Row("Status", StatusMarkup(group.Status));
        grid.TextRow("Type", group.TaskType?.ToString());
        grid.TextRow("Tasks", Humanize.Number(group.TotalTaskNum) + " total, " + Humanize.Number(group.CreateTaskNum) + " created, "
            + Humanize.Number(group.ExecutingTaskNum) + " executing, " + Humanize.Number(group.WaitingTaskNum) + " waiting, "
            + Humanize.Number(group.PausedTaskNum) + " paused, " + Humanize.Number(group.CompleteTaskNum) + " completed, "
            + Humanize.Number(group.FailedTaskNum) + " failed");
        grid.TextRow("Objects", Humanize.Number(group.SuccessNum) + " succeeded, " + Humanize.Number(group.FailNum) + " failed, "
            + Humanize.Number(group.SkipNum) + " skipped, of " + Humanize.Number(group.TotalNum));
        grid.TextRow("Size", Humanize.Bytes(group.CompleteSize) + " / " + Humanize.Bytes(group.TotalSize));
        grid.TextRow("Speed", group.Status?.Value is 1 or 2 ? Humanize.Speed(group.MigrateSpeed) : "-");
        grid.TextRow("Elapsed", Humanize.Duration(group.TotalTime));
        grid.OptionalTextRow("Source", group.SrcNode is { } src ? BucketText.Source(src.CloudType?.ToString(), src.Region, src.Bucket) : null);
        grid.OptionalTextRow("Destination", group.DstNode is { } dst ? BucketText.Destination(dst.Region, dst.Bucket, dst.SavePrefix) : null);
        grid.OptionalTextRow("Description", group.Description);
        grid.ErrorRow(group.ErrorReason?.ErrorCode, group.ErrorReason?.ErrorMsg);
        grid.WriteTo(console);
    }

    /// <summary>One line for a poll of <c>--wait</c> on redirected output.</summary>
    public static string Describe(TaskGroupResp group)
        => (group.GroupId ?? "?") + "  " + GroupStatusText.Name(group.Status)
            + "  " + Humanize.Percent(Fraction(group))
            + "  " + Humanize.Bytes(group.CompleteSize) + " / " + Humanize.Bytes(group.TotalSize)
            + "  tasks " + Humanize.Number(group.CompleteTaskNum) + "/" + Humanize.Number(group.TotalTaskNum)
            + "  objects " + Humanize.Number(group.SuccessNum) + "/" + Humanize.Number(group.TotalNum)
            + (group.Status?.Value is 1 or 2 ? "  " + Humanize.Speed(group.MigrateSpeed) : string.Empty);

    /// <summary>Bytes migrated of the total, or null while the total is unknown.</summary>
    public static double? Fraction(TaskGroupResp group)
        => group.TotalSize is > 0 and { } total ? (double)(group.CompleteSize ?? 0) / total : null;

    public static IRenderable StatusMarkup(TaskGroupStatus? status)
        => new Markup("[" + GroupStatusText.Color(status) + "]" + Markup.Escape(GroupStatusText.Name(status)) + "[/]");
}

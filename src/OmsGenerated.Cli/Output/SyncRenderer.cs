using System;
using System.Collections.Generic;
using System.Globalization;
using OmsGenerated.Oms;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>Human output of sync tasks: the list table, the details with the month's statistics, and the statistics series.</summary>
internal static class SyncRenderer
{
    public static void RenderList(IAnsiConsole console, IReadOnlyList<SyncTaskInfo> tasks)
    {
        ListTable.Write(
            console,
            tasks,
            "sync tasks",
            [new TableColumn("ID"), new TableColumn("Status"), new TableColumn("Source"), new TableColumn("Destination"), new TableColumn("Created")],
            task =>
            [
                new Text(task.SyncTaskId ?? "-"),
                StatusMarkup(task.Status),
                new Text(BucketText.Source(task.SrcCloudType?.ToString(), task.SrcRegion, task.SrcBucket)),
                new Text(BucketText.Destination(task.DstRegion, task.DstBucket)),
                new Text(Time(task.CreateTime)),
            ],
            ListTable.Count(tasks.Count, "sync task"));
    }

    public static void RenderDetails(IAnsiConsole console, ShowSyncTaskResponse task)
    {
        var grid = new DetailsGrid();
        grid.TextRow("ID", task.SyncTaskId);
        grid.Row("Status", StatusMarkup(task.Status));
        grid.TextRow("Source", BucketText.Source(task.SrcCloudType?.ToString(), task.SrcRegion, task.SrcBucket));
        grid.TextRow("Destination", BucketText.Destination(task.DstRegion, task.DstBucket));
        grid.TextRow("Created", Time(task.CreateTime));
        grid.TextRow("Last started", Time(task.LastStartTime));
        grid.TextRow("This month", Humanize.Number(task.MonthlyAcceptanceRequest) + " requested, " + Humanize.Number(task.MonthlySuccessObject) + " synchronized, "
            + Humanize.Number(task.MonthlyFailureObject) + " failed, " + Humanize.Number(task.MonthlySkipObject) + " skipped, " + Humanize.Bytes(task.MonthlySize));
        grid.TextRow("Description", task.Description);
        grid.WriteTo(console);
    }

    public static void RenderStatistics(IAnsiConsole console, ListSyncTaskStatisticResponse statistics)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Series");
        table.AddColumn("Time");
        table.AddColumn(new TableColumn("Value").RightAligned());
        foreach (StatisticTypeData series in statistics.StatisticDatas ?? new List<StatisticTypeData>())
        {
            bool bytes = string.Equals(series.DataType, "SIZE", StringComparison.OrdinalIgnoreCase);
            foreach (StatisticData point in series.Data ?? new List<StatisticData>())
            {
                table.AddRow(
                    new Text(series.DataType ?? "?"),
                    new Text(Time(point.TimeStamp)),
                    new Text(bytes ? Humanize.Bytes(point.StatisticNum) : Humanize.Number(point.StatisticNum)));
            }
        }

        console.Write(table);
        console.WriteLine("Interval: " + (statistics.StatisticTimeType ?? "-"));
    }

    public static IRenderable StatusMarkup(SyncTaskStatus? status)
    {
        string name = status?.ToString() ?? "-";
        string color = status == SyncTaskStatus.Synchronizing ? "blue" : status == SyncTaskStatus.Stopped ? "yellow" : "grey";
        return new Markup("[" + color + "]" + Markup.Escape(name.ToLowerInvariant()) + "[/]");
    }

    /// <summary>Unix milliseconds as UTC <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static string Time(long? unixMilliseconds)
        => unixMilliseconds is { } ms && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z"
            : "-";
}

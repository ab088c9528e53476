using System;
using OmsGenerated.Oms;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>Transferred / total size, from the latest <see cref="TaskResp"/> in <see cref="ProgressTask.Tag"/>.</summary>
internal sealed class TaskSizeColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override int? GetColumnWidth(RenderOptions options) => 21; // "1023.9 MiB/1023.9 MiB"

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        => task.Tag is TaskResp resp ? new Text(Humanize.Bytes(resp.CompleteSize) + "/" + Humanize.Bytes(resp.TotalSize)) : new Text("-");
}

/// <summary>OMS's reported speed (migrate_speed, bytes per second).</summary>
internal sealed class TaskSpeedColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        => task.Tag is TaskResp { Status: { } status } resp && (status == MigrationTaskStatus.Executing || status == MigrationTaskStatus.Retrying)
            ? new Text(Humanize.Speed(resp.MigrateSpeed), new Style(Color.Aqua))
            : new Text("-");
}

/// <summary>OMS's estimate of the remaining time (left_time, milliseconds).</summary>
internal sealed class TaskRemainingColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        => task.Tag is TaskResp { Status: { } status } resp && (status == MigrationTaskStatus.Executing || status == MigrationTaskStatus.Retrying)
            ? new Text("ETA " + Humanize.Duration(resp.LeftTime), new Style(Color.Grey))
            : new Text(string.Empty);
}

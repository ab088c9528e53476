using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Output;

/// <summary>One line per change, for redirected output, CI logs and tests.</summary>
internal sealed class PlainWatchDisplay : IWatchDisplay
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private string? _last;

    public PlainWatchDisplay(TextWriter output, TimeProvider time)
    {
        _output = output;
        _time = time;
    }

    public Task<TaskResp> RunAsync(Func<Action<TaskResp>, Task<TaskResp>> poll) => poll(Show);

    internal static string Describe(TaskResp task)
    {
        string line = (task.Id?.ToString(CultureInfo.InvariantCulture) ?? "?") + " " + (task.Name ?? "?")
            + "  " + TaskStatusText.Name(task.Status)
            + "  " + Humanize.Percent(task.Progress)
            + "  " + Humanize.Bytes(task.CompleteSize) + " / " + Humanize.Bytes(task.TotalSize)
            + "  " + Humanize.Number(task.SuccessfulNum) + "/" + Humanize.Number(task.TotalNum) + " objects";
        if (task.Status == MigrationTaskStatus.Executing || task.Status == MigrationTaskStatus.Retrying)
        {
            line += "  " + Humanize.Speed(task.MigrateSpeed) + "  ETA " + Humanize.Duration(task.LeftTime);
        }

        return line;
    }

    private void Show(TaskResp task)
    {
        string line = Describe(task);
        if (line == _last)
        {
            return; // unchanged since the last poll
        }

        _last = line;
        _output.WriteLine(_time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "  " + line);
        _output.Flush();
    }
}

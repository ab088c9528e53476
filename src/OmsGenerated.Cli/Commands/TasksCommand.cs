using System.CommandLine;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks …</c>: the migration task commands.</summary>
internal static class TasksCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var tasks = new Command("tasks", "List, inspect, start, stop and watch migration tasks.");
        tasks.Add(ListCommand.Create(host, globals));
        tasks.Add(ShowCommand.Create(host, globals));
        tasks.Add(StartCommand.Create(host, globals));
        tasks.Add(StopCommand.Create(host, globals));
        tasks.Add(WatchCommand.Create(host, globals));
        return tasks;
    }

    /// <summary>The task ID argument.</summary>
    public static Argument<long> TaskIdArgument()
    {
        var id = new Argument<long>("id") { Description = "Migration task ID." };
        Validation.AddTaskIdRange(id);
        return id;
    }

    /// <summary>The polling interval of watch and --wait.</summary>
    public static Option<double> IntervalOption()
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between status polls.",
            DefaultValueFactory = _ => 1.0,
        };
        interval.Validators.Add(result =>
        {
            double value;
            try
            {
                value = result.GetValueOrDefault<double>();
            }
            catch (System.InvalidOperationException)
            {
                return; // not a number: already reported
            }

            if (!(value > 0) || value > 3600)
            {
                result.AddError("--interval must be greater than 0 and at most 3600 seconds.");
            }
        });
        return interval;
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Emulator;
using OmsGenerated.Emulator.State;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms emulator status|reset</c>: the embedded emulator's state file, without starting the emulator.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var emulator = new Command("emulator", "The embedded OMS emulator's state (a SQLite file shared by consecutive commands).");

        var status = new Command("status", "Show where the embedded emulator keeps its state and what it holds.");
        CommandRunner.SetHandler(status, host, globals, (context, _, _) =>
            Task.FromResult(Print(context, Open(context, EmulatorStateFile.Describe), reset: false)));
        emulator.Add(status);

        var reset = new Command("reset", "Throw the embedded emulator's state away and seed the demo tasks 1001-1005 again.");
        CommandRunner.SetHandler(reset, host, globals, (context, _, _) =>
            Task.FromResult(Print(context, Open(context, EmulatorStateFile.Reset), reset: true)));
        emulator.Add(reset);
        return emulator;
    }

    private static EmulatorStateInfo Open(CommandContext context, Func<OmsEmulatorOptions, EmulatorStateInfo> action)
    {
        OmsEmulatorOptions options = ConnectionFactory.EmulatorOptions(context.Settings, context.Environment);
        try
        {
            return action(options);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new UsageException("The emulator state " + options.StatePath + " cannot be used: " + e.Message, e);
        }
    }

    private static int Print(CommandContext context, EmulatorStateInfo info, bool reset)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("path", info.Location);
                writer.WriteNumber("schema_version", info.SchemaVersion);
                writer.WriteNumber("tasks", info.Tasks);
                writer.WriteNumber("task_groups", info.TaskGroups);
                writer.WriteNumber("sync_tasks", info.SyncTasks);
                writer.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (reset)
        {
            context.Stdout.WriteLine("Reset the emulator state: demo tasks 1001-1005 seeded again.");
        }

        context.Stdout.WriteLine("path:           " + info.Location);
        context.Stdout.WriteLine("schema version: " + info.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        context.Stdout.WriteLine("tasks:          " + info.Tasks.ToString(CultureInfo.InvariantCulture));
        context.Stdout.WriteLine("task groups:    " + info.TaskGroups.ToString(CultureInfo.InvariantCulture));
        context.Stdout.WriteLine("sync tasks:     " + info.SyncTasks.ToString(CultureInfo.InvariantCulture));
        return ExitCodes.Success;
    }
}

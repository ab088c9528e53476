using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Emulator;

/// <summary>
/// Standalone runs: <c>dotnet run --project src/OmsGenerated.Emulator -- --port 5080 --speed 20 --faults "503=0.1,seed=7"</c>.
/// Prints the base address, AK and project ID (the SK only with --show-secret); Ctrl+C stops.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: OmsGenerated.Emulator [options]
          --port <n>             TCP port on 127.0.0.1 (default 5080; 0 = any free port)
          --speed <x>            simulated seconds per real second (default 20)
          --faults <spec>        e.g. "500=0.05,502=0.05,503=0.05,429=0.05,reset=0.02,slow=0.02,truncate=0.02,seed=7"
          --no-demo              do not create the demo tasks 1001-1005 (when the state is new)
          --db <file>            keep the state in this SQLite file (shared with other processes, kept between runs)
          --in-memory            keep the state in memory only (the default)
          --ak <ak>              access key (default EMULATORACCESSKEY000)
          --sk <sk>              secret key (default emulator-secret-key-for-local-use-only)
          --project-id <id>      project ID (default 0e5f0a8d4c2b4e7f9a1b2c3d4e5f6a7b)
          --auth-token <token>   also accept this X-Auth-Token
          --max-clock-skew <min> allowed X-Sdk-Date skew in minutes (default 15)
          --show-secret          also print the SK
          --verbose              print one line per request
          --help                 this text
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new OmsEmulatorOptions { Port = 5080, SpeedFactor = 20 };
        bool showSecret = false;
        bool verbose = false;
        try
        {
            var queue = new Queue<string>(args);
            while (queue.Count > 0)
            {
                string arg = queue.Dequeue();
                switch (arg)
                {
                    case "--help" or "-h" or "-?":
                        Console.WriteLine(Usage);
                        return 0;
                    case "--port":
                        options.Port = int.Parse(Value(queue, arg), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--speed":
                        options.SpeedFactor = double.Parse(Value(queue, arg), NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "--faults":
                        options.Faults = FaultOptions.Parse(Value(queue, arg));
                        break;
                    case "--db":
                        options.StatePath = Value(queue, arg);
                        break;
                    case "--in-memory":
                        options.StatePath = null;
                        break;
                    case "--no-demo":
                        options.SeedDemoTasks = false;
                        break;
                    case "--ak":
                        options.AccessKey = Value(queue, arg);
                        break;
                    case "--sk":
                        options.SecretKey = Value(queue, arg);
                        break;
                    case "--project-id":
                        options.ProjectId = Value(queue, arg);
                        break;
                    case "--auth-token":
                        options.AuthToken = Value(queue, arg);
                        break;
                    case "--max-clock-skew":
                        options.MaxClockSkew = TimeSpan.FromMinutes(double.Parse(Value(queue, arg), NumberStyles.Float, CultureInfo.InvariantCulture));
                        break;
                    case "--show-secret":
                        showSecret = true;
                        break;
                    case "--verbose" or "-v":
                        verbose = true;
                        break;
                    default:
                        throw new ArgumentException("unknown option '" + arg + "'");
                }
            }
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine("error: " + exception.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (verbose)
        {
            TextWriter log = TextWriter.Synchronized(Console.Out);
            options.RequestLog = line => log.WriteLine(DateTimeOffset.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + line);
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        OmsEmulator emulator;
        try
        {
            emulator = await OmsEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or InvalidOperationException or OperationCanceledException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine("error: the emulator could not start: " + exception.Message);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            Console.WriteLine("OMS emulator listening on " + emulator.BaseAddress.ToString().TrimEnd('/'));
            Console.WriteLine("  access key (AK): " + emulator.Credentials.AccessKey);
            Console.WriteLine("  secret key (SK): " + (showSecret ? emulator.Credentials.SecretKey : "*** (--show-secret prints it)"));
            Console.WriteLine("  project id:      " + emulator.ProjectId);
            Console.WriteLine("  speed:           x" + options.SpeedFactor.ToString(CultureInfo.InvariantCulture) + " (simulated seconds per second)");
            Console.WriteLine("  faults:          " + options.Faults);
            Console.WriteLine("  state:           " + emulator.StateLocation);
            if (emulator.DemoTaskIds.Count > 0)
            {
                Console.WriteLine("  demo tasks:      " + string.Join(", ", emulator.DemoTaskIds));
            }

            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C
            }

            Console.WriteLine("Stopping. " + emulator.Statistics);
        }

        return 0;
    }

    private static string Value(Queue<string> queue, string option)
        => queue.Count > 0 ? queue.Dequeue() : throw new ArgumentException(option + " needs a value");
}

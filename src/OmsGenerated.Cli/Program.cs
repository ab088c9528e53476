using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli;

// The process entry point: real console, real environment, Ctrl+C. Everything else is in OmsCli.RunAsync.
var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string;
}

using var cancellation = new CancellationTokenSource();
ConsoleCancelEventHandler onCancel = (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true; // first Ctrl+C: cancel gracefully (exit 130); a second one terminates the process
        cancellation.Cancel();
    }
};
Console.CancelKeyPress += onCancel;
try
{
    var host = new CliHost(Console.Out, Console.Error, environment, StdoutIsTerminal: !Console.IsOutputRedirected);
    return await OmsCli.RunAsync(args, host, cancellation.Token).ConfigureAwait(false);
}
finally
{
    Console.CancelKeyPress -= onCancel;
}

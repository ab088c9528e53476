using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;

namespace OmsGenerated.Cli.Commands;

/// <summary>Wires a command's handler: builds its <see cref="CommandContext"/>, maps every exception to an exit code.</summary>
internal static class CommandRunner
{
    public static void SetHandler(
        Command command,
        CliHost host,
        GlobalOptions globals,
        Func<CommandContext, ParseResult, CancellationToken, Task<int>> handler)
    {
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            GlobalSettings settings = globals.Read(parse);
            var context = new CommandContext(host, settings);
            try
            {
                return await handler(context, parse, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return ErrorReporter.Report(host, settings.Json, settings.Verbose, e, cancellationToken);
            }
            finally
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
        });
    }
}

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Commands;
using OmsGenerated.Cli.Output;

namespace OmsGenerated.Cli;

/// <summary>The <c>oms</c> command line, callable in-process (tests) as well as from <c>Program</c>.</summary>
public static class OmsCli
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Receives results (tables, JSON). Treated as not a terminal: plain progress lines, no colours.</param>
    /// <param name="stderr">Receives notices, logs and errors.</param>
    /// <param name="environment">The environment variables to use instead of the process environment.</param>
    /// <param name="cancellationToken">Cancels the command (exit code 130).</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IDictionary<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(environment);
        return RunAsync(args, new CliHost(stdout, stderr, environment, StdoutIsTerminal: false), cancellationToken);
    }

    internal static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        RootCommand root = CommandTree.Create(host);
        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            ErrorReporter.ReportUsageErrors(host, parse);
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            EnableDefaultExceptionHandler = false, // every command reports its own errors (CommandRunner)
            ProcessTerminationTimeout = null,      // Ctrl+C is turned into the cancellation token by Program
        };
        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Only reached for failures outside a command's own handling (e.g. writing help to a closed stream).
            return ErrorReporter.Report(host, json: false, verbose: false, e, cancellationToken);
        }
    }
}

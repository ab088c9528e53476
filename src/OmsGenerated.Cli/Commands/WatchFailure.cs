using OmsGenerated.Cli.Output;

namespace OmsGenerated.Cli.Commands;

/// <summary>How <c>--wait</c> ends when what it watched failed: the error on stderr, exit 4.</summary>
internal static class WatchFailure
{
    /// <param name="detail">The human line after the code, e.g. "  objects:    3 failed of 10; restart …".</param>
    public static int Report(CommandContext context, string code, string message, string detail)
    {
        if (context.Json)
        {
            ErrorReporter.Write(context.Stderr, json: true, new ErrorReporter.Problem(ExitCodes.TaskFailed, code, message));
        }
        else
        {
            context.Stderr.WriteLine("error: " + message);
            context.Stderr.WriteLine("  code:       " + code);
            context.Stderr.WriteLine(detail);
        }

        return ExitCodes.TaskFailed;
    }
}

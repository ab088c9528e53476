namespace OmsGenerated.Cli;

/// <summary>The process exit codes of <c>oms</c> (also listed in <c>oms --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded (including "already running" for <c>tasks start</c>).</summary>
    public const int Success = 0;

    /// <summary>An unexpected error (a bug or an environment problem); run with <c>--verbose</c> for details.</summary>
    public const int UnexpectedError = 1;

    /// <summary>Invalid arguments or configuration (missing credentials, unknown region, invalid request values).</summary>
    public const int UsageError = 2;

    /// <summary>OMS (or the API gateway) answered with an error response, e.g. OMS.1009 or APIGW.0301.</summary>
    public const int ApiError = 3;

    /// <summary>The watched task or task group failed (<c>tasks watch</c>, <c>tasks start --wait</c>, <c>groups start|retry --wait</c>).</summary>
    public const int TaskFailed = 4;

    /// <summary>A network failure or timeout, after the retries.</summary>
    public const int NetworkError = 5;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit-code table shown by <c>--help</c>.</summary>
    internal const string HelpTable =
        "Exit codes:\n"
        + "  0    success (tasks start: also when the task is already running)\n"
        + "  1    unexpected error (run with --verbose for details)\n"
        + "  2    usage or configuration error\n"
        + "  3    OMS/API gateway error response (code, message and request id are printed)\n"
        + "  4    the task or task group failed (tasks watch, tasks start --wait, groups start/retry --wait)\n"
        + "  5    network error or timeout, after retries\n"
        + "  130  cancelled (Ctrl+C)";
}

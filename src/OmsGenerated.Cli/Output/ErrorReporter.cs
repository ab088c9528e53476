using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Options;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Errors;
using Polly.Timeout;

namespace OmsGenerated.Cli.Output;

/// <summary>
/// Turns exceptions into an exit code and a short report on stderr (JSON with <c>--json</c>). Expected errors never show a
/// stack trace; unexpected ones show it only with <c>--verbose</c>. Reports never contain credentials: the messages used
/// come from OMS, from validation (which never includes values) or from this CLI.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>A problem to report: what the JSON error object holds.</summary>
    internal sealed record Problem(int ExitCode, string Code, string Message, string? Detail = null, string? RequestId = null, int? Status = null, string? Action = null);

    public static int Report(CliHost host, bool json, bool verbose, Exception exception, CancellationToken cancellationToken)
    {
        Problem problem = Classify(exception, cancellationToken);
        Write(host.Stderr, json, problem);
        if (problem.ExitCode == ExitCodes.UnexpectedError)
        {
            if (verbose)
            {
                host.Stderr.WriteLine(exception.ToString());
            }
            else if (!json)
            {
                host.Stderr.WriteLine("Run with --verbose for details.");
            }
        }

        host.Stderr.Flush();
        return problem.ExitCode;
    }

    public static void ReportUsageErrors(CliHost host, ParseResult parse)
    {
        bool json = parse.Tokens.Any(t => t.Value == "--json");
        string message = string.Join(" ", parse.Errors.Select(e => e.Message).Distinct());
        if (json)
        {
            Write(host.Stderr, json: true, new Problem(ExitCodes.UsageError, "USAGE", message));
        }
        else
        {
            foreach (string error in parse.Errors.Select(e => e.Message).Distinct())
            {
                host.Stderr.WriteLine("error: " + error);
            }

            host.Stderr.WriteLine("Run 'oms --help' (or 'oms <command> --help') for usage.");
        }

        host.Stderr.Flush();
    }

    internal static Problem Classify(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return new Problem(ExitCodes.Cancelled, "CANCELLED", "Cancelled.");
            case UsageException usage:
                return new Problem(ExitCodes.UsageError, "USAGE", usage.Message);
            case OptionsValidationException validation:
                return new Problem(ExitCodes.UsageError, "USAGE", string.Join(" ", validation.Failures));
            case ArgumentException argument:
                // Request validation (Guard) and credential checks: the messages name the field, never the value.
                return new Problem(ExitCodes.UsageError, "USAGE", "Invalid value: " + argument.Message);
            case TaskNotStartedException notStarted:
                return new Problem(
                    ExitCodes.ApiError,
                    OmsErrorCodes.Oms0065,
                    notStarted.Message,
                    notStarted.Status is { } status ? "task status: " + TaskStatusText.Name(status) : null,
                    notStarted.RequestId,
                    (notStarted.InnerException as ErrorResponseException)?.StatusCode);
            case ErrorResponseException oms:
                return new Problem(
                    ExitCodes.ApiError,
                    oms.ErrorCode ?? "HTTP." + oms.StatusCode.ToString(CultureInfo.InvariantCulture),
                    oms.ErrorMessage ?? "OMS answered HTTP " + oms.StatusCode.ToString(CultureInfo.InvariantCulture) + ".",
                    oms.ErrorDetail ?? RedirectDetail(oms),
                    oms.RequestId,
                    oms.StatusCode,
                    oms.KnownError?.Action);
            case ApiErrorException api:
                return new Problem(
                    ExitCodes.ApiError,
                    api.ErrorCode ?? "HTTP." + api.StatusCode.ToString(CultureInfo.InvariantCulture),
                    api.ErrorMessage ?? api.Message,
                    api.ErrorDetail ?? RedirectDetail(api),
                    api.RequestId,
                    api.StatusCode == 0 ? null : api.StatusCode);
            case TimeoutRejectedException timeout:
                return new Problem(ExitCodes.NetworkError, "TIMEOUT", "The request timed out after " + Humanize.Duration(timeout.Timeout) + " (retries included); raise --timeout or try again.");
            case HttpRequestException http:
                return new Problem(ExitCodes.NetworkError, "NETWORK", "Network error: " + Describe(http));
            case OperationCanceledException:
                return new Problem(ExitCodes.NetworkError, "TIMEOUT", "The request timed out.");
            default:
                return new Problem(ExitCodes.UnexpectedError, "UNEXPECTED", "Unexpected error (" + exception.GetType().Name + "): " + FirstLine(exception.Message));
        }
    }

    /// <summary>For a 3xx: where it pointed (without the query, which may carry a token of the target).</summary>
    private static string? RedirectDetail(ApiErrorException error)
        => error.StatusCode is >= 300 and <= 399
            ? "the redirect" + (error.Location is { IsAbsoluteUri: true } location ? " to " + location.GetLeftPart(UriPartial.Path) : string.Empty)
                + " was not followed (credentials stay on the configured endpoint); check --endpoint"
            : null;

    internal static void Write(TextWriter stderr, bool json, Problem problem)
    {
        if (json)
        {
            JsonOutput.Write(stderr, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("code", problem.Code);
                writer.WriteString("message", problem.Message);
                JsonOutput.WriteStringOrNull(writer, "detail", problem.Detail);
                JsonOutput.WriteStringOrNull(writer, "requestId", problem.RequestId);
                if (problem.Status is { } status)
                {
                    writer.WriteNumber("status", status);
                }
                else
                {
                    writer.WriteNull("status");
                }

                if (problem.Action is not null)
                {
                    writer.WriteString("action", problem.Action);
                }

                writer.WriteNumber("exitCode", problem.ExitCode);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }, indented: false);
            return;
        }

        if (problem.ExitCode == ExitCodes.ApiError)
        {
            stderr.WriteLine("error: " + problem.Code + ": " + problem.Message);
            if (problem.Detail is { Length: > 0 } detail)
            {
                stderr.WriteLine("  detail:     " + detail);
            }

            stderr.WriteLine("  request id: " + (problem.RequestId ?? "(none)"));
            if (problem.Status is { } status)
            {
                stderr.WriteLine("  HTTP:       " + status.ToString(CultureInfo.InvariantCulture));
            }

            if (problem.Action is { Length: > 0 } action)
            {
                stderr.WriteLine("  advice:     " + action);
            }
        }
        else
        {
            stderr.WriteLine("error: " + problem.Message);
        }
    }

    private static string Describe(HttpRequestException exception)
    {
        string message = FirstLine(exception.Message);
        if (exception.InnerException is { Message: { Length: > 0 } inner } && !message.Contains(inner, StringComparison.Ordinal))
        {
            message += " (" + FirstLine(inner) + ")";
        }

        return message;
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        return newline < 0 ? text : text[..newline];
    }
}

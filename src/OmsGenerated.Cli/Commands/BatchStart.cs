using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Errors;
using Polly.Timeout;
using Spectre.Console;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks start --status &lt;s&gt;</c>: starts every task in a status, a bounded number at a time, then prints a summary.</summary>
internal static class BatchStart
{
    /// <summary>The result for one task.</summary>
    private sealed record Row(long TaskId, string? Name, string Result, string? Code, string? Message, string? RequestId, int ExitCode);

    public static async Task<int> RunAsync(
        CommandContext context, OmsConnection connection, MigrationTaskStatus status, StartTaskReq request, int concurrency, CancellationToken cancellationToken)
    {
        (List<TaskResp> tasks, _) = await TaskQueries.ListAllAsync(connection, status, name: null, cancellationToken).ConfigureAwait(false);
        var targets = tasks.Where(t => t.Id is not null).ToList();
        var rows = new ConcurrentBag<Row>();
        await Parallel.ForEachAsync(
            targets,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (task, token) =>
            {
                long taskId = task.Id!.Value;
                try
                {
                    StartOutcome outcome = await connection.Client.EnsureStartedAsync(taskId, request, token).ConfigureAwait(false);
                    rows.Add(outcome.Kind switch
                    {
                        StartOutcomeKind.AlreadyRunning => new Row(taskId, task.Name, "already running", OmsErrorCodes.Oms0065, null, outcome.RequestId, ExitCodes.Success),
                        StartOutcomeKind.AlreadySucceeded => new Row(taskId, task.Name, "already succeeded", outcome.ErrorCode ?? OmsErrorCodes.Oms0065, null, outcome.RequestId, ExitCodes.Success),
                        _ => new Row(taskId, task.Name, "started", null, null, null, ExitCodes.Success),
                    });
                }
                catch (TaskNotStartedException e)
                {
                    rows.Add(new Row(taskId, task.Name, "error", OmsErrorCodes.Oms0065, e.Message, e.RequestId, ExitCodes.ApiError));
                }
                catch (ApiErrorException e)
                {
                    rows.Add(new Row(taskId, task.Name, "error", e.ErrorCode ?? "HTTP." + e.StatusCode.ToString(CultureInfo.InvariantCulture), e.ErrorMessage, e.RequestId, ExitCodes.ApiError));
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || (e is OperationCanceledException && !token.IsCancellationRequested))
                {
                    rows.Add(new Row(taskId, task.Name, "error", e is HttpRequestException ? "NETWORK" : "TIMEOUT", e.Message, null, ExitCodes.NetworkError));
                }
            }).ConfigureAwait(false);

        List<Row> ordered = rows.OrderBy(r => r.TaskId).ToList();
        int exitCode = ordered.Any(r => r.ExitCode == ExitCodes.ApiError) ? ExitCodes.ApiError
            : ordered.Any(r => r.ExitCode == ExitCodes.NetworkError) ? ExitCodes.NetworkError
            : ExitCodes.Success;

        if (context.Json)
        {
            JsonOutput.Write(context.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("status", TaskStatusText.Name(status));
                writer.WriteNumber("matched", ordered.Count);
                writer.WriteNumber("started", ordered.Count(r => r.Result == "started"));
                writer.WriteNumber("alreadyRunning", ordered.Count(r => r.Result == "already running"));
                writer.WriteNumber("alreadySucceeded", ordered.Count(r => r.Result == "already succeeded"));
                writer.WriteNumber("failed", ordered.Count(r => r.Result == "error"));
                writer.WriteStartArray("results");
                foreach (Row row in ordered)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("taskId", row.TaskId);
                    JsonOutput.WriteStringOrNull(writer, "name", row.Name);
                    writer.WriteString("result", row.Result.Replace(' ', '_'));
                    JsonOutput.WriteStringOrNull(writer, "code", row.Code);
                    JsonOutput.WriteStringOrNull(writer, "message", row.Message);
                    JsonOutput.WriteStringOrNull(writer, "requestId", row.RequestId);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return exitCode;
        }

        IAnsiConsole console = context.Console;
        if (ordered.Count == 0)
        {
            console.WriteLine("No tasks in status " + TaskStatusText.Name(status) + "; nothing to start.");
            return exitCode;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Start tasks in status " + TaskStatusText.Name(status));
        table.AddColumn("ID");
        table.AddColumn("Name");
        table.AddColumn("Result");
        table.AddColumn("OMS code");
        table.AddColumn("Request ID");
        foreach (Row row in ordered)
        {
            string color = row.ExitCode == ExitCodes.Success ? "green" : "red";
            table.AddRow(
                new Text(row.TaskId.ToString(CultureInfo.InvariantCulture)),
                new Text(row.Name ?? "-"),
                new Markup("[" + color + "]" + Markup.Escape(row.Result) + "[/]"),
                new Text(row.Code ?? "-"),
                new Text(row.RequestId ?? "-"));
        }

        console.Write(table);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{ordered.Count(r => r.Result == "started")} started, {ordered.Count(r => r.Result == "already running")} already running, {ordered.Count(r => r.Result == "error")} failed."));
        foreach (Row row in ordered.Where(r => r.Message is not null))
        {
            context.Stderr.WriteLine("error: task " + row.TaskId.ToString(CultureInfo.InvariantCulture) + ": " + row.Code + ": " + row.Message);
        }

        return exitCode;
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary>
/// <c>oms tasks start &lt;id&gt; [--failed-only] [--wait]</c>, or the batch form
/// <c>oms tasks start --status failed [--failed-only] [--concurrency 4]</c>. "Already started" (OMS.0065) is success only
/// when the task is in fact running (or succeeded); a pausing task is waited for and started (see EnsureStartedAsync).
/// </summary>
internal static class StartCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var id = new Argument<long?>("id") { Description = "Migration task ID (or use --status for a batch).", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string?>("--status") { Description = "Batch: start every task in this status (e.g. failed, stopped), all pages." };
        var concurrency = new Option<int?>("--concurrency") { Description = "Batch: how many starts run at once, 1-32 (default 4)." };
        var failedOnly = new Option<bool>("--failed-only") { Description = "Migrate only the objects that failed before (migrate_failed_object)." };
        var wait = new Option<bool>("--wait") { Description = "Follow the progress until the task succeeds (exit 0) or fails (exit 4)." };
        Validation.AddTaskIdRange(id);
        Option<double> interval = TasksCommand.IntervalOption();
        var keys = new TransferKeyOptions();
        var command = new Command(
            "start",
            "Start (resume or restart) a task, or every task in a status. A task that is already running counts as success.")
        {
            id, status, concurrency, failedOnly, wait, interval,
        };
        keys.AddTo(command);
        command.Validators.Add(result =>
        {
            bool hasId = result.ValueOrDefault(id) is not null;
            bool batch = result.ValueOrDefault(status) is not null;
            if (hasId == batch)
            {
                result.AddError("Give either a task ID or --status (for a batch), not both.");
            }

            if (!batch && result.ValueOrDefault(concurrency) is not null)
            {
                result.AddError("--concurrency only applies with --status.");
            }

            if (batch && result.ValueOrDefault(wait))
            {
                result.AddError("--wait applies to a single task; use 'oms tasks watch <id>' after a batch start.");
            }

            if (result.ValueOrDefault(concurrency) is { } c && c is < 1 or > 32)
            {
                result.AddError("--concurrency must be between 1 and 32.");
            }
        });

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            MigrationTaskStatus? batchStatus = parse.GetValue(status) is { } text ? TaskStatusText.Parse(text) : null;
            TransferCredentials credentials = keys.Resolve(parse, context);
            bool onlyFailed = parse.GetValue(failedOnly);
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);

            if (batchStatus is { } filter)
            {
                return await BatchStart.RunAsync(context, connection, filter, credentials.ToRequest(onlyFailed), parse.GetValue(concurrency) ?? 4, cancellationToken).ConfigureAwait(false);
            }

            long taskId = parse.GetValue(id)!.Value;
            StartOutcome outcome = await connection.Client.EnsureStartedAsync(taskId, credentials.ToRequest(onlyFailed), cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("taskId", taskId);
                    writer.WriteString("result", outcome.Kind switch
                    {
                        StartOutcomeKind.AlreadyRunning => "already_running",
                        StartOutcomeKind.AlreadySucceeded => "already_succeeded",
                        _ => "started",
                    });
                    writer.WriteBoolean("waitedForPause", outcome.WaitedForPause);
                    JsonOutput.WriteStringOrNull(writer, "requestId", outcome.RequestId);
                    writer.WriteEndObject();
                }, indented: !parse.GetValue(wait));
            }
            else
            {
                string task = "Task " + taskId.ToString(CultureInfo.InvariantCulture);
                string answer = CommandOutput.OmsAnswer(outcome.ErrorCode ?? OmsErrorCodes.Oms0065, outcome.RequestId) + ".";
                context.Stdout.WriteLine(outcome.Kind switch
                {
                    StartOutcomeKind.AlreadyRunning => task + " is already running" + answer,
                    StartOutcomeKind.AlreadySucceeded => task + " has already succeeded" + answer,
                    _ => task + (outcome.WaitedForPause ? " finished pausing and started" : " started") + (onlyFailed ? " (failed objects only)." : "."),
                });
            }

            if (!parse.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            return await TaskWatcher.WatchAsync(context, connection, taskId, TimeSpan.FromSeconds(parse.GetValue(interval)), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

using System.Collections.Generic;
using System.CommandLine;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Cli.Output;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary><c>oms tasks list [--status] [--name] [--limit] [--offset]</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliHost host, GlobalOptions globals)
    {
        var status = new Option<string?>("--status") { Description = "Only tasks in this status: " + TaskStatusText.ValidNames + "." };
        var name = new Option<string?>("--name") { Description = "Only tasks whose name contains this text (fuzzy match by OMS)." };
        var limit = new Option<int?>("--limit") { Description = "Page size, 1-100. Without --limit/--offset every page is listed." };
        var offset = new Option<int?>("--offset") { Description = "Index of the first task, 0-10000." };
        var command = new Command("list", "List migration tasks.") { status, name, limit, offset };
        command.Validators.Add(result =>
        {
            if (result.ValueOrDefault(limit) is { } l && l is < 1 or > 100)
            {
                result.AddError("--limit must be between 1 and 100.");
            }

            if (result.ValueOrDefault(offset) is { } o && o is < 0 or > 10000)
            {
                result.AddError("--offset must be between 0 and 10000.");
            }
        });

        CommandRunner.SetHandler(command, host, globals, async (context, parse, cancellationToken) =>
        {
            MigrationTaskStatus? statusFilter = parse.GetValue(status) is { } text ? TaskStatusText.Parse(text) : null;
            string? nameFilter = string.IsNullOrWhiteSpace(parse.GetValue(name)) ? null : parse.GetValue(name)!.Trim();
            int? pageLimit = parse.GetValue(limit);
            int? pageOffset = parse.GetValue(offset);

            context.WarmUpTables();
            OmsConnection connection = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
            List<TaskResp> tasks;
            long? count;
            if (pageLimit is null && pageOffset is null)
            {
                (tasks, count) = await TaskQueries.ListAllAsync(connection, statusFilter, nameFilter, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                ListTasksResponse page = await connection.Client.ListTasksAsync(
                    connection.ProjectId, limit: pageLimit, offset: pageOffset, status: statusFilter, taskName: nameFilter, cancellationToken: cancellationToken).ConfigureAwait(false);
                tasks = page.Tasks ?? new List<TaskResp>();
                count = page.Count;
            }

            if (context.Json)
            {
                JsonOutput.Write(context.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("count", count ?? tasks.Count);
                    writer.WriteStartArray("tasks");
                    foreach (TaskResp task in tasks)
                    {
                        task.WriteJson(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                TaskRenderer.RenderList(context.Console, tasks, count);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

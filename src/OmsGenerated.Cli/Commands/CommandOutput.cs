using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Cli.Output;
using Spectre.Console;

namespace OmsGenerated.Cli.Commands;

/// <summary>How a command prints what it read or did: one JSON document with <c>--json</c>, else the human rendering.</summary>
internal static class CommandOutput
{
    /// <summary>One resource: its JSON, or <paramref name="render"/>.</summary>
    public static void WriteResource(CommandContext context, Action<Utf8JsonWriter> writeJson, Action<IAnsiConsole> render)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Stdout, writeJson);
        }
        else
        {
            render(context.Console);
        }
    }

    /// <summary>Every item of <paramref name="source"/> (all pages), as <c>{"count": n, "<paramref name="arrayName"/>": […]}</c> or as <paramref name="render"/>.</summary>
    public static async Task WriteListAsync<T>(
        CommandContext context,
        IAsyncEnumerable<T> source,
        string arrayName,
        Action<T, Utf8JsonWriter> writeItem,
        Action<IAnsiConsole, IReadOnlyList<T>> render)
    {
        var items = new List<T>();
        await foreach (T item in source.ConfigureAwait(false))
        {
            items.Add(item);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("count", items.Count);
                writer.WriteStartArray(arrayName);
                foreach (T item in items)
                {
                    writeItem(item, writer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
        else
        {
            render(context.Console, items);
        }
    }

    /// <summary>
    /// The result of an idempotent action on one resource: <c>{"<paramref name="idName"/>": id, "result": …, "requestId": …}</c>,
    /// or the line <paramref name="message"/>.
    /// </summary>
    public static void WriteOutcome(CommandContext context, string idName, string id, string result, string? requestId, string message, bool indented = true)
    {
        if (context.Json)
        {
            JsonOutput.Write(context.Stdout, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString(idName, id);
                writer.WriteString("result", result);
                JsonOutput.WriteStringOrNull(writer, "requestId", requestId);
                writer.WriteEndObject();
            }, indented);
        }
        else
        {
            context.Stdout.WriteLine(message);
        }
    }

    /// <summary>" (OMS.0066, request id …)": what OMS answered when the action had nothing to do.</summary>
    public static string OmsAnswer(string? errorCode, string? requestId)
        => " (" + (errorCode ?? "-") + ", request id " + (requestId ?? "-") + ")";
}

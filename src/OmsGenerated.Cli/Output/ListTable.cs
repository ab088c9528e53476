using System;
using System.Collections.Generic;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>The rounded table of a <c>list</c> command, one row an item, then a count line; "No …." in grey when empty.</summary>
internal static class ListTable
{
    /// <param name="noun">The plural shown when there is nothing, e.g. "task groups".</param>
    /// <param name="footer">The line under the table, e.g. <see cref="Count"/>.</param>
    public static void Write<T>(IAnsiConsole console, IReadOnlyList<T> items, string noun, TableColumn[] columns, Func<T, IRenderable[]> row, string footer)
    {
        if (items.Count == 0)
        {
            console.MarkupLine("[grey]No " + Markup.Escape(noun) + ".[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (TableColumn column in columns)
        {
            table.AddColumn(column);
        }

        foreach (T item in items)
        {
            table.AddRow(row(item));
        }

        console.Write(table);
        console.WriteLine(footer);
    }

    /// <summary>"1 task group", "3 task groups".</summary>
    public static string Count(int count, string singular)
        => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
}

using System.IO;
using System.Threading.Tasks;
using Spectre.Console;

namespace OmsGenerated.Cli.Output;

/// <summary>Creates the Spectre console over the CLI's stdout writer (never the static <c>AnsiConsole</c>).</summary>
internal static class ConsoleFactory
{
    /// <summary>Width used when stdout is not a terminal, so tables in files and tests do not wrap.</summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Create(CliHost host)
    {
        bool terminal = host.StdoutIsTerminal;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(host.Stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// Renders a throwaway table on a background thread, so that the JIT compiles Spectre's layout code while the
    /// command waits for the emulator and OMS (cold start: about 60 ms of a human-output command). Output goes nowhere.
    /// </summary>
    public static Task WarmUpAsync() => Task.Run(() =>
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TextWriter.Null),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("a");
        table.AddColumn(new TableColumn("b").RightAligned());
        table.AddRow(new Text("1"), new Markup("[green]x[/]"));
        console.Write(table);
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap());
        grid.AddColumn();
        grid.AddRow(new Markup("[bold]a[/]"), new Text("b"));
        console.Write(grid);
    });
}

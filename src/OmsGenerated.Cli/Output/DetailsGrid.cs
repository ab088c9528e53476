using Spectre.Console;
using Spectre.Console.Rendering;

namespace OmsGenerated.Cli.Output;

/// <summary>The two-column "name: value" grid of a <c>show</c> command; an empty value prints as "-".</summary>
internal sealed class DetailsGrid
{
    private readonly Grid _grid = new();

    public DetailsGrid()
    {
        _grid.AddColumn(new GridColumn().NoWrap());
        _grid.AddColumn();
    }

    public void Row(string name, IRenderable value) => _grid.AddRow(new Markup("[bold]" + Markup.Escape(name) + "[/]"), value);

    public void TextRow(string name, string? value) => Row(name, new Text(string.IsNullOrEmpty(value) ? "-" : value));

    /// <summary>A row only when there is a value (for the fields OMS leaves out).</summary>
    public void OptionalTextRow(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            TextRow(name, value);
        }
    }

    /// <summary>The "Error" row in red, only when OMS gave a code or a message.</summary>
    public void ErrorRow(string? errorCode, string? errorMessage)
    {
        if (errorCode is not null || errorMessage is not null)
        {
            Row("Error", new Markup("[red]" + Markup.Escape((errorCode ?? "?") + ": " + (errorMessage ?? string.Empty)) + "[/]"));
        }
    }

    public void WriteTo(IAnsiConsole console) => console.Write(_grid);
}

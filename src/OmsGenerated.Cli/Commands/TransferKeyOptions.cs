using System.CommandLine;
using OmsGenerated.Cli.Configuration;

namespace OmsGenerated.Cli.Commands;

/// <summary>The <c>--dst-ak/--dst-sk/--src-ak/--src-sk</c> options of the commands that hand keys to OMS.</summary>
internal sealed class TransferKeyOptions
{
    public Option<string?> DstAk { get; } = new("--dst-ak") { Description = "Destination access key [env: " + CliEnvironment.DstAkVariable + "]." };

    public Option<string?> DstSk { get; } = new("--dst-sk") { Description = "Destination secret key [env: " + CliEnvironment.DstSkVariable + "; prefer the environment]." };

    public Option<string?> SrcAk { get; } = new("--src-ak") { Description = "Source access key [env: " + CliEnvironment.SrcAkVariable + "]." };

    public Option<string?> SrcSk { get; } = new("--src-sk") { Description = "Source secret key [env: " + CliEnvironment.SrcSkVariable + "; prefer the environment]." };

    /// <summary>Appends the four options to <paramref name="command"/>, after its other options.</summary>
    public void AddTo(Command command)
    {
        command.Add(DstAk);
        command.Add(DstSk);
        command.Add(SrcAk);
        command.Add(SrcSk);
    }

    /// <exception cref="UsageException">See <see cref="TransferCredentials.Resolve"/>.</exception>
    public TransferCredentials Resolve(ParseResult parse, CommandContext context)
        => TransferCredentials.Resolve(parse.GetValue(DstAk), parse.GetValue(DstSk), parse.GetValue(SrcAk), parse.GetValue(SrcSk), context.Environment, context.UsesEmulator);

    /// <summary>The source keys a source-reading operation needs (see <see cref="SourceCredentials.Resolve"/>).</summary>
    public (string Ak, string Sk) ResolveSource(ParseResult parse, CommandContext context, string purpose)
        => SourceCredentials.Resolve(parse.GetValue(SrcAk), parse.GetValue(SrcSk), context.Environment, context.UsesEmulator, purpose);
}

using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace OmsGenerated.Generator.Parsing;

/// <summary>One opted-in spec file and its options, read from what the compiler hands us (never from disk).</summary>
/// <remarks><see cref="Text"/> is null when the compiler could not read the file.</remarks>
internal sealed record SpecInput(string FilePath, string? Text, string Namespace, string ClientName, string Accessibility)
{
    private const string Prefix = "build_metadata.AdditionalFiles.";

    public static SpecInput? Create(AdditionalText file, AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        if (!fileOptions.TryGetValue(Prefix + "OpenApi", out var optIn) || !string.Equals(optIn, "true", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        var fileName = Path.GetFileName(file.Path);
        var stem = fileName.Split('.')[0];

        var ns = Get(fileOptions, "OpenApiNamespace") ?? Get(fileOptions, "Namespace");
        if (ns is null)
        {
            globalOptions.TryGetValue("build_property.RootNamespace", out var root);
            ns = string.IsNullOrWhiteSpace(root) ? "GeneratedClients" : root;
        }

        var clientName = Get(fileOptions, "OpenApiClientName") ?? Get(fileOptions, "ClientName") ?? Naming.ToPascalCase(stem) + "Client";
        var accessibility = Get(fileOptions, "OpenApiAccessibility") ?? Get(fileOptions, "Accessibility") ?? "public";
        return new SpecInput(file.Path, text, ns!, clientName, accessibility);
    }

    private static string? Get(AnalyzerConfigOptions options, string name)
        => options.TryGetValue(Prefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

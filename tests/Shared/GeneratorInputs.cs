using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OmsGenerated.Testing;

/// <summary>An additional file held in memory, as the compiler hands a spec to the generator.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        Text = text;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The build's per-file metadata (<c>build_metadata.AdditionalFiles.*</c>) for in-memory generator runs.</summary>
internal sealed class InMemoryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions s_none = new(new Dictionary<string, string>());
    private readonly Func<AdditionalText, IReadOnlyDictionary<string, string>?> _metadataOf;

    private InMemoryOptionsProvider(Func<AdditionalText, IReadOnlyDictionary<string, string>?> metadataOf) => _metadataOf = metadataOf;

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

    /// <summary>Every additional file opts in, as <c>&lt;OpenApiClient Include="…" Namespace="…" ClientName="…" /&gt;</c> does.</summary>
    public static InMemoryOptionsProvider OptIn(string ns, string? clientName = null)
    {
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApi"] = "true",
            ["build_metadata.AdditionalFiles.OpenApiNamespace"] = ns,
        };
        if (clientName is not null)
        {
            metadata["build_metadata.AdditionalFiles.OpenApiClientName"] = clientName;
        }

        return new InMemoryOptionsProvider(_ => metadata);
    }

    /// <summary>Each file's own metadata, by path; a file not listed has none (it does not opt in).</summary>
    public static InMemoryOptionsProvider ByPath(IReadOnlyDictionary<string, Dictionary<string, string>> metadataByPath)
        => new(text => metadataByPath.TryGetValue(text.Path, out var metadata) ? metadata : null);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _metadataOf(textFile) is { } metadata ? new DictionaryOptions(metadata) : s_none;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

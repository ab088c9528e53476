using System.Linq;
using Microsoft.CodeAnalysis;
using OmsGenerated.Generator.Diagnostics;
using OmsGenerated.Generator.Emitting;
using OmsGenerated.Generator.Parsing;

namespace OmsGenerated.Generator;

/// <summary>
/// Generates a typed HTTP client for every AdditionalFiles item marked <c>OpenApi="true"</c>
/// (the <c>&lt;OpenApiClient Include="..." /&gt;</c> item does that).
/// Pipeline: spec file + options → parse once (own JSON/YAML reader) into a value-equal model → emit source;
/// diagnostics travel in their own output so that source is not re-emitted when only they change.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => SpecInput.Create(pair.Left, pair.Right.GetOptions(pair.Left), pair.Right.GlobalOptions, ct))
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInput);

        var parsed = specs
            .Select(static (input, ct) => SpecParser.Parse(input, ct))
            .WithTrackingName(TrackingNames.Parse);

        var models = parsed
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Model);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // from the parse options and the references only, which a C# edit does not touch
        var runtimeReferenced = context.MetadataReferencesProvider
            .Where(static reference => ConsumerProfile.IsRuntime(reference))
            .Collect()
            .Select(static (references, _) => !references.IsEmpty);
        var consumer = context.ParseOptionsProvider
            .Combine(runtimeReferenced)
            .Select(static (pair, _) => ConsumerProfile.Create(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Consumer);

        // A project that cannot compile the client gets one located error per document instead of a wall of CS errors.
        context.RegisterSourceOutput(models.Combine(consumer), static (spc, pair) =>
        {
            if (!pair.Right.CanCompileGeneratedCode)
            {
                return;
            }

            foreach (var file in SourceEmitter.Emit(pair.Left, spc.CancellationToken))
            {
                spc.AddSource(file.HintName, file.Text);
            }
        });

        context.RegisterSourceOutput(specs.Select(static (input, _) => input.FilePath).Combine(consumer), static (spc, pair) =>
        {
            foreach (var item in ConsumerDiagnostics.For(pair.Left, pair.Right))
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });
    }
}

/// <summary>Names of the tracked pipeline steps, for caching tests.</summary>
public static class TrackingNames
{
    /// <summary>The document and its options, read from the compilation.</summary>
    public const string SpecInput = nameof(SpecInput);

    /// <summary>The document parsed into the model and its diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The model, when the document could be read.</summary>
    public const string Model = nameof(Model);

    /// <summary>The diagnostics of the document.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>What the consuming project offers the generated code (C# version, runtime referenced).</summary>
    public const string Consumer = nameof(Consumer);
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace OmsGenerated.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are stable; see AnalyzerReleases.Shipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OmsGenerated.OpenApi";

    public static readonly DiagnosticDescriptor UnreadableSpec = new(
        "OAPI001", "OpenAPI document cannot be read",
        "The OpenAPI document '{0}' is not valid {1}: {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "OAPI002", "Not an OpenAPI document",
        "'{0}' is not a valid OpenAPI 2.0 or 3.x document: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "OAPI003", "Unresolvable $ref",
        "The reference '{0}' cannot be resolved in '{1}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExternalReference = new(
        "OAPI004", "External $ref refused",
        "The reference '{0}' points outside the document; the generator never reads files or the network. Inline it or bundle the document first (for example 'redocly bundle').",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "OAPI005", "Unsupported OpenAPI construct",
        "{0} is not supported: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KeywordName = new(
        "OAPI006", "Name is a C# keyword",
        "The name '{0}' is a C# keyword; it is generated as '{1}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "OAPI007", "Duplicate name",
        "{0} '{1}' maps to the C# name '{2}', which is already used; it is generated as '{3}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "OAPI008", "Generator failed on this document",
        "Generating a client for '{0}' failed: {1}. Please report this with the document attached.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationSkipped = new(
        "OAPI009", "Operation skipped",
        "Operation '{0}' is not generated: {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "OAPI010", "Invalid generator option",
        "Option '{0}' has the invalid value '{1}': {2}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownField = new(
        "OAPI011", "Unknown field",
        "In '{0}': {1}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = new(
        "OAPI012", "C# version too low for generated clients",
        "The client generated from '{0}' needs C# 11 or later (required members, UTF-8 string literals); this project compiles C# {1}. Remove <LangVersion> or set it to 11 or later.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "OAPI013", "OmsGenerated.Runtime is not referenced",
        "The client generated from '{0}' calls OmsGenerated.Runtime, which this project does not reference; add <PackageReference Include=\"OmsGenerated.Runtime\" /> (same version as OmsGenerated.Generator)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        UnreadableSpec, NotOpenApi, UnresolvedReference, ExternalReference, UnsupportedConstruct,
        KeywordName, DuplicateName, GeneratorFailure, OperationSkipped, InvalidOption, UnknownField, LanguageVersionTooLow, RuntimeNotReferenced,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];
}

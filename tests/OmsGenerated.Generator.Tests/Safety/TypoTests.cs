using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OmsGenerated.Testing;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Typos are reported where they are written: an unknown type or a non-numeric constraint is an OAPI002 error at the
/// value, a misspelled top-level key an OAPI011 warning at the key with a suggestion, a missing file an OAPI002 saying
/// so, and an invalid option an OAPI010 naming the metadata the project file uses.
/// </summary>
public sealed class TypoTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: Typos
          version: '1'

        """;

    private static readonly Dictionary<string, (string Path, string Text, string Needle)> s_unknownTypes = new(StringComparer.Ordinal)
    {
        ["integr"] = Property("type: integr", "integr"),
        ["strin"] = Property("type: strin", "strin\n"),
        ["nul-in-a-list"] = Property("type: [string, nul]", "nul]"),
        ["wrong-case"] = Property("type: Integer", "Integer"),
        ["int"] = Property("type: int", "int\n"),
        ["quoted"] = Property("type: 'bolean'", "'bolean'"),
        ["parameter-schema"] = (
            "/specs/typos.yaml",
            Header + """
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      parameters:
                        - name: limit
                          in: query
                          schema:
                            type: intger
                      responses:
                        '204':
                          description: none
                """,
            "intger"),
        ["swagger2-parameter"] = (
            "/specs/typos.yaml",
            """
                swagger: '2.0'
                info:
                  title: Typos
                  version: '1'
                paths:
                  /pets:
                    get:
                      operationId: listPets
                      parameters:
                        - name: limit
                          in: query
                          type: numbr
                      responses:
                        '204':
                          description: none
                """,
            "numbr"),
        ["json"] = (
            "/specs/typos.json",
            """
                {
                  "openapi": "3.0.3",
                  "info": { "title": "Typos", "version": "1" },
                  "paths": {},
                  "components": { "schemas": { "Pet": { "type": "object", "properties": { "age": { "type": "integr" } } } } }
                }
                """,
            "\"integr\""),
    };

    public static TheoryData<string> UnknownTypes => new(s_unknownTypes.Keys);

    [Theory]
    [MemberData(nameof(UnknownTypes))]
    public void UnknownTypeIsOapi002AtTheValue(string name)
    {
        var (path, text, needle) = s_unknownTypes[name];

        var result = SafetyAssert.Run(path, text);

        SafetyAssert.AssertNoFailure(result);
        var diagnostic = SafetyAssert.Single(result, "OAPI002", DiagnosticSeverity.Error);
        SafetyAssert.AssertLocation(diagnostic, path, text, SafetyAssert.PositionOf(text, SafetyAssert.ScalarContent(needle)));
    }

    private static readonly Dictionary<string, (string Path, string Text, string Needle)> s_nonNumeric = new(StringComparer.Ordinal)
    {
        ["minimum"] = Property("type: integer\nminimum: abc", "abc"),
        ["maximum"] = Property("type: number\nmaximum: lots", "lots"),
        ["minLength"] = Property("type: string\nminLength: twelve", "twelve"),
        ["maxLength"] = Property("type: string\nmaxLength: 5x", "5x"),
        ["minItems"] = Property("type: array\nitems:\n  type: string\nminItems: few", "few"),
        ["maxItems-list"] = Property("type: array\nitems:\n  type: string\nmaxItems: [1]", "[1]"),
        ["json-minimum"] = (
            "/specs/typos.json",
            """
                {
                  "openapi": "3.0.3",
                  "info": { "title": "Typos", "version": "1" },
                  "paths": {},
                  "components": { "schemas": { "Pet": { "type": "object", "properties": { "age": { "type": "integer", "minimum": "abc" } } } } }
                }
                """,
            "\"abc\""),
    };

    public static TheoryData<string> NonNumericConstraints => new(s_nonNumeric.Keys);

    [Theory]
    [MemberData(nameof(NonNumericConstraints))]
    public void NonNumericConstraintIsOapi002AtTheValue(string name)
    {
        var (path, text, needle) = s_nonNumeric[name];

        var result = SafetyAssert.Run(path, text);

        SafetyAssert.AssertNoFailure(result);
        var diagnostic = SafetyAssert.Single(result, "OAPI002", DiagnosticSeverity.Error);
        SafetyAssert.AssertLocation(diagnostic, path, text, SafetyAssert.PositionOf(text, SafetyAssert.ScalarContent(needle)));
    }

    public static TheoryData<string, string, bool> MisspelledKeys => new()
    {
        { "pathz", "paths", true },
        { "pathz", "paths", false },
        { "component", "components", true },
        { "infos", "info", false },
        { "Paths", "paths", false },
        { "severs", "servers", false },
        { "securty", "security", false },
        { "tag", "tags", false },
        { "externalDoc", "externalDocs", false },
    };

    /// <param name="replaces">Whether the misspelled key stands instead of the right one, or next to it in a complete document.</param>
    [Theory]
    [MemberData(nameof(MisspelledKeys))]
    public void MisspelledTopLevelKeyIsOapi011AtTheKey(string key, string suggestion, bool replaces)
    {
        var sections = new List<(string Key, string Body)>
        {
            ("info", "\n  title: Typos\n  version: '1'"),
            ("servers", "\n  - url: https://api.example.com"),
            ("tags", "\n  - name: pets"),
            ("security", " []"),
            ("externalDocs", "\n  url: https://docs.example.com"),
            ("paths", "\n  /ping:\n    get:\n      operationId: ping\n      responses:\n        '204':\n          description: none"),
            ("components", "\n  schemas:\n    Pet:\n      type: object\n      properties:\n        name:\n          type: string"),
        };
        var misspelled = (key, sections.Single(s => s.Key == suggestion).Body);
        if (replaces)
        {
            sections[sections.FindIndex(s => s.Key == suggestion)] = misspelled;
        }
        else
        {
            sections.Add(misspelled);
        }

        var text = "openapi: 3.0.3\n" + string.Join("\n", sections.Select(s => s.Key + ":" + s.Body)) + "\n";

        var result = SafetyAssert.Run("/specs/typos.yaml", text);

        SafetyAssert.AssertNoFailure(result);
        var diagnostic = SafetyAssert.Single(result, "OAPI011", DiagnosticSeverity.Warning);
        var (lineBefore, _) = SafetyAssert.PositionOf(text, "\n" + key + ":");
        SafetyAssert.AssertLocation(diagnostic, "/specs/typos.yaml", text, (lineBefore + 1, 1));
        Assert.Contains("'" + key + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        SafetyAssert.AssertMessageContains(diagnostic, "did you mean '" + suggestion + "'");
        if (!replaces)
        {
            SafetyAssert.AssertCleanExcept(result, "OAPI011");
        }
    }

    public static TheoryData<string, string, string> MisspelledKeysInOtherDialects => new()
    {
        { "swagger2", "defintions", "definitions" },
        { "swagger2", "basepath", "basePath" },
        { "json", "pathz", "paths" },
        { "json", "componets", "components" },
    };

    [Theory]
    [MemberData(nameof(MisspelledKeysInOtherDialects))]
    public void MisspelledTopLevelKeyIsOapi011InSwagger2AndJson(string dialect, string key, string suggestion)
    {
        var (path, text, needle) = dialect == "json"
            ? ("/specs/typos.json", $$"""
                {
                  "openapi": "3.0.3",
                  "info": { "title": "Typos", "version": "1" },
                  "paths": {},
                  "components": {},
                  "{{key}}": {}
                }
                """, "\"" + key + "\"")
            : ("/specs/typos.yaml", $$"""
                swagger: '2.0'
                info:
                  title: Typos
                  version: '1'
                basePath: /v1
                paths: {}
                definitions: {}
                {{key}}: {}
                """, key + ":");

        var result = SafetyAssert.Run(path, text);

        SafetyAssert.AssertNoFailure(result);
        var diagnostic = SafetyAssert.Single(result, "OAPI011", DiagnosticSeverity.Warning);
        SafetyAssert.AssertLocation(diagnostic, path, text, SafetyAssert.PositionOf(text, SafetyAssert.ScalarContent(needle)));
        Assert.Contains("'" + key + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        SafetyAssert.AssertMessageContains(diagnostic, "did you mean '" + suggestion + "'");
    }

    public static TheoryData<string> KnownTopLevelKeys => new()
    {
        "x-pathz: {}",
        "x-error-codes: []",
        "externalDocs:\n  url: https://docs.example.com",
        "tags:\n  - name: pets",
        "security: []",
        "servers:\n  - url: https://api.example.com",
    };

    [Theory]
    [MemberData(nameof(KnownTopLevelKeys))]
    public void KnownTopLevelKeysAndExtensionsAreNotReported(string section)
    {
        var text = Header + "paths: {}\n" + section + "\n";

        var result = SafetyAssert.Run("/specs/typos.yaml", text);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "OAPI011");
        SafetyAssert.AssertCleanExcept(result);
    }

    public static TheoryData<string> MissingPaths => new() { "/specs/missing.yaml", "/specs/missing.json", "/specs/sub dir/gone.yml" };

    [Theory]
    [MemberData(nameof(MissingPaths))]
    public void MissingFileIsOapi002NotFound(string path)
    {
        var metadata = new Dictionary<string, Dictionary<string, string>>
        {
            [path] = new() { ["build_metadata.AdditionalFiles.OpenApi"] = "true", ["build_metadata.AdditionalFiles.Namespace"] = SafetyAssert.Namespace },
        };
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new MissingAdditionalText(path)),
            new CSharpParseOptions(LanguageVersion.Latest),
            InMemoryOptionsProvider.ByPath(metadata));
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");

        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        Assert.Null(Assert.Single(driver.GetRunResult().Results).Exception);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("OAPI002", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        SafetyAssert.AssertMessageContains(diagnostic, "not found");
        Assert.DoesNotContain("empty", diagnostic.GetMessage(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);
    }

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "ClientName", "class" },
        { "ClientName", "My Client" },
        { "ClientName", "1Client" },
        { "Namespace", "My Api.v1" },
        { "Namespace", "Test..Api" },
        { "Namespace", "class.Api" },
        { "Accessibility", "protected" },
        { "Accessibility", "private" },
    };

    /// <summary>The project file says <c>&lt;OpenApiClient ClientName="…"/&gt;</c>; the message names that metadata.</summary>
    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionIsOapi010NamingTheItemMetadata(string option, string value)
    {
        var text = Header + """
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '204':
                      description: none
            """;
        var metadata = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.OpenApi"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = SafetyAssert.Namespace,
            ["build_metadata.AdditionalFiles." + option] = value,
        };

        var result = GeneratorHarness.Run(new SpecFile("/specs/options.yaml", text, metadata));

        SafetyAssert.AssertNoFailure(result);
        var diagnostic = SafetyAssert.Single(result, "OAPI010", DiagnosticSeverity.Error);
        SafetyAssert.AssertLocation(diagnostic, "/specs/options.yaml", text, (1, 1));
        Assert.Contains("'" + option + "'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("OpenApi" + option, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(value, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.NotEmpty(result.RunResult.GeneratedTrees);
    }

    /// <summary>A document with a schema property whose keywords are the lines of <paramref name="keywords"/>, indented relative to each other.</summary>
    private static (string Path, string Text, string Needle) Property(string keywords, string needle)
        => ("/specs/typos.yaml", Header + """
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Pet'
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name:
                      type: string
                    field:

            """ + string.Join("\n", keywords.Split('\n').Select(line => new string(' ', 10) + line)) + "\n", needle);

    /// <summary>An additional file the compiler lists but cannot read (deleted, or on an unavailable drive).</summary>
    private sealed class MissingAdditionalText : AdditionalText
    {
        public MissingAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}

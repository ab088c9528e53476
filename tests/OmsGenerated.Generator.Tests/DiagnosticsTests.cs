using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// One test per kind of bad input: the right diagnostic (id, severity, file, exact 1-based line and
/// column computed from the input), the generator never throws, and whatever it produced compiles.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: Test
          version: '1'

        """;

    [Fact]
    public void InvalidYamlIsOapi001AtTheOffendingToken()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: Pets: store
              version: '1'
            paths: {}
            """;
        var result = Run("/specs/invalid.yaml", text);

        var diagnostic = Single(result, "OAPI001", DiagnosticSeverity.Error);
        // YAML forbids a second ': ' in a plain scalar value; the parser stops at that colon
        AssertLocation(diagnostic, "/specs/invalid.yaml", text, PositionOf(text, ": store"));
        Assert.Contains("YAML", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void UnterminatedYamlStringIsOapi001AtTheOpeningQuote()
    {
        const string text = """
            openapi: 3.0.3
            info:
              title: "Pets
              version: '1'
            paths: {}
            """;
        var result = Run("/specs/unterminated.yaml", text);

        var diagnostic = Single(result, "OAPI001", DiagnosticSeverity.Error);
        AssertLocation(diagnostic, "/specs/unterminated.yaml", text, PositionOf(text, "\"Pets"));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void InvalidJsonIsOapi001AtTheOffendingToken()
    {
        const string text = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Broken", "version": , "x": 1 },
              "paths": {}
            }
            """;
        var result = Run("/specs/invalid.json", text);

        var diagnostic = Single(result, "OAPI001", DiagnosticSeverity.Error);
        // "version" has no value: the reader stops at the comma
        AssertLocation(diagnostic, "/specs/invalid.json", text, PositionOf(text, ", \"x\""));
        Assert.Contains("JSON", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void MissingCommaInJsonIsOapi001AtTheNextToken()
    {
        const string text = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Broken", "version": "1" },
              "paths": {}
              "components": {}
            }
            """;
        var result = Run("/specs/missing-comma.json", text);

        var diagnostic = Single(result, "OAPI001", DiagnosticSeverity.Error);
        // the comma after "paths": {} is missing: the reader stops at the next property name
        AssertLocation(diagnostic, "/specs/missing-comma.json", text, PositionOf(text, "\"components\""));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void TruncatedJsonIsOapi001AtTheEnd()
    {
        const string text = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"T\", \"version\": \"1\" },\n  \"paths\": {}\n";
        var result = Run("/specs/truncated.json", text);

        var diagnostic = Single(result, "OAPI001", DiagnosticSeverity.Error);
        AssertLocation(diagnostic, "/specs/truncated.json", text, (5, 1));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void YamlThatIsNotOpenApiIsOapi002AtTheFileStart()
    {
        const string text = """
            name: my-app
            version: 1.0.0
            dependencies:
              - left-pad
            """;
        var result = Run("/specs/package.yaml", text);

        var diagnostic = Single(result, "OAPI002", DiagnosticSeverity.Error);
        AssertLocation(diagnostic, "/specs/package.yaml", text, (1, 1));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    private const string WrongShapeSpec = """
        openapi: 3.0.3
        info:
          title: Test
          version: '1'
        paths:
          - /pets
        """;

    [Fact]
    public void OpenApiDocumentOfTheWrongShapeIsOapi002()
    {
        var result = Run("/specs/shape.yaml", WrongShapeSpec);

        var diagnostic = Single(result, "OAPI002", DiagnosticSeverity.Error);
        Assert.Equal("/specs/shape.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("paths", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void OpenApiDocumentOfTheWrongShapeIsOapi002AtTheBadValue()
    {
        var result = Run("/specs/shape.yaml", WrongShapeSpec);

        var diagnostic = Single(result, "OAPI002", DiagnosticSeverity.Error);
        // 'paths' must be a map; the list under it is what cannot be read
        AssertLocation(diagnostic, "/specs/shape.yaml", WrongShapeSpec, PositionOf(WrongShapeSpec, "- /pets"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void EmptyFileIsOapi002AtTheFileStart(string text)
    {
        var result = Run("/specs/empty.yaml", text);

        var diagnostic = Single(result, "OAPI002", DiagnosticSeverity.Error);
        AssertLocation(diagnostic, "/specs/empty.yaml", text, (1, 1));
        Assert.Contains("empty", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void UnresolvableRefIsOapi003AtTheRefText()
    {
        const string text = Header + """
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name:
                      type: string
            """;
        var result = Run("/specs/unresolved.yaml", text);

        var diagnostic = Single(result, "OAPI003", DiagnosticSeverity.Error);
        AssertLocation(diagnostic, "/specs/unresolved.yaml", text, PositionOf(text, "#/components/schemas/Missing"));
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("./other.yaml#/X")]
    [InlineData("https://example.com/x.yaml")]
    [InlineData("https://10.255.255.1/unreachable.yaml#/Pet")]
    public void ExternalRefIsOapi004WithoutTouchingDiskOrNetwork(string reference)
        => AssertExternalReference(reference, "OAPI004");

    [Theory]
    [InlineData("./other.yaml#/X")]
    [InlineData("other.yaml")]
    [InlineData("../shared/common.yaml#/components/schemas/Pet")]
    public void RelativeFileRefIsAnErrorAtTheRefTextWithoutTouchingDisk(string reference)
        => AssertExternalReference(reference, expectedId: null);

    private static void AssertExternalReference(string reference, string? expectedId)
    {
        var directory = Path.Combine(Path.GetTempPath(), "omsgenerated-external-" + Guid.NewGuid().ToString("N"));
        var specPath = Path.Combine(directory, "api.yaml");
        Assert.False(File.Exists(Path.Combine(directory, "other.yaml")));
        var text = Header + $"""
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '{reference}'
            """;

        // Any attempt to read the file or fetch the URL would throw (file not found, HTTP or socket
        // errors) or, for the unroutable address, hang far beyond the time limit below.
        var attempts = new ConcurrentQueue<Exception>();
        void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is FileNotFoundException or DirectoryNotFoundException or HttpRequestException or SocketException or UnauthorizedAccessException
                || e.Exception is IOException && e.Exception.Message.Contains(directory, StringComparison.Ordinal))
            {
                attempts.Enqueue(e.Exception);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        GenerationResult result;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
        try
        {
            result = Run(specPath, text);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        }

        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "generation took " + stopwatch.Elapsed);
        var referencedFile = Path.GetFileName(reference.Split('#')[0]);
        Assert.DoesNotContain(attempts, e => e.Message.Contains(referencedFile, StringComparison.Ordinal) || e.Message.Contains(directory, StringComparison.Ordinal)
            || e.Message.Contains("example.com", StringComparison.Ordinal) || e.Message.Contains("10.255.255.1", StringComparison.Ordinal)
            || e is HttpRequestException or SocketException);
        Assert.False(Directory.Exists(directory));

        Diagnostic diagnostic;
        if (expectedId is null)
        {
            // OAPI004 is the right id; the relative-file case currently reports OAPI003 (see the skipped case above)
            diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains(diagnostic.Id, new[] { "OAPI003", "OAPI004" });
        }
        else
        {
            diagnostic = Single(result, expectedId, DiagnosticSeverity.Error);
        }

        AssertLocation(diagnostic, specPath, text, PositionOf(text, reference));
        Assert.Contains(reference.Split('#')[0].TrimStart('.', '/'), diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void OneOfTwoObjectsIsAUnionWithAnAccessorPerAlternativeAndNoWarning()
    {
        const string text = Header + """
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
                    payload:
                      oneOf:
                        - $ref: '#/components/schemas/Cat'
                        - $ref: '#/components/schemas/Dog'
                Cat:
                  type: object
                  properties:
                    meow:
                      type: boolean
                Dog:
                  type: object
                  properties:
                    bark:
                      type: boolean
            """;
        var result = Run("/specs/oneof.yaml", text);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileDiagnostics);
        var pet = result.Output.GetTypeByMetadataName("Test.Api.Pet");
        Assert.NotNull(pet);
        var payload = Assert.Single(pet!.GetMembers("Payload").OfType<IPropertySymbol>());
        var union = Assert.IsAssignableFrom<INamedTypeSymbol>(payload.Type);
        Assert.Equal("Test.Api", union.ContainingNamespace.ToDisplayString());
        var accessorTypes = union.GetMembers().OfType<IPropertySymbol>().Select(p => p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString()).ToList();
        Assert.Contains("Test.Api.Cat", accessorTypes);
        Assert.Contains("Test.Api.Dog", accessorTypes);
    }

    private const string KeywordSpec = Header + """
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - name: limit
                  in: query
                  schema:
                    type: integer
                - name: class
                  in: query
                  schema:
                    type: string
              responses:
                '204':
                  description: none
        """;

    [Fact]
    public void KeywordParameterNameIsOapi006AndCompilesAsVerbatimIdentifier()
    {
        var result = Run("/specs/keyword.yaml", KeywordSpec);

        var diagnostic = Single(result, "OAPI006", DiagnosticSeverity.Warning);
        Assert.Equal("/specs/keyword.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("'class'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'@class'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics);
        var client = Assert.Single(result.RunResult.GeneratedTrees, t => t.FilePath.EndsWith("Test.Api.KeywordClient.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("string? @class = null", client);
        var method = result.Output.GetTypeByMetadataName("Test.Api.KeywordClient")!.GetMembers("ListItemsAsync").OfType<IMethodSymbol>().Single();
        Assert.Contains(method.Parameters, p => p.Name == "class");
    }

    [Fact]
    public void KeywordParameterNameIsOapi006AtTheParameter()
    {
        var result = Run("/specs/keyword.yaml", KeywordSpec);

        var diagnostic = Single(result, "OAPI006", DiagnosticSeverity.Warning);
        // the diagnostic is about the parameter, so it points at the parameter's name
        AssertLocation(diagnostic, "/specs/keyword.yaml", KeywordSpec, PositionOf(KeywordSpec, "class\n"));
    }

    [Fact]
    public void DuplicateOperationIdIsOapi007AtTheSecondOperation()
    {
        const string text = Header + """
            paths:
              /a:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: none
              /b:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: none
            """;
        var result = Run("/specs/duplicate-ops.yaml", text);

        var diagnostic = Single(result, "OAPI007", DiagnosticSeverity.Warning);
        AssertLocation(diagnostic, "/specs/duplicate-ops.yaml", text, PositionOf(text, "get:", occurrence: 2));
        Assert.Empty(result.CompileDiagnostics);
        var client = result.Output.GetTypeByMetadataName("Test.Api.DuplicateOpsClient")!;
        Assert.Single(client.GetMembers("GetThingAsync"));
        Assert.Single(client.GetMembers("GetThingAsync2"));
        Assert.Contains("'GetThingAsync2'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void PropertiesCollidingAfterPascalCasingAreOapi007AtTheSecondProperty()
    {
        const string text = Header + """
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    foo_bar:
                      type: string
                    fooBar:
                      type: integer
            """;
        var result = Run("/specs/duplicate-props.yaml", text);

        var diagnostic = Single(result, "OAPI007", DiagnosticSeverity.Warning);
        AssertLocation(diagnostic, "/specs/duplicate-props.yaml", text, PositionOf(text, "fooBar:"));
        Assert.Empty(result.CompileDiagnostics);
        var thing = result.Output.GetTypeByMetadataName("Test.Api.Thing")!;
        Assert.Equal("string?", Assert.Single(thing.GetMembers("FooBar").OfType<IPropertySymbol>()).Type.ToDisplayString());
        Assert.Equal("long?", Assert.Single(thing.GetMembers("FooBar2").OfType<IPropertySymbol>()).Type.ToDisplayString());
    }

    [Fact]
    public void MultipartOperationIsGeneratedWithAFileParameter()
    {
        const string text = Header + """
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file:
                              type: string
                              format: binary
                  responses:
                    '204':
                      description: none
            """;
        var result = Run("/specs/multipart.yaml", text);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "OAPI009");
        Assert.Empty(result.CompileDiagnostics);
        var upload = Assert.Single(result.Output.GetTypeByMetadataName("Test.Api.MultipartClient")!.GetMembers("UploadAsync").OfType<IMethodSymbol>());
        Assert.Equal("OmsGenerated.Runtime.Http.ApiFile?", upload.Parameters[0].Type.ToDisplayString());
    }

    [Fact]
    public void Swagger2FormDataOperationIsGeneratedWithAFileParameter()
    {
        const string text = """
            swagger: '2.0'
            info:
              title: Test
              version: '1'
            paths:
              /upload:
                post:
                  operationId: upload
                  consumes:
                    - multipart/form-data
                  parameters:
                    - name: file
                      in: formData
                      type: file
                  responses:
                    '204':
                      description: none
            """;
        var result = Run("/specs/formdata.yaml", text);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "OAPI009");
        Assert.Empty(result.CompileDiagnostics);
        var upload = Assert.Single(result.Output.GetTypeByMetadataName("Test.Api.FormdataClient")!.GetMembers("UploadAsync").OfType<IMethodSymbol>());
        Assert.Equal("OmsGenerated.Runtime.Http.ApiFile?", upload.Parameters[0].Type.ToDisplayString());
    }

    [Theory]
    [InlineData("protected", null, null, "Accessibility", "Test.Api.OptionsClient")]
    [InlineData("public", "My Api.v1", null, "Namespace", "GeneratedClients.OptionsClient")]
    [InlineData("public", null, "class", "ClientName", "Test.Api.Class")]
    public void BadOptionIsOapi010AtTheFileStartAndFallsBack(string accessibility, string? ns, string? clientName, string option, string expectedClient)
    {
        const string text = Header + """
            paths:
              /ping:
                get:
                  operationId: ping
                  responses:
                    '204':
                      description: none
            """;
        var spec = GeneratorHarness.Spec("/specs/options.yaml", text, ns ?? "Test.Api", clientName, accessibility);
        var result = GeneratorHarness.Run(spec);
        AssertNoFailure(result);

        var diagnostic = Single(result, "OAPI010", DiagnosticSeverity.Error);
        Assert.Contains(option, diagnostic.GetMessage(), StringComparison.Ordinal);
        AssertLocation(diagnostic, "/specs/options.yaml", text, (1, 1));
        Assert.Empty(result.CompileDiagnostics);
        Assert.NotEmpty(result.RunResult.GeneratedTrees);
        var client = result.Output.GetTypeByMetadataName(expectedClient);
        Assert.NotNull(client);
        Assert.Equal(Accessibility.Public, client!.DeclaredAccessibility);
        Assert.Single(client.GetMembers("PingAsync"));
    }

    private static GenerationResult Run(string path, string text)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec(path, text));
        AssertNoFailure(result);
        return result;
    }

    /// <summary>The generator did not throw and whatever it produced compiles.</summary>
    private static void AssertNoFailure(GenerationResult result)
    {
        var run = Assert.Single(result.RunResult.Results);
        Assert.Null(run.Exception);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "OAPI008");
        Assert.DoesNotContain(result.RunResult.Diagnostics, d => d.Id is "CS8784" or "CS8785");
        var errors = result.CompileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "generated code does not compile:\n" + string.Join("\n", errors.Take(20)));
    }

    private static Diagnostic Single(GenerationResult result, string id, DiagnosticSeverity severity)
    {
        var matching = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n" + string.Join("\n", result.GeneratorDiagnostics));
        Assert.Equal(severity, matching[0].Severity);
        return matching[0];
    }

    private static void AssertLocation(Diagnostic diagnostic, string path, string text, (int Line, int Column) expected)
    {
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, "no location: " + diagnostic);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.True(
            expected == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"{diagnostic.Id} expected at ({expected.Line},{expected.Column}), reported at ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");

        // the offset span and the line span describe the same place
        var source = SourceText.From(text);
        Assert.True(diagnostic.Location.SourceSpan.End <= source.Length, "span beyond the end of the file");
        Assert.Equal(span.StartLinePosition, source.Lines.GetLinePosition(diagnostic.Location.SourceSpan.Start));
    }

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th <paramref name="needle"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) PositionOf(string text, string needle, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' (occurrence {occurrence}) is not in the test input");
        }

        var line = text.Take(index).Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }

        return (line + 1, index - lineStart + 1);
    }
}

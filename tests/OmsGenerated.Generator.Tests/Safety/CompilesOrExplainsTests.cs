using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Documents that are valid but awkward for C# — odd integer enums, names differing only in case, repeated path
/// placeholders, parameter names the generated method could use itself, lone surrogates — either generate code that
/// compiles or get an OAPI error saying why, never broken output or a generator failure.
/// </summary>
public sealed class CompilesOrExplainsTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: Awkward
          version: '1'

        """;

    public static TheoryData<string> OddIntegerEnums => new()
    {
        "[1, 2.5]",
        "[1, 'abc']",
        "[1, 99999999999999999999]",
        "[1, 2.5, 'abc', 99999999999999999999]",
        "[-9223372036854775809, 0]",
        "[1e3, 2]",
        "[true, 1]",
        "[2147483648, 1]",
        "['1', '2']",
    };

    [Theory]
    [MemberData(nameof(OddIntegerEnums))]
    public void IntegerEnumWithOddValuesCompiles(string values)
    {
        var text = Header + $$"""
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    level:
                      type: integer
                      enum: {{values}}
            """;

        var result = SafetyAssert.Run("/specs/enums.yaml", text);

        SafetyAssert.AssertCleanExcept(result, "OAPI005");
        SafetyAssert.PropertyType(result, "Thing", "Level");
    }

    public static TheoryData<string, string> CaseOnlySchemaNames => new()
    {
        { "PetA", "Peta" },
        { "Pet", "pet" },
        { "petstore", "PetStore" },
        { "HTTPServer", "HttpServer" },
        { "ABC", "Abc" },
    };

    [Theory]
    [MemberData(nameof(CaseOnlySchemaNames))]
    public void SchemaNamesDifferingOnlyInCaseBothGenerate(string first, string second)
    {
        var text = Header + $$"""
            paths:
              /first:
                get:
                  operationId: getFirst
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/{{first}}'
              /second:
                get:
                  operationId: getSecond
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/{{second}}'
            components:
              schemas:
                {{first}}:
                  type: object
                  properties:
                    alpha:
                      type: string
                {{second}}:
                  type: object
                  properties:
                    beta:
                      type: string
            """;

        var result = SafetyAssert.Run("/specs/cases.yaml", text);

        SafetyAssert.AssertCleanExcept(result, "OAPI007");
        var firstType = Returned(result, "GetFirstAsync");
        var secondType = Returned(result, "GetSecondAsync");
        Assert.NotEqual(firstType.ToDisplayString(), secondType.ToDisplayString());
        Assert.Single(firstType.GetMembers("Alpha"));
        Assert.Single(secondType.GetMembers("Beta"));
        AssertRenamingIsReported(result, new[] { (first, firstType.Name), (second, secondType.Name) });
    }

    public static TheoryData<string, string> CaseOnlyOperationIds => new()
    {
        { "getPet", "GetPet" },
        { "getpet", "getPet" },
        { "list_pets", "listPets" },
        { "DELETE", "delete" },
    };

    /// <summary>Each operation also has an inline response model, named after the operation.</summary>
    [Theory]
    [MemberData(nameof(CaseOnlyOperationIds))]
    public void OperationIdsDifferingOnlyInCaseBothGenerate(string first, string second)
    {
        var text = Header + $$"""
            paths:
              /first:
                get:
                  operationId: {{first}}
                  parameters:
                    - name: alpha
                      in: query
                      schema:
                        type: string
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              alpha:
                                type: string
              /second:
                get:
                  operationId: {{second}}
                  parameters:
                    - name: beta
                      in: query
                      schema:
                        type: string
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              beta:
                                type: string
            """;

        var result = SafetyAssert.Run("/specs/cases.yaml", text);

        SafetyAssert.AssertCleanExcept(result, "OAPI007");
        var client = result.Output.GetTypeByMetadataName("Test.Api.CasesClient")!;
        // each operation's raw-response twin (…WithResponseAsync) is left out
        var operations = client.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && !m.Name.EndsWith("WithResponseAsync", System.StringComparison.Ordinal))
            .ToList();
        var withAlpha = Assert.Single(operations, m => m.Parameters.Any(p => p.Name == "alpha"));
        var withBeta = Assert.Single(operations, m => m.Parameters.Any(p => p.Name == "beta"));
        Assert.NotEqual(withAlpha.Name, withBeta.Name);
        var alphaResponse = (INamedTypeSymbol)((INamedTypeSymbol)withAlpha.ReturnType).TypeArguments.Single();
        var betaResponse = (INamedTypeSymbol)((INamedTypeSymbol)withBeta.ReturnType).TypeArguments.Single();
        Assert.Single(alphaResponse.GetMembers("Alpha"));
        Assert.Single(betaResponse.GetMembers("Beta"));
        if (!IsPascalCaseOf(first, withAlpha.Name) || !IsPascalCaseOf(second, withBeta.Name))
        {
            Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "OAPI007");
        }
    }

    public static TheoryData<string> RepeatedPlaceholders => new()
    {
        "/c/{x}/{x}",
        "/c/{x}/d/{x}",
        "/c/{x}{x}",
        "/c/{x}/{x}/{x}",
    };

    [Theory]
    [MemberData(nameof(RepeatedPlaceholders))]
    public void RepeatedPathPlaceholderCompiles(string path)
    {
        var text = Header + $$"""
            paths:
              {{path}}:
                get:
                  operationId: getC
                  parameters:
                    - name: x
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '204':
                      description: none
            """;

        var result = SafetyAssert.Run("/specs/placeholders.yaml", text);

        SafetyAssert.AssertCleanExcept(result, "OAPI005", "OAPI007");
        var method = SafetyAssert.Method(result, "PlaceholdersClient", "GetCAsync");
        Assert.Single(method.Parameters, p => p.Name == "x");
    }

    public static TheoryData<string, string> LocalNames
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in new[] { "url", "query", "request", "response", "content", "client", "body", "info", "adapter", "stream", "cancellationToken", "headers", "path", "uri", "builder", "value", "result" })
            {
                foreach (var location in new[] { "query", "header", "path" })
                {
                    data.Add(name, location);
                }
            }

            return data;
        }
    }

    /// <summary>The operation has a path parameter, a JSON body, a JSON response and an error response, so the method has every kind of local.</summary>
    [Theory]
    [MemberData(nameof(LocalNames))]
    public void ParameterNamedLikeAGeneratorLocalCompilesAndKeepsItsName(string name, string location)
    {
        var path = location == "path" ? "/items/{id}/{" + name + "}" : "/items/{id}";
        var text = Header + $$"""
            paths:
              {{path}}:
                post:
                  operationId: updateItem
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
                    - name: {{name}}
                      in: {{location}}
                      required: true
                      schema:
                        type: string
                    - name: limit
                      in: query
                      schema:
                        type: integer
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Item'
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Item'
                    '400':
                      description: bad
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Problem'
            components:
              schemas:
                Item:
                  type: object
                  properties:
                    id:
                      type: string
                Problem:
                  type: object
                  properties:
                    code:
                      type: string
                    message:
                      type: string
            """;

        var result = SafetyAssert.Run("/specs/locals.yaml", text);

        SafetyAssert.AssertCleanExcept(result, "OAPI007");
        var method = SafetyAssert.Method(result, "LocalsClient", "UpdateItemAsync");
        var strings = method.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_String).Select(p => p.Name).ToList();
        Assert.Equal(2, strings.Count);
        Assert.Contains("id", strings);
        Assert.Single(method.Parameters, p => p.Type.ToDisplayString() == "System.Threading.CancellationToken");
        if (name != "cancellationToken")
        {
            Assert.Contains(name, strings);
        }
    }

    public static TheoryData<string> LoneSurrogates => new()
    {
        "json-escaped-high-in-title",
        "json-escaped-low-in-title",
        "json-escaped-in-description",
        "json-escaped-in-key",
        "json-raw-high-in-title",
        "json-raw-low-in-description",
        "yaml-escaped-in-title",
        "yaml-raw-in-title",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public void LoneSurrogateIsOapi001AtTheString(string name)
    {
        var (path, text, token) = LoneSurrogate(name);

        var result = SafetyAssert.Run(path, text);

        var diagnostic = SafetyAssert.OnlyError(result, "OAPI001");
        // our JSON reader points into the string; YamlDotNet's scanner reports its error at the opening quote
        SafetyAssert.AssertLocation(diagnostic, path, text, SafetyAssert.PositionOf(text, name.StartsWith("json", StringComparison.Ordinal) ? SafetyAssert.ScalarContent(token) : token));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    private static (string Path, string Text, string Token) LoneSurrogate(string name)
    {
        const string json = """
            {
              "openapi": "3.0.3",
              "info": { "title": TITLE, "version": "1" },
              "paths": {},
              "components": {
                "schemas": {
                  "Thing": {
                    "type": "object",
                    "properties": { KEY: { "type": "string", "description": DESCRIPTION } }
                  }
                }
              }
            }
            """;
        const string yaml = """
            openapi: 3.0.3
            info:
              title: TITLE
              version: '1'
            paths: {}
            """;

        string Json(string title = "\"T\"", string key = "\"name\"", string description = "\"d\"")
            => json.Replace("TITLE", title, StringComparison.Ordinal).Replace("KEY", key, StringComparison.Ordinal).Replace("DESCRIPTION", description, StringComparison.Ordinal);

        return name switch
        {
            "json-escaped-high-in-title" => ("/specs/surrogate.json", Json(title: "\"Pets \\ud800\""), "\"Pets \\ud800\""),
            "json-escaped-low-in-title" => ("/specs/surrogate.json", Json(title: "\"\\udc00 Pets\""), "\"\\udc00 Pets\""),
            "json-escaped-in-description" => ("/specs/surrogate.json", Json(description: "\"half \\ud83d of an emoji\""), "\"half \\ud83d of an emoji\""),
            "json-escaped-in-key" => ("/specs/surrogate.json", Json(key: "\"na\\ud800me\""), "\"na\\ud800me\""),
            "json-raw-high-in-title" => ("/specs/surrogate.json", Json(title: "\"Pets \ud800\""), "\ud800"),
            "json-raw-low-in-description" => ("/specs/surrogate.json", Json(description: "\"half \udc00\""), "\udc00"),
            "yaml-escaped-in-title" => ("/specs/surrogate.yaml", yaml.Replace("TITLE", "\"Pets \\ud800\"", StringComparison.Ordinal), "\"Pets \\ud800\""),
            "yaml-raw-in-title" => ("/specs/surrogate.yaml", yaml.Replace("TITLE", "Pets \ud800", StringComparison.Ordinal), "\ud800"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static INamedTypeSymbol Returned(GenerationResult result, string method)
    {
        var task = (INamedTypeSymbol)SafetyAssert.Method(result, "CasesClient", method).ReturnType;
        return (INamedTypeSymbol)task.TypeArguments.Single();
    }

    /// <summary>A type generated under another name than the schema's own has an OAPI007 saying so.</summary>
    private static void AssertRenamingIsReported(GenerationResult result, IEnumerable<(string Schema, string Generated)> types)
    {
        foreach (var (schema, generated) in types)
        {
            if (!IsPascalCaseOf(schema, generated))
            {
                Assert.True(
                    result.GeneratorDiagnostics.Any(d => d.Id == "OAPI007" && d.GetMessage().Contains(schema, StringComparison.Ordinal)),
                    $"'{schema}' is generated as '{generated}' without an OAPI007:\n" + string.Join("\n", result.GeneratorDiagnostics));
            }
        }
    }

    /// <summary>Whether <paramref name="generated"/> is <paramref name="name"/> as written or only re-cased (plus the Async suffix of methods).</summary>
    private static bool IsPascalCaseOf(string name, string generated)
    {
        var stem = generated.EndsWith("Async", StringComparison.Ordinal) ? generated.Substring(0, generated.Length - 5) : generated;
        var letters = new string(name.Where(char.IsLetterOrDigit).ToArray());
        return string.Equals(letters, stem, StringComparison.OrdinalIgnoreCase);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// No spec text becomes code: every hostile string (line terminators C# knows and XML docs don't, comment and string
/// ends, XML specials, control characters, braces, and payloads declaring a type) in every place a document can carry
/// text generates code that compiles, declares no type of the payload's, and holds no raw Unicode line terminator.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>Each slot's neutral value; a context puts the payload in one slot.</summary>
    private static readonly Dictionary<string, string> s_neutral = new(StringComparer.Ordinal)
    {
        ["TITLE"] = Quote("Injection"),
        ["INFO_DESCRIPTION"] = Quote("An API"),
        ["SERVER"] = Quote("https://api.example.com"),
        ["PATH"] = Quote("/things/{id}"),
        ["OPERATION_ID"] = Quote("getThing"),
        ["SUMMARY"] = Quote("Gets a thing"),
        ["OPERATION_DESCRIPTION"] = Quote("Returns the thing"),
        ["PARAMETER_NAME"] = Quote("filter"),
        ["PARAMETER_DESCRIPTION"] = Quote("A filter"),
        ["SCHEMA_DESCRIPTION"] = Quote("A thing"),
        ["PROPERTY_NAME"] = Quote("name"),
        ["PROPERTY_DESCRIPTION"] = Quote("The name"),
        ["DEFAULT"] = Quote("none"),
        ["EXAMPLE"] = Quote("sample"),
        ["ENUM_VALUE"] = Quote("fancy"),
        ["INTEGER_ENUM_VALUE"] = "1",
        ["ENUM_VARNAME"] = Quote("Fancy"),
        ["ENUM_DESCRIPTION"] = Quote("The fancy kind"),
        ["SCHEMA_NAME"] = Quote("Other"),
        ["ERROR_CODE"] = Quote("E.001"),
        ["ERROR_MESSAGE"] = Quote("Bad request"),
        ["ERROR_ACTION"] = Quote("Fix the request"),
    };

    /// <summary>Where the payload goes: the slot and how the payload is written into it.</summary>
    private static readonly Dictionary<string, (string Slot, Func<string, string> Value)> s_contexts = new(StringComparer.Ordinal)
    {
        ["info-title"] = ("TITLE", p => p),
        ["info-description"] = ("INFO_DESCRIPTION", p => p),
        ["operation-summary"] = ("SUMMARY", p => p),
        ["operation-description"] = ("OPERATION_DESCRIPTION", p => p),
        ["parameter-description"] = ("PARAMETER_DESCRIPTION", p => p),
        ["schema-description"] = ("SCHEMA_DESCRIPTION", p => p),
        ["property-description"] = ("PROPERTY_DESCRIPTION", p => p),
        ["string-enum-value"] = ("ENUM_VALUE", p => p),
        ["integer-enum-value-as-string"] = ("INTEGER_ENUM_VALUE", p => p),
        ["enum-varname"] = ("ENUM_VARNAME", p => p),
        ["enum-description"] = ("ENUM_DESCRIPTION", p => p),
        ["property-name"] = ("PROPERTY_NAME", p => p),
        ["schema-name"] = ("SCHEMA_NAME", p => p),
        ["operation-id"] = ("OPERATION_ID", p => p),
        ["parameter-name"] = ("PARAMETER_NAME", p => p),
        ["path-literal-segment"] = ("PATH", p => "/a" + p + "b/{id}"),
        ["server-url"] = ("SERVER", p => "https://api.example.com/" + p),
        ["default-value"] = ("DEFAULT", p => p),
        ["example-value"] = ("EXAMPLE", p => p),
        ["error-code"] = ("ERROR_CODE", p => p),
        ["error-message"] = ("ERROR_MESSAGE", p => p),
        ["error-action"] = ("ERROR_ACTION", p => p),
    };

    /// <summary>The places a JSON document is also tried, its keys and values read by the JSON reader.</summary>
    private static readonly string[] s_jsonContexts = { "info-title", "property-name", "schema-name", "string-enum-value", "error-message" };

    /// <summary>Slots hold JSON string literals, which YAML reads as double-quoted scalars with the same escapes.</summary>
    private const string YamlTemplate = """
        openapi: 3.0.3
        info:
          title: TITLE
          description: INFO_DESCRIPTION
          version: '1'
        servers:
          - url: SERVER
        paths:
          PATH:
            get:
              operationId: OPERATION_ID
              summary: SUMMARY
              description: OPERATION_DESCRIPTION
              parameters:
                - name: id
                  in: path
                  required: true
                  schema:
                    type: string
                - name: PARAMETER_NAME
                  in: query
                  description: PARAMETER_DESCRIPTION
                  schema:
                    type: string
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
              description: SCHEMA_DESCRIPTION
              properties:
                PROPERTY_NAME:
                  type: string
                  description: PROPERTY_DESCRIPTION
                  default: DEFAULT
                  example: EXAMPLE
                kind:
                  $ref: '#/components/schemas/Kind'
                level:
                  $ref: '#/components/schemas/Level'
            Kind:
              type: string
              enum: [ENUM_VALUE, plain]
              x-enum-varnames: [ENUM_VARNAME, Plain]
              x-enum-descriptions: [ENUM_DESCRIPTION, The plain kind]
            Level:
              type: integer
              enum: [INTEGER_ENUM_VALUE, 2]
            SCHEMA_NAME:
              type: object
              properties:
                id:
                  type: string
        x-error-codes:
          - code: ERROR_CODE
            status: 400
            message: ERROR_MESSAGE
            action: ERROR_ACTION
        """;

    private const string JsonTemplate = """
        {
          "openapi": "3.0.3",
          "info": { "title": TITLE, "description": INFO_DESCRIPTION, "version": "1" },
          "servers": [{ "url": SERVER }],
          "paths": {
            PATH: {
              "get": {
                "operationId": OPERATION_ID,
                "summary": SUMMARY,
                "description": OPERATION_DESCRIPTION,
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": PARAMETER_NAME, "in": "query", "description": PARAMETER_DESCRIPTION, "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "description": SCHEMA_DESCRIPTION,
                "properties": {
                  PROPERTY_NAME: { "type": "string", "description": PROPERTY_DESCRIPTION, "default": DEFAULT, "example": EXAMPLE },
                  "kind": { "$ref": "#/components/schemas/Kind" },
                  "level": { "$ref": "#/components/schemas/Level" }
                }
              },
              "Kind": {
                "type": "string",
                "enum": [ENUM_VALUE, "plain"],
                "x-enum-varnames": [ENUM_VARNAME, "Plain"],
                "x-enum-descriptions": [ENUM_DESCRIPTION, "The plain kind"]
              },
              "Level": { "type": "integer", "enum": [INTEGER_ENUM_VALUE, 2] },
              SCHEMA_NAME: { "type": "object", "properties": { "id": { "type": "string" } } }
            }
          },
          "x-error-codes": [{ "code": ERROR_CODE, "status": 400, "message": ERROR_MESSAGE, "action": ERROR_ACTION }]
        }
        """;

    public static TheoryData<string, string> YamlCases => Cross(s_contexts.Keys);

    public static TheoryData<string, string> JsonCases => Cross(s_jsonContexts);

    [Theory]
    [MemberData(nameof(YamlCases))]
    public void HostileTextInYamlNeverBecomesCode(string payload, string context)
        => AssertInert("/specs/injection.yaml", Document(YamlTemplate, payload, context));

    [Theory]
    [MemberData(nameof(JsonCases))]
    public void HostileTextInJsonNeverBecomesCode(string payload, string context)
        => AssertInert("/specs/injection.json", Document(JsonTemplate, payload, context));

    /// <summary>The document itself is not what fails: with neutral values it generates cleanly.</summary>
    [Theory]
    [InlineData("/specs/injection.yaml", YamlTemplate)]
    [InlineData("/specs/injection.json", JsonTemplate)]
    public void TemplatesGenerateCleanlyWithNeutralValues(string path, string template)
    {
        var result = SafetyAssert.Run(path, Fill(template, s_neutral));

        SafetyAssert.AssertCleanExcept(result);
        SafetyAssert.Method(result, "InjectionClient", "GetThingAsync");
        Assert.Equal("Test.Api.Kind?", SafetyAssert.PropertyType(result, "Thing", "Kind"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Test.Api.Other"));
    }

    private static void AssertInert(string path, string text)
    {
        var result = SafetyAssert.Run(path, text);

        SafetyAssert.AssertNoFailure(result);
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 0, "errors:\n" + string.Join("\n", errors.Take(20)));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Test.Api.InjectionClient"));
        Assert.Empty(result.Output.GetSymbolsWithName("Pwned", SymbolFilter.All));
        foreach (var tree in result.RunResult.GeneratedTrees)
        {
            var source = tree.ToString();
            foreach (var terminator in new[] { '\u2028', '\u2029', '\u0085' })
            {
                var at = source.IndexOf(terminator);
                Assert.True(at < 0, $"{System.IO.Path.GetFileName(tree.FilePath)} holds a raw U+{(int)terminator:X4} at {SafetyAssert.PositionAt(source, at)}");
            }

            var syntaxErrors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(syntaxErrors.Count == 0, $"{System.IO.Path.GetFileName(tree.FilePath)} does not parse:\n" + string.Join("\n", syntaxErrors.Take(10)));
        }
    }

    private static string Document(string template, string payload, string context)
    {
        var (slot, value) = s_contexts[context];
        var slots = new Dictionary<string, string>(s_neutral, StringComparer.Ordinal) { [slot] = Quote(value(HostileStrings.ByName[payload])) };
        return Fill(template, slots);
    }

    /// <summary>Replaces every slot name; longer names first, so that no name is replaced inside another.</summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> slots)
    {
        var text = template;
        foreach (var slot in slots.Keys.OrderByDescending(k => k.Length))
        {
            text = text.Replace(slot, slots[slot], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A JSON string literal, every character outside printable ASCII escaped.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static TheoryData<string, string> Cross(IEnumerable<string> contexts)
    {
        var data = new TheoryData<string, string>();
        foreach (var context in contexts)
        {
            foreach (var payload in HostileStrings.ByName.Keys)
            {
                data.Add(payload, context);
            }
        }

        return data;
    }
}

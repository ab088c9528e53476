using System;
using System.Linq;
using System.Threading;
using OmsGenerated.Generator.Model;
using OmsGenerated.Generator.Parsing;
using OmsGenerated.Generator.Parsing.Syntax;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The syntax pass in front of NSwag: JSON and YAML read to the same tree with positions, YAML typed by the 1.2 core
/// schema, references followed within the document only, and every malformed input an error diagnostic (never an
/// exception or a hang).
/// </summary>
public sealed class SpecReaderTests
{
    [Fact]
    public void JsonAndYamlReadToTheSameTree()
    {
        var json = JsonSyntaxReader.Read("""{"a": {"b": [1, 2.5, "x", true, null]}, "c": "d"}""", CancellationToken.None);
        var yaml = YamlSyntaxReader.Read("a:\n  b: [1, 2.5, x, true, null]\nc: d\n", CancellationToken.None);

        Assert.Equal(Describe(json), Describe(yaml));
        Assert.Equal("{a:{b:[1(Int64),2.5(Double),x(String),true(Boolean),null]},c:d(String)}", Describe(json));
    }

    [Theory]
    [InlineData("'1'", "1", typeof(string))]
    [InlineData("\"true\"", "true", typeof(string))]
    [InlineData("!!str 12", "12", typeof(string))]
    [InlineData("1.0", "1.0", typeof(double))]
    [InlineData("0x1F", "0x1F", typeof(long))]
    [InlineData("-12", "-12", typeof(long))]
    [InlineData("99999999999999999999", "99999999999999999999", typeof(decimal))]
    [InlineData("True", "true", typeof(bool))]
    [InlineData("~", null, null)]
    [InlineData("3.0.3", "3.0.3", typeof(string))]
    [InlineData("1e3", "1e3", typeof(double))]
    public void YamlPlainScalarsAreTypedByTheCoreSchemaAndQuotedOnesAreStrings(string source, string? text, Type? type)
    {
        var scalar = Assert.IsType<SpecScalar>(((SpecMap)YamlSyntaxReader.Read("v: " + source, CancellationToken.None))["v"]);

        Assert.Equal(text, scalar.Text);
        Assert.Equal(type, scalar.Value?.GetType());
    }

    [Fact]
    public void YamlAnchorsAndAliasesAreResolved()
    {
        var root = (SpecMap)YamlSyntaxReader.Read("base: &shared\n  type: string\ncopy: *shared\n", CancellationToken.None);

        Assert.Same(root["base"], root["copy"]);
    }

    [Fact]
    public void RepeatedKeysKeepTheirFirstPlaceAndLastValue()
    {
        var small = (SpecMap)JsonSyntaxReader.Read("""{"a": 1, "b": 2, "a": 3}""", CancellationToken.None);
        var large = (SpecMap)JsonSyntaxReader.Read("{" + string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"k{i}\": {i}")) + ", \"k3\": 99}", CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, small.Entries.Select(e => e.Key));
        Assert.Equal("3", ((SpecScalar)small["a"]!).Text);
        Assert.Equal(20, large.Count);
        Assert.Equal("99", ((SpecScalar)large["k3"]!).Text);
        Assert.Equal("k3", large.Entries[3].Key);
    }

    [Fact]
    public void JsonCommentsAndTrailingCommasAreAccepted()
    {
        var root = (SpecMap)JsonSyntaxReader.Read("{\n  // a comment\n  \"a\": [1, 2,],\n}", CancellationToken.None);

        Assert.Equal(2, ((SpecList)root["a"]!).Items.Count);
    }

    [Fact]
    public void JsonSyntaxErrorColumnsCountCharactersNotUtf8Bytes()
    {
        // "é" and "日本" take 2 and 6 UTF-8 bytes; the stray 'x' is character 20 of its line (0-based 19)
        const string text = "{\n  \"title\": \"é日本\", x }";
        var error = Assert.Throws<SpecSyntaxException>(() => JsonSyntaxReader.Read(text, CancellationToken.None));

        Assert.Equal(text.IndexOf('x'), error.Offset);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DeeplyNestedDocumentsAreASyntaxErrorNotAStackOverflow(bool json)
    {
        var depth = 5000;
        var text = json
            ? "{\"openapi\": \"3.0.0\", \"x\": " + new string('[', depth) + new string(']', depth) + "}"
            : "openapi: 3.0.0\nx: " + new string('[', depth) + new string(']', depth) + "\n";

        var result = GeneratorHarness.Run(GeneratorHarness.Spec(json ? "/specs/deep.json" : "/specs/deep.yaml", text));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("OAPI001", diagnostic.Id);
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void ReferenceCycleIsOapi003()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/A' }
            components:
              schemas:
                A: { $ref: '#/components/schemas/B' }
                B: { $ref: '#/components/schemas/A' }
            """;

        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/cycle.yaml", text));

        // every reference on the cycle is reported where it is written
        Assert.Equal(2, result.GeneratorDiagnostics.Length);
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("OAPI003", d.Id));
        Assert.All(result.GeneratorDiagnostics, d => Assert.Contains("cycle", d.GetMessage(), StringComparison.Ordinal));
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    [Fact]
    public void UnsupportedVersionIsOapi002AtTheVersion()
    {
        const string text = "openapi: 4.0.0\ninfo: { title: T, version: '1' }\npaths: {}\n";

        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/v4.yaml", text));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("OAPI002", diagnostic.Id);
        Assert.Equal((0, 9), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void AnEscapedPointerAndAPropertyNamedLikeAKeywordResolve()
    {
        const string text = """
            {
              "openapi": "3.1.0",
              "info": { "title": "T", "version": "1" },
              "paths": { "/a": { "get": { "operationId": "getA", "responses": { "200": { "description": "ok",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/a~1b%20c" } } } } } } } },
              "components": { "schemas": {
                "a/b c": { "type": "object", "properties": {
                  "default": { "$ref": "#/components/schemas/Leaf" },
                  "limit": { "type": ["integer", "null"], "exclusiveMinimum": 0 } } },
                "Leaf": { "type": "string" } } }
            }
            """;

        var parsed = SpecParser.Parse(new SpecInput("/specs/pointer.json", text, "T.Api", "TClient", "public"), CancellationToken.None);

        Assert.Empty(parsed.Diagnostics);
        var model = Assert.Single(parsed.Model!.Objects);
        Assert.Equal(TypeKind.String, model.Properties.Single(p => p.JsonName == "default").Type.Kind);
        var limit = model.Properties.Single(p => p.JsonName == "limit");
        Assert.Equal(TypeKind.Int64, limit.Type.Kind);
        Assert.True(limit.IsNullable);
        Assert.Equal("0", limit.Constraints.Minimum);
        Assert.True(limit.Constraints.ExclusiveMinimum);
    }

    [Fact]
    public void YamlEnumNamesAndDescriptionsFromExtensionsAreUsed()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Day:
                  type: integer
                  enum: [1, 2]
                  x-enum-varnames: [MONDAY, TUESDAY]
                  x-enum-descriptions: [First day, Second day]
            """;

        var parsed = SpecParser.Parse(new SpecInput("/specs/enum.yaml", text, "T.Api", "TClient", "public"), CancellationToken.None);

        var day = Assert.Single(parsed.Model!.Enums);
        Assert.Equal(new[] { "Monday", "Tuesday" }, day.Members.Select(m => m.Name));
        Assert.Equal(new[] { "First day", "Second day" }, day.Members.Select(m => m.Description));
    }

    private static string Describe(SpecNode node) => node switch
    {
        SpecMap map => "{" + string.Join(",", map.Entries.Select(e => e.Key + ":" + Describe(e.Value))) + "}",
        SpecList list => "[" + string.Join(",", list.Items.Select(Describe)) + "]",
        SpecScalar { Value: null } => "null",
        SpecScalar { Value: string s } => s + "(String)",
        SpecScalar scalar => scalar.Text + "(" + scalar.Value!.GetType().Name + ")",
        _ => "?",
    };
}

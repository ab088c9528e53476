using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Containers (JSON objects and arrays, YAML maps and lists) nest at most 64 levels. A document nested deeper — in an
/// extension, a schema, an example; JSON, YAML flow or block style — is refused with OAPI001 at the nesting, never a
/// crash; reasonable nesting (20 levels of inline objects) generates and compiles.
/// </summary>
public sealed class DeepNestingTests
{
    private const int Deep = 10_000;
    private const int DeepBlock = 1_000;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(20);

    private const string YamlHeader = """
        openapi: 3.0.3
        info:
          title: Deep
          version: '1'
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                '204':
                  description: none

        """;

    private const string JsonHeader = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Deep", "version": "1" },
          "paths": { "/ping": { "get": { "operationId": "ping", "responses": { "204": { "description": "none" } } } } },
        """;

    private static readonly Dictionary<string, Func<NestedDocument>> s_tooDeep = new(StringComparer.Ordinal)
    {
        ["json-objects-in-extension"] = () => Json("\"x-deep\": ", Repeat("{\"a\": ", Deep) + "1" + Repeat("}", Deep)),
        ["json-arrays-in-extension"] = () => Json("\"x-deep\": ", Repeat("[", Deep) + Repeat("]", Deep)),
        ["json-objects-and-arrays-in-extension"] = () => Json("\"x-deep\": ", Repeat("[{\"a\": ", Deep / 2) + "null" + Repeat("}]", Deep / 2)),
        ["json-schema-properties"] = () => Json(
            "\"components\": { \"schemas\": { \"Deep\": ",
            Repeat("{\"type\": \"object\", \"properties\": {\"a\": ", Deep) + "{\"type\": \"string\"}" + Repeat("}}", Deep),
            " } }"),
        ["json-schema-example"] = () => Json(
            "\"components\": { \"schemas\": { \"Deep\": { \"type\": \"object\", \"example\": ",
            Repeat("{\"a\": [", Deep / 2) + "1" + Repeat("]}", Deep / 2),
            " } } }"),
        ["yaml-flow-maps-in-extension"] = () => Yaml("x-deep: ", Repeat("{a: ", Deep) + "1" + Repeat("}", Deep)),
        ["yaml-flow-lists-in-extension"] = () => Yaml("x-deep: ", Repeat("[", Deep) + Repeat("]", Deep)),
        ["yaml-flow-in-schema-example"] = () => Yaml(
            "components:\n  schemas:\n    Deep:\n      type: object\n      example: ",
            Repeat("[{a: ", Deep / 2) + "1" + Repeat("}]", Deep / 2)),
        ["yaml-block-lists-in-extension"] = () => Yaml("x-deep:\n  ", Repeat("- ", Deep) + "x"),
        ["yaml-block-maps-in-extension"] = () => Yaml("x-deep:\n", BlockMaps("a", DeepBlock, "1")),
        ["yaml-block-schema-properties"] = () => Yaml(
            "components:\n  schemas:\n    Deep:\n",
            BlockSchema(DeepBlock / 2)),
    };

    public static TheoryData<string> TooDeep => new(s_tooDeep.Keys);

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task NestingBeyondTheLimitIsOapi001AtTheNesting(string name)
    {
        var document = s_tooDeep[name]();

        var result = await SafetyAssert.CompletesWithin(s_limit, () => SafetyAssert.Run(document.Path, document.Text));

        AssertRefusedAtTheNesting(result, document);
    }

    public static TheoryData<bool, int> JustOverTheLimit => new()
    {
        { true, 65 },
        { false, 65 },
        { true, 100 },
        { false, 100 },
    };

    /// <summary>66 or more levels counting the root (65 inside it) exceed 64 whether or not the root is counted.</summary>
    [Theory]
    [MemberData(nameof(JustOverTheLimit))]
    public void NestingJustOverTheLimitIsOapi001(bool json, int levelsInsideTheRoot)
    {
        var document = NestedLists(json, levelsInsideTheRoot);

        var result = SafetyAssert.Run(document.Path, document.Text);

        AssertRefusedAtTheNesting(result, document);
    }

    public static TheoryData<bool, int> UnderTheLimit => new()
    {
        { true, 62 },
        { false, 62 },
        { true, 30 },
        { false, 30 },
    };

    /// <summary>63 levels counting the root are within 64 whether or not the root is counted.</summary>
    [Theory]
    [MemberData(nameof(UnderTheLimit))]
    public void NestingUnderTheLimitIsRead(bool json, int levelsInsideTheRoot)
    {
        var document = NestedLists(json, levelsInsideTheRoot);

        var result = SafetyAssert.Run(document.Path, document.Text);

        SafetyAssert.AssertCleanExcept(result);
        SafetyAssert.Method(result, "DeepClient", "PingAsync");
    }

    public static TheoryData<string> Styles => new() { "yaml-block", "yaml-flow", "json" };

    [Theory]
    [MemberData(nameof(Styles))]
    public void TwentyLevelsOfInlineObjectsGenerateAndCompile(string style)
    {
        const int levels = 20;
        var (path, text) = InlineObjects(style, levels);

        var result = SafetyAssert.Run(path, text);

        SafetyAssert.AssertCleanExcept(result);
        var type = "Root";
        for (var level = 0; level < levels; level++)
        {
            var child = SafetyAssert.PropertyType(result, type, "Child");
            Assert.StartsWith(SafetyAssert.Namespace + ".", child, StringComparison.Ordinal);
            type = child.Substring(SafetyAssert.Namespace.Length + 1).TrimEnd('?');
        }

        Assert.Equal("string?", SafetyAssert.PropertyType(result, type, "Leaf"));
    }

    private static void AssertRefusedAtTheNesting(GenerationResult result, NestedDocument document)
    {
        var run = Assert.Single(result.RunResult.Results);
        Assert.Null(run.Exception);
        var diagnostic = SafetyAssert.OnlyError(result, "OAPI001");
        SafetyAssert.AssertInFile(diagnostic, document.Path, document.Text);
        var offset = diagnostic.Location.SourceSpan.Start;
        Assert.True(
            offset >= document.NestingStart && offset < document.NestingEnd,
            $"OAPI001 at {SafetyAssert.PositionAt(document.Text, offset)}, outside the nesting {SafetyAssert.PositionAt(document.Text, document.NestingStart)}–{SafetyAssert.PositionAt(document.Text, document.NestingEnd)}: {diagnostic.GetMessage()}");
        SafetyAssert.AssertMessageContains(diagnostic, "nested");
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    private static NestedDocument NestedLists(bool json, int levels)
        => json
            ? Json("\"x-deep\": ", Repeat("[", levels) + Repeat("]", levels))
            : Yaml("x-deep: ", Repeat("[", levels) + Repeat("]", levels));

    private static NestedDocument Json(string before, string nesting, string after = "")
        => Document("/specs/deep.json", JsonHeader + "  " + before, nesting, after + "\n}\n");

    private static NestedDocument Yaml(string before, string nesting)
        => Document("/specs/deep.yaml", YamlHeader + before, nesting, "\n");

    private static NestedDocument Document(string path, string before, string nesting, string after)
        => new(path, before + nesting + after, before.Length, before.Length + nesting.Length);

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary><paramref name="levels"/> nested block maps, one space of indentation per level.</summary>
    private static string BlockMaps(string key, int levels, string leaf)
    {
        var builder = new StringBuilder();
        for (var level = 1; level <= levels; level++)
        {
            builder.Append(' ', level).Append(key).Append(level == levels ? ": " + leaf : ":").Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A schema whose property is a schema whose property is … <paramref name="levels"/> deep, one space per level.</summary>
    private static string BlockSchema(int levels)
    {
        var builder = new StringBuilder();
        var indent = 6;
        for (var level = 0; level < levels; level++)
        {
            builder.Append(' ', indent).Append("properties:\n");
            builder.Append(' ', indent + 1).Append("a:\n");
            indent += 2;
        }

        builder.Append(' ', indent).Append("type: string\n");
        return builder.ToString();
    }

    private static (string Path, string Text) InlineObjects(string style, int levels)
    {
        switch (style)
        {
            case "yaml-block":
            {
                var builder = new StringBuilder(ResponseOf("Root", json: false) + "components:\n  schemas:\n    Root:\n");
                var indent = 6;
                for (var level = 0; level < levels; level++)
                {
                    builder.Append(' ', indent).Append("type: object\n");
                    builder.Append(' ', indent).Append("properties:\n");
                    builder.Append(' ', indent + 2).Append("child:\n");
                    indent += 4;
                }

                builder.Append(' ', indent).Append("type: object\n");
                builder.Append(' ', indent).Append("properties:\n");
                builder.Append(' ', indent + 2).Append("leaf:\n");
                builder.Append(' ', indent + 4).Append("type: string\n");
                return ("/specs/deep.yaml", builder.ToString());
            }

            case "yaml-flow":
                return ("/specs/deep.yaml", ResponseOf("Root", json: false) + "components:\n  schemas:\n    Root: " + FlowObjects(levels, json: false) + "\n");
            default:
                return ("/specs/deep.json", "{\n" + ResponseOf("Root", json: true) + "  \"components\": { \"schemas\": { \"Root\": " + FlowObjects(levels, json: true) + " } }\n}\n");
        }
    }

    private static string FlowObjects(int levels, bool json)
    {
        string Quote(string s) => json ? "\"" + s + "\"" : s;
        var open = "{" + Quote("type") + ": " + Quote("object") + ", " + Quote("properties") + ": {" + Quote("child") + ": ";
        var leaf = "{" + Quote("type") + ": " + Quote("object") + ", " + Quote("properties") + ": {" + Quote("leaf") + ": {" + Quote("type") + ": " + Quote("string") + "}}}";
        return Repeat(open, levels) + leaf + Repeat("}}", levels);
    }

    private static string ResponseOf(string schema, bool json)
        => json
            ? $$"""
                "openapi": "3.0.3",
                "info": { "title": "Deep", "version": "1" },
                "paths": { "/root": { "get": { "operationId": "getRoot", "responses": { "200": { "description": "ok",
                  "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{schema}}" } } } } } } } },

              """
            : $"""
                openapi: 3.0.3
                info:
                  title: Deep
                  version: '1'
                paths:
                  /root:
                    get:
                      operationId: getRoot
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/{schema}'

                """;

    private sealed record NestedDocument(string Path, string Text, int NestingStart, int NestingEnd);
}

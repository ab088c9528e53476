using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// YAML "billion laughs": a few hundred bytes of anchors whose aliases expand exponentially. Refused quickly with
/// OAPI001 at an alias, wherever they sit; a run over one can be cancelled. Ordinary anchors, aliases and merge keys
/// (<c>&lt;&lt;: *base</c>, explicit keys win) still work.
/// </summary>
public sealed class AliasBombTests
{
    private const string Path = "/specs/bomb.yaml";
    private const int Levels = 9;
    private const int Fanout = 9;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(20);

    private const string Header = """
        openapi: 3.0.3
        info:
          title: Bomb
          version: '1'

        """;

    private const string Ping = """
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                '204':
                  description: none

        """;

    private static readonly Dictionary<string, string> s_bombs = new(StringComparer.Ordinal)
    {
        ["flow-lists-in-extension"] = Header + Ping + "x-lol:\n" + Chain(2, FlowList),
        ["flow-maps-in-extension"] = Header + Ping + "x-lol:\n" + Chain(2, FlowMap),
        ["block-lists-in-extension"] = Header + Ping + "x-lol:\n" + Chain(2, BlockList),
        ["block-maps-in-extension"] = Header + Ping + "x-lol:\n" + Chain(2, BlockMap),
        ["in-schema-example"] = Header + Ping + """
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name:
                      type: string
                  example:

            """ + Chain(8, FlowList),
        ["under-paths"] = Header + "paths:\n" + Chain(2, FlowList, key: level => "/p" + level),
        ["under-a-response"] = Header + """
            paths:
              /lol:
                get:
                  operationId: lol
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:

            """ + Chain(18, FlowMap),
    };

    public static TheoryData<string> Bombs => new(s_bombs.Keys);

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task AliasBombIsOapi001AtAnAlias(string name)
    {
        var text = s_bombs[name];
        Assert.True(text.Length < 2048, $"the bomb is {text.Length} characters");

        var result = await SafetyAssert.CompletesWithin(s_limit, () => SafetyAssert.Run(Path, text));

        Assert.Null(Assert.Single(result.RunResult.Results).Exception);
        var diagnostic = SafetyAssert.OnlyError(result, "OAPI001");
        SafetyAssert.AssertInFile(diagnostic, Path, text);
        AssertAtAnAlias(diagnostic, text);
        SafetyAssert.AssertMessageContains(diagnostic, "alias");
        Assert.Empty(result.RunResult.GeneratedTrees);
    }

    /// <summary>
    /// The token is cancelled 200 ms in; the run must end within 10 s by throwing OperationCanceledException. A
    /// generator that refuses the bomb before the token is cancelled has nothing left to cancel: then it must have
    /// ended before the cancellation, with the OAPI001 refusal.
    /// </summary>
    [Theory]
    [InlineData("flow-lists-in-extension")]
    [InlineData("under-paths")]
    [InlineData("in-schema-example")]
    public async Task RunOverABombHonoursCancellation(string name)
    {
        var cancelAfter = TimeSpan.FromMilliseconds(200);
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.Spec(Path, s_bombs[name], SafetyAssert.Namespace) });
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        using var cancellation = new CancellationTokenSource();
        var stopwatch = Stopwatch.StartNew();
        cancellation.CancelAfter(cancelAfter);

        var run = await SafetyAssert.CompletesWithin(TimeSpan.FromSeconds(10), () => RunOrCancel(driver, compilation, cancellation.Token));

        stopwatch.Stop();
        if (run is not null)
        {
            Assert.True(stopwatch.Elapsed < cancelAfter, $"the run ignored cancellation: it ended normally after {stopwatch.ElapsedMilliseconds} ms");
            Assert.Contains(run.Diagnostics, d => d.Id == "OAPI001");
        }
    }

    /// <summary>The run's result, or null when it was cancelled.</summary>
    private static GeneratorDriverRunResult? RunOrCancel(GeneratorDriver driver, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return driver.RunGenerators(compilation, cancellationToken).GetRunResult();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static readonly Dictionary<string, (string Text, Action<GenerationResult> Check)> s_ordinary = new(StringComparer.Ordinal)
    {
        ["reused-parameter"] = (Header + """
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - &limit
                      name: limit
                      in: query
                      schema:
                        type: integer
                        format: int32
                  responses:
                    '204':
                      description: none
              /owners:
                get:
                  operationId: listOwners
                  parameters:
                    - *limit
                  responses:
                    '204':
                      description: none
            """, result =>
            {
                foreach (var method in new[] { "ListPetsAsync", "ListOwnersAsync" })
                {
                    var limit = Assert.Single(SafetyAssert.Method(result, "AliasesClient", method).Parameters, p => p.Name == "limit");
                    Assert.Equal("int?", limit.Type.ToDisplayString());
                }
            }),
        ["reused-schema-map"] = (Header + """
            paths:
              /pets:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: &pet
                            type: object
                            properties:
                              name:
                                type: string
              /pets/first:
                get:
                  operationId: getFirstPet
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: *pet
            """, result =>
            {
                // NSwag reads the document as JSON, where an alias is a copy: each operation gets a model of the same shape
                foreach (var method in new[] { "GetPetAsync", "GetFirstPetAsync" })
                {
                    var returned = SafetyAssert.Method(result, "AliasesClient", method).ReturnType;
                    var model = ((INamedTypeSymbol)returned).TypeArguments.Single();
                    Assert.Equal("string?", SafetyAssert.PropertyType(result, model.Name, "Name"));
                }
            }),
        ["reused-responses-and-scalars"] = (Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  summary: &summary Reads a thing
                  responses: &responses
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
              /b:
                get:
                  operationId: getB
                  summary: *summary
                  responses: *responses
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id:
                      type: string
            """, result =>
            {
                Assert.Equal("System.Threading.Tasks.Task<Test.Api.Thing>", SafetyAssert.Method(result, "AliasesClient", "GetAAsync").ReturnType.ToDisplayString());
                Assert.Equal("System.Threading.Tasks.Task<Test.Api.Thing>", SafetyAssert.Method(result, "AliasesClient", "GetBAsync").ReturnType.ToDisplayString());
                Assert.Contains("Reads a thing", SafetyAssert.Method(result, "AliasesClient", "GetBAsync").GetDocumentationCommentXml(), StringComparison.Ordinal);
            }),
    };

    public static TheoryData<string> Ordinary => new(s_ordinary.Keys);

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void OrdinaryAnchorsAndAliasesAreResolved(string name)
    {
        var (text, check) = s_ordinary[name];

        var result = SafetyAssert.Run("/specs/aliases.yaml", text);

        SafetyAssert.AssertCleanExcept(result);
        check(result);
    }

    private static readonly Dictionary<string, (string Schemas, (string Property, string Type)[] Expected, string[] Absent)> s_merges = new(StringComparer.Ordinal)
    {
        // the base's keys come in; the explicit 'required' replaces the base's
        ["schema-level"] = ("""
            Pet:
              <<: *baseSchema
              description: A pet
              required: [id, name]
            """, new[] { ("Id", "string"), ("Name", "string") }, Array.Empty<string>()),
        // property maps merge; the explicit 'name' wins over the base's
        ["properties-level"] = ("""
            Pet:
              type: object
              properties:
                <<: *baseProperties
                age:
                  type: integer
                  format: int32
                name:
                  type: integer
                  format: int32
            """, new[] { ("Id", "string?"), ("Name", "int?"), ("Age", "int?") }, Array.Empty<string>()),
        // a list of maps merges in order, an earlier map's key winning over a later one's
        ["list-of-maps"] = ("""
            Pet:
              type: object
              properties:
                <<: [*labelProperties, *baseProperties]
                age:
                  type: integer
                  format: int32
            """, new[] { ("Id", "string?"), ("Name", "int?"), ("Label", "string?"), ("Age", "int?") }, Array.Empty<string>()),
        // merging is shallow: an explicit 'properties' replaces the base's whole map
        ["explicit-key-replaces-a-whole-map"] = ("""
            Pet:
              <<: *baseSchema
              properties:
                owner:
                  type: string
            """, new[] { ("Owner", "string?") }, new[] { "Id", "Name" }),
    };

    public static TheoryData<string> Merges => new(s_merges.Keys);

    [Theory]
    [MemberData(nameof(Merges))]
    public void MergeKeyMergesTheBaseMapAndExplicitKeysWin(string name)
    {
        var (schemas, expected, absent) = s_merges[name];
        var text = Header + """
            x-templates:
              baseSchema: &baseSchema
                type: object
                required: [id]
                properties: &baseProperties
                  id:
                    type: string
                  name:
                    type: string
              labels: &labelProperties
                label:
                  type: string
                name:
                  type: integer
                  format: int32
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

            """ + string.Join("\n", schemas.Split('\n').Select(line => "    " + line)) + "\n";

        var result = SafetyAssert.Run("/specs/merge.yaml", text);

        SafetyAssert.AssertCleanExcept(result);
        foreach (var (property, type) in expected)
        {
            Assert.Equal(type, SafetyAssert.PropertyType(result, "Pet", property));
        }

        var pet = result.Output.GetTypeByMetadataName("Test.Api.Pet")!;
        foreach (var property in absent)
        {
            Assert.Empty(pet.GetMembers(property));
        }
    }

    /// <summary>
    /// <see cref="Levels"/> keys: the first anchors <see cref="Fanout"/> scalars, each further one anchors
    /// <see cref="Fanout"/> aliases of the one before (<see cref="Fanout"/>^<see cref="Levels"/> scalars once expanded).
    /// </summary>
    private static string Chain(int indent, Func<int, string, string> node, Func<int, string>? key = null)
    {
        key ??= level => "l" + level;
        var builder = new StringBuilder();
        for (var level = 0; level < Levels; level++)
        {
            var anchor = ((char)('a' + level)).ToString();
            var item = level == 0 ? "lol" : "*" + (char)('a' + level - 1);
            builder.Append(' ', indent).Append(key(level)).Append(": &").Append(anchor).Append(node(indent, item)).Append('\n');
        }

        return builder.ToString();
    }

    private static string FlowList(int indent, string item) => " [" + string.Join(", ", Enumerable.Repeat(item, Fanout)) + "]";

    private static string FlowMap(int indent, string item) => " {" + string.Join(", ", Enumerable.Range(0, Fanout).Select(i => "k" + i + ": " + item)) + "}";

    private static string BlockList(int indent, string item)
        => string.Concat(Enumerable.Repeat("\n" + new string(' ', indent + 2) + "- " + item, Fanout));

    private static string BlockMap(int indent, string item)
        => string.Concat(Enumerable.Range(0, Fanout).Select(i => "\n" + new string(' ', indent + 2) + "k" + i + ": " + item));

    /// <summary>The diagnostic starts at a <c>*name</c> token whose anchor is defined in the text.</summary>
    private static void AssertAtAnAlias(Diagnostic diagnostic, string text)
    {
        var offset = diagnostic.Location.SourceSpan.Start;
        var position = SafetyAssert.PositionAt(text, offset);
        Assert.True(offset < text.Length && text[offset] == '*', $"OAPI001 at {position} is not at an alias: '{Excerpt(text, offset)}'");
        var anchor = new string(text.Skip(offset + 1).TakeWhile(char.IsLetterOrDigit).ToArray());
        Assert.True(anchor.Length > 0 && Regex.IsMatch(text, "&" + anchor + @"\s"), $"OAPI001 at {position}: '*{anchor}' is not an alias of an anchor in the document");
        SafetyAssert.AssertLocation(diagnostic, Path, text, position);
    }

    private static string Excerpt(string text, int offset) => offset >= text.Length ? "<end>" : text.Substring(offset, Math.Min(20, text.Length - offset)).Replace("\n", "\\n");
}

using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Valid recursive schemas — through arrays, maps, properties, allOf, directly or mutually — generate code that
/// compiles. A recursive position that cannot be a type of its own may fall back to JsonElement with an OAPI005
/// warning; nothing else is reported and the generator never fails (OAPI008) or overflows its stack.
/// </summary>
public sealed class RecursiveSchemaTests
{
    private const string Path = "/specs/recursive.yaml";
    private const string List = "System.Collections.Generic.List<";
    private const string Dictionary = "System.Collections.Generic.Dictionary<string, ";

    private static readonly Dictionary<string, RecursiveCase> s_cases = new(StringComparer.Ordinal)
    {
        ["array-of-itself"] = new(
            Document("Tree", """
                Tree:
                  type: array
                  items:
                    $ref: '#/components/schemas/Tree'
                """),
            "System.Threading.Tasks.Task<" + List),
        ["array-of-arrays-of-itself"] = new(
            Document("Forest", """
                Forest:
                  type: array
                  items:
                    type: array
                    items:
                      $ref: '#/components/schemas/Forest'
                """),
            "System.Threading.Tasks.Task<" + List + List),
        ["map-of-itself"] = new(
            Document("Dict", """
                Dict:
                  type: object
                  additionalProperties:
                    $ref: '#/components/schemas/Dict'
                """),
            "System.Threading.Tasks.Task<" + Dictionary),
        ["map-of-arrays-of-itself"] = new(
            Document("Index", """
                Index:
                  type: object
                  additionalProperties:
                    type: array
                    items:
                      $ref: '#/components/schemas/Index'
                """),
            "System.Threading.Tasks.Task<" + Dictionary + List),
        ["object-property-of-itself"] = new(
            Document("Node", """
                Node:
                  type: object
                  properties:
                    name:
                      type: string
                    parent:
                      $ref: '#/components/schemas/Node'
                """),
            "System.Threading.Tasks.Task<Test.Api.Node",
            ("Node", "Parent", "Test.Api.Node?"),
            ("Node", "Name", "string?")),
        ["array-property-of-itself"] = new(
            Document("Category", """
                Category:
                  type: object
                  properties:
                    children:
                      type: array
                      items:
                        $ref: '#/components/schemas/Category'
                """),
            "System.Threading.Tasks.Task<Test.Api.Category",
            ("Category", "Children", List + "Test.Api.Category>?")),
        ["map-property-of-itself"] = new(
            Document("Folder", """
                Folder:
                  type: object
                  properties:
                    entries:
                      type: object
                      additionalProperties:
                        $ref: '#/components/schemas/Folder'
                """),
            "System.Threading.Tasks.Task<Test.Api.Folder",
            ("Folder", "Entries", Dictionary + "Test.Api.Folder>?")),
        ["mutual-through-properties"] = new(
            Document("A", """
                A:
                  type: object
                  properties:
                    b:
                      $ref: '#/components/schemas/B'
                B:
                  type: object
                  properties:
                    a:
                      $ref: '#/components/schemas/A'
                """),
            "System.Threading.Tasks.Task<Test.Api.A",
            ("A", "B", "Test.Api.B?"),
            ("B", "A", "Test.Api.A?")),
        ["mutual-through-arrays"] = new(
            Document("A", """
                A:
                  type: object
                  properties:
                    bs:
                      type: array
                      items:
                        $ref: '#/components/schemas/B'
                B:
                  type: object
                  properties:
                    as:
                      type: array
                      items:
                        $ref: '#/components/schemas/A'
                """),
            "System.Threading.Tasks.Task<Test.Api.A",
            ("A", "Bs", List + "Test.Api.B>?"),
            ("B", "As", List + "Test.Api.A>?")),
        ["mutual-arrays-without-objects"] = new(
            Document("Even", """
                Even:
                  type: array
                  items:
                    $ref: '#/components/schemas/Odd'
                Odd:
                  type: array
                  items:
                    $ref: '#/components/schemas/Even'
                """),
            "System.Threading.Tasks.Task<" + List + List),
        ["three-cycle"] = new(
            Document("X", """
                X:
                  type: object
                  properties:
                    y:
                      $ref: '#/components/schemas/Y'
                Y:
                  type: object
                  properties:
                    z:
                      $ref: '#/components/schemas/Z'
                Z:
                  type: object
                  properties:
                    x:
                      $ref: '#/components/schemas/X'
                """),
            "System.Threading.Tasks.Task<Test.Api.X",
            ("X", "Y", "Test.Api.Y?"),
            ("Y", "Z", "Test.Api.Z?"),
            ("Z", "X", "Test.Api.X?")),
        ["through-allOf"] = new(
            Document("Node", """
                Base:
                  type: object
                  properties:
                    id:
                      type: string
                Node:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - properties:
                        children:
                          type: array
                          items:
                            $ref: '#/components/schemas/Node'
                """),
            "System.Threading.Tasks.Task<Test.Api.Node",
            ("Node", "Id", "string?"),
            ("Node", "Children", List + "Test.Api.Node>?")),
        ["allOf-of-itself"] = new(
            Document("Loop", """
                Loop:
                  type: object
                  properties:
                    id:
                      type: string
                  allOf:
                    - $ref: '#/components/schemas/Loop'
                """),
            "System.Threading.Tasks.Task<Test.Api.Loop",
            ("Loop", "Id", "string?")),
        ["swagger2-employee-manager-and-reports"] = new(
            """
            swagger: '2.0'
            info:
              title: Recursive
              version: '1'
            paths:
              /root:
                get:
                  operationId: getRoot
                  responses:
                    '200':
                      description: ok
                      schema:
                        $ref: '#/definitions/Employee'
            definitions:
              Employee:
                type: object
                properties:
                  manager:
                    $ref: '#/definitions/Employee'
                  reports:
                    type: array
                    items:
                      $ref: '#/definitions/Employee'
            """,
            "System.Threading.Tasks.Task<Test.Api.Employee",
            ("Employee", "Manager", "Test.Api.Employee?"),
            ("Employee", "Reports", List + "Test.Api.Employee>?")),
    };

    public static TheoryData<string> Cases => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RecursiveSchemaGeneratesCodeThatCompiles(string name)
    {
        var recursive = s_cases[name];

        var result = SafetyAssert.Run(Path, recursive.Document);

        SafetyAssert.AssertCleanExcept(result, "OAPI005");
        var method = SafetyAssert.Method(result, "RecursiveClient", "GetRootAsync");
        var returnType = method.ReturnType.ToDisplayString();
        Assert.True(returnType.StartsWith(recursive.ReturnTypePrefix, StringComparison.Ordinal), $"GetRootAsync returns {returnType}, expected {recursive.ReturnTypePrefix}…");
        foreach (var (type, property, propertyType) in recursive.Properties)
        {
            Assert.Equal(propertyType, SafetyAssert.PropertyType(result, type, property));
        }
    }

    private static string Document(string responseSchema, string schemas) => $"""
        openapi: 3.0.3
        info:
          title: Recursive
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
                        $ref: '#/components/schemas/{responseSchema}'
        components:
          schemas:
        {Indent(schemas, 4)}
        """;

    private static string Indent(string text, int spaces)
        => string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    private sealed record RecursiveCase(string Document, string ReturnTypePrefix, params (string Type, string Property, string PropertyType)[] Properties);
}

using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// Names that are not C# problems in themselves but collide with what the generator declares: a schema named like a
/// member of its own generated type (CS0542), an enum value named like an enum struct's method (CS0102), and two
/// response keys that normalise to the same status (an unreachable switch arm). Each compiles, with a warning.
/// </summary>
public sealed class GeneratedMemberNameTests
{
    private const string Header = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

    public static TheoryData<string, string> Documents => new()
    {
        { "enum-schema-named-value", Header + "paths: {}\ncomponents:\n  schemas:\n    Value: {type: string, enum: [a]}\n    IsKnown: {type: string, enum: [b]}\n" },
        { "object-schema-named-validate", Header + "paths: {}\ncomponents:\n  schemas:\n    Validate: {type: object, properties: {a: {type: string}}}\n    ReadJson: {type: object, properties: {a: {type: string}}}\n" },
        { "enum-value-read-json", Header + "paths: {}\ncomponents:\n  schemas:\n    E: {type: string, enum: [readJson, writeJson]}\n" },
        { "enum-varnames-write-json", Header + "paths: {}\ncomponents:\n  schemas:\n    E: {type: string, enum: [a, b], x-enum-varnames: [ReadJson, WriteJson]}\n" },
        { "status-keys-differing-in-case", Header + "paths:\n  /x:\n    get:\n      operationId: getX\n      responses:\n        '200': {description: ok}\n        4XX: {description: a, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}\n        4xx: {description: b, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}\ncomponents:\n  schemas:\n    A: {type: object, properties: {code: {type: string}}}\n    B: {type: object, properties: {msg: {type: string}}}\n" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void CollidingGeneratedNamesCompile(string name, string text)
    {
        var result = SafetyAssert.Run("/specs/" + name + ".yaml", text);

        SafetyAssert.AssertNoFailure(result);
        Assert.Empty(result.Errors);
        Assert.NotEmpty(result.RunResult.GeneratedTrees);
    }
}

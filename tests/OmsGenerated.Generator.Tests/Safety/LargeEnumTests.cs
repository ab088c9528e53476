using System;
using System.Linq;
using Xunit;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>
/// An enum with thousands of values (a country, currency or error-code list) compiles in linear time: above
/// <c>EnumEmitter.MaxPatternMembers</c> the generated <c>IsKnown</c> looks the value up in a set instead of one
/// pattern with an alternative per value (20,000 values took the compiler 717 s that way). The generated struct still
/// tells known from unknown values, for strings and integers.
/// </summary>
public sealed class LargeEnumTests
{
    [Theory]
    [InlineData("string", 5000)]
    [InlineData("integer", 5000)]
    [InlineData("string", Emitting.EnumEmitter.MaxPatternMembers)]
    [InlineData("string", Emitting.EnumEmitter.MaxPatternMembers + 1)]
    public void LargeEnumCompilesAndKnowsItsValues(string type, int count)
    {
        bool integer = type == "integer";
        string Value(int i) => integer ? (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture) : "code-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string values = string.Join(", ", Enumerable.Range(0, count).Select(i => integer ? Value(i) : "'" + Value(i) + "'"));
        string text = $$"""
            openapi: 3.0.3
            info:
              title: Codes
              version: '1'
            paths:
              /codes:
                get:
                  operationId: getCode
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Code'
            components:
              schemas:
                Code:
                  type: {{type}}
                  enum: [{{values}}]
            """;

        var result = SafetyAssert.Run("/specs/codes.yaml", text);
        SafetyAssert.AssertCleanExcept(result, "OAPI005");

        using var generated = GeneratedAssembly.From(result, SafetyAssert.Namespace);
        Type code = generated.Assembly.GetTypes().Single(t => t.Name == "Code");
        // the i-th listed value is "code-i" (strings) or 3·i (integers)
        object Listed(int i) => integer ? Activator.CreateInstance(code, i * 3)! : Activator.CreateInstance(code, Value(i))!;
        object Unlisted(bool nearMiss) => integer
            ? Activator.CreateInstance(code, nearMiss ? 1 : (count * 3) + 1)!
            : Activator.CreateInstance(code, nearMiss ? "CODE-0" : "code-" + count)!;
        bool IsKnown(object value) => (bool)code.GetProperty("IsKnown")!.GetValue(value)!;

        Assert.True(IsKnown(Listed(0)));
        Assert.True(IsKnown(Listed(count / 2)));
        Assert.True(IsKnown(Listed(count - 1)));
        Assert.False(IsKnown(Unlisted(nearMiss: false)));
        Assert.False(IsKnown(Unlisted(nearMiss: true)));
        bool usesSet = result.Output.SyntaxTrees.Any(t => t.ToString().Contains("__knownValues.Contains(Value)", StringComparison.Ordinal));
        Assert.Equal(count > Emitting.EnumEmitter.MaxPatternMembers, usesSet);
    }
}

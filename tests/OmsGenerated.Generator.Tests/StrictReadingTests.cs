using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using OmsGenerated.Runtime.Json;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// Generated readers compiled and run against hand-written JSON: a value of the wrong type is a
/// <see cref="JsonReadException"/> naming its JSON path and the expected type, the documented lenient forms still
/// read, schema defaults fill absent members of a read object only, and readOnly members are never written.
/// </summary>
public sealed class StrictReadingTests
{
    private const string Document = """
        openapi: 3.0.3
        info:
          title: Reading
          version: '1'
        paths:
          /things:
            post:
              operationId: putThing
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Thing'
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
              required: [count]
              properties:
                count: { type: integer, format: int32 }
                flag: { type: boolean }
                data: { type: string, format: byte }
                day: { type: string, format: date }
                when: { type: string, format: date-time }
                uid: { type: string, format: uuid }
                name: { type: string }
                child: { $ref: '#/components/schemas/Child' }
                children: { type: array, items: { $ref: '#/components/schemas/Child' } }
                scores: { type: object, additionalProperties: { type: integer, format: int32 } }
                numbers: { type: array, items: { type: integer, format: int32 } }
                size: { type: integer, format: int64, default: 10 }
                region: { type: string, default: cn-north-4 }
                mode: { type: string, enum: [fast, slow], default: slow }
                enabled: { type: boolean, default: true }
                ratio: { type: number, default: 0.5 }
                created_at: { type: string, format: date-time, readOnly: true }
                password: { type: string, writeOnly: true }
            Child:
              type: object
              properties:
                label: { type: string }
                odd key: { type: integer, format: int32 }
        """;

    [Theory]
    [InlineData("""{"count":1,"flag":"yes"}""", "$.flag", "boolean", JsonTokenType.String)]
    [InlineData("""{"count":1,"flag":1}""", "$.flag", "boolean", JsonTokenType.Number)]
    [InlineData("""{"count":1,"data":"not base64!"}""", "$.data", "base64 string", JsonTokenType.String)]
    [InlineData("""{"count":1,"day":"04/12/2026"}""", "$.day", "date (yyyy-MM-dd)", JsonTokenType.String)]
    [InlineData("""{"count":1,"when":"yesterday"}""", "$.when", "date-time", JsonTokenType.String)]
    [InlineData("""{"count":1,"uid":"12345"}""", "$.uid", "string in UUID format", JsonTokenType.String)]
    [InlineData("""{"count":1,"name":{"first":"x"}}""", "$.name", "string", JsonTokenType.StartObject)]
    [InlineData("""{"count":1,"child":"n/a"}""", "$.child", "object", JsonTokenType.String)]
    [InlineData("""{"count":1,"child":[]}""", "$.child", "object", JsonTokenType.StartArray)]
    [InlineData("""{"count":4294967296}""", "$.count", "32-bit integer", JsonTokenType.Number)]
    [InlineData("""{"count":1.5}""", "$.count", "32-bit integer", JsonTokenType.Number)]
    [InlineData("""{"count":null}""", "$.count", "32-bit integer", JsonTokenType.Null)]
    [InlineData("""{"count":1,"size":"ten"}""", "$.size", "64-bit integer", JsonTokenType.String)]
    [InlineData("""{"count":1,"children":[{"label":"a"},{"label":["b"]}]}""", "$.children[1].label", "string", JsonTokenType.StartArray)]
    [InlineData("""{"count":1,"children":[{},{"odd key":true}]}""", "$.children[1]['odd key']", "32-bit integer", JsonTokenType.True)]
    [InlineData("""{"count":1,"scores":{"a":1,"b":"x"}}""", "$.scores.b", "32-bit integer", JsonTokenType.String)]
    [InlineData("""{"count":1,"numbers":[1,null]}""", "$.numbers[1]", "32-bit integer", JsonTokenType.Null)]
    [InlineData("""{"count":1,"numbers":{}}""", "$.numbers", "array", JsonTokenType.StartObject)]
    [InlineData("""{"count":1,"mode":{}}""", "$.mode", "string", JsonTokenType.StartObject)]
    public void A_value_of_the_wrong_type_is_a_read_error_with_its_path(string json, string path, string expected, JsonTokenType token)
    {
        WithThing(thing =>
        {
            JsonReadException error = Assert.Throws<JsonReadException>(() => JsonSerializer.Deserialize(json, thing));

            Assert.Equal(path, error.JsonPath);
            Assert.Equal(expected, error.ExpectedType);
            Assert.Equal(token, error.TokenType);
            Assert.StartsWith("The JSON value at " + path + " is ", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_value_itself_is_never_in_the_message()
    {
        WithThing(thing =>
        {
            JsonReadException error = Assert.Throws<JsonReadException>(() => JsonSerializer.Deserialize("""{"count":1,"flag":"s3cr3t-token-value"}""", thing));

            Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_documented_lenient_forms_read_for_what_they_say()
    {
        WithThing(thing =>
        {
            object value = JsonSerializer.Deserialize(
                """{"count":"12","flag":"TRUE","name":42,"size":"7","child":"","children":null,"when":1764815921000,"day":"2026-12-04","ratio":"0.25","data":""}""",
                thing)!;

            Assert.Equal(12, Get(value, "Count"));
            Assert.Equal(true, Get(value, "Flag"));
            Assert.Equal("42", Get(value, "Name"));
            Assert.Equal(7L, Get(value, "Size"));
            Assert.Null(Get(value, "Child"));
            Assert.Null(Get(value, "Children"));
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764815921000), Get(value, "When"));
            Assert.Equal(new DateOnly(2026, 12, 4), Get(value, "Day"));
            Assert.Equal(0.25, Get(value, "Ratio"));
            Assert.Equal(Array.Empty<byte>(), Get(value, "Data"));
        });
    }

    [Fact]
    public void Defaults_fill_absent_members_of_a_read_object_but_not_sent_or_null_ones()
    {
        WithThing(thing =>
        {
            object absent = JsonSerializer.Deserialize("""{"count":1}""", thing)!;
            Assert.Equal(10L, Get(absent, "Size"));
            Assert.Equal("cn-north-4", Get(absent, "Region"));
            Assert.Equal("slow", Get(absent, "Mode")!.ToString());
            Assert.Equal(true, Get(absent, "Enabled"));
            Assert.Equal(0.5, Get(absent, "Ratio"));

            object sent = JsonSerializer.Deserialize("""{"count":1,"size":3,"region":null,"mode":"fast","enabled":false,"ratio":2}""", thing)!;
            Assert.Equal(3L, Get(sent, "Size"));
            Assert.Null(Get(sent, "Region"));
            Assert.Equal("fast", Get(sent, "Mode")!.ToString());
            Assert.Equal(false, Get(sent, "Enabled"));
            Assert.Equal(2.0, Get(sent, "Ratio"));

            // a caller's new instance carries no defaults, so none is sent that the caller did not set
            object created = Activator.CreateInstance(thing)!;
            thing.GetProperty("Count")!.SetValue(created, 5);
            Assert.Equal("""{"count":5}""", JsonSerializer.Serialize(created, thing));
        });
    }

    [Fact]
    public void ReadOnly_members_are_read_but_never_written_and_writeOnly_ones_are_written()
    {
        WithThing(thing =>
        {
            object value = JsonSerializer.Deserialize("""{"count":1,"created_at":"2026-12-04T02:00:00Z","password":"p"}""", thing)!;
            Assert.Equal(new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero), Get(value, "CreatedAt"));

            string written = JsonSerializer.Serialize(value, thing);

            Assert.DoesNotContain("created_at", written, StringComparison.Ordinal);
            Assert.Contains("\"password\":\"p\"", written, StringComparison.Ordinal);
        });
    }

    private static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

    private static void WithThing(Action<Type> test)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/reading.yaml", Document, "Test.Reading"));
        Assert.DoesNotContain(result.GeneratorDiagnostics.Concat(result.CompileDiagnostics), d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        using var generated = GeneratedAssembly.From(result, "Test.Reading");
        test(generated.Type("Thing"));
    }
}

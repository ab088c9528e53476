using Xunit;

namespace OmsGenerated.Generator.Tests.Polymorphism;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> without a discriminator is a union class: one accessor per alternative, the first whose
/// shape fits is filled (required/declared property names for objects, the token kind for primitives), and a value
/// that fits none is kept as raw JSON and written back unchanged.
/// </summary>
public sealed class UnionTests
{
    private const string Document = """
        openapi: 3.1.0
        info:
          title: Colours
          version: '1'
        paths:
          /paint:
            get:
              operationId: getPaint
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Paint'
        components:
          schemas:
            Paint:
              type: object
              properties:
                colour:
                  $ref: '#/components/schemas/Colour'
                size:
                  anyOf:
                    - type: integer
                    - type: number
                    - type: string
                      enum: [small, large]
            Colour:
              oneOf:
                - type: string
                - $ref: '#/components/schemas/Rgb'
                - $ref: '#/components/schemas/Hsl'
                - type: array
                  items:
                    type: integer
            Rgb:
              type: object
              required: [r, g, b]
              properties:
                r:
                  type: integer
                g:
                  type: integer
                b:
                  type: integer
            Hsl:
              type: object
              required: [h]
              properties:
                h:
                  type: number
                s:
                  type: number
        """;

    [Theory]
    [InlineData("""{"colour":"red"}""", "String", "red")]
    [InlineData("""{"colour":{"g":2,"r":1,"b":3}}""", "Rgb", null)]
    [InlineData("""{"colour":{"h":120.5,"s":0.5}}""", "Hsl", null)]
    [InlineData("""{"colour":[1,2,3]}""", "Int64List", null)]
    public void PicksTheAlternativeByShapeAndRoundTrips(string json, string accessor, string? text)
    {
        using var generated = GeneratedAssembly.Load(Document);
        Assert.DoesNotContain(generated.Result.GeneratorDiagnostics, d => d.Id == "OAPI005");
        var paint = generated.Read("Paint", json)!;
        var colour = paint.GetType().GetProperty("Colour")!.GetValue(paint)!;
        foreach (var property in colour.GetType().GetProperties())
        {
            var value = property.GetValue(colour);
            Assert.True(property.Name == accessor ? value is not null : value is null, property.Name + " = " + value);
        }

        if (text is not null)
        {
            Assert.Equal(text, colour.GetType().GetProperty(accessor)!.GetValue(colour));
        }

        GeneratedAssembly.AssertSameJson(json, generated.Write("Paint", paint));
    }

    [Fact]
    public void ValueMatchingNoAlternativeIsKeptRaw()
    {
        using var generated = GeneratedAssembly.Load(Document);
        const string json = """{"colour":{"cmyk":[0,1,2,3]},"size":true}""";
        var paint = generated.Read("Paint", json)!;
        var colour = paint.GetType().GetProperty("Colour")!.GetValue(paint)!;
        Assert.NotNull(colour.GetType().GetProperty("RawJson")!.GetValue(colour));
        Assert.Null(colour.GetType().GetProperty("Hsl")!.GetValue(colour));
        Assert.Equal(json, generated.Write("Paint", paint));
    }

    [Theory]
    [InlineData("3", "Int64")]
    [InlineData("3.5", "Double")]
    [InlineData("\"large\"", "PaintSizeOption3")]
    public void NumbersAndEnumsPickByTokenKind(string size, string accessor)
    {
        using var generated = GeneratedAssembly.Load(Document);
        var json = "{\"size\":" + size + "}";
        var paint = generated.Read("Paint", json)!;
        var union = paint.GetType().GetProperty("Size")!.GetValue(paint)!;
        Assert.NotNull(union.GetType().GetProperty(accessor)!.GetValue(union));
        Assert.Equal(json, generated.Write("Paint", paint));
    }
}

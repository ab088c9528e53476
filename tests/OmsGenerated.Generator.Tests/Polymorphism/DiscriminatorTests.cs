using System.Collections;
using System.Linq;
using Xunit;

namespace OmsGenerated.Generator.Tests.Polymorphism;

/// <summary>
/// A discriminator — on a base schema that others extend with allOf, or on a oneOf of objects — makes reading pick
/// the derived type the value names (explicit mapping or the schema name); any other value reads as the base's
/// unknown variant, which holds the JSON as received and writes it back unchanged.
/// </summary>
public sealed class DiscriminatorTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Zoo'
        components:
          schemas:
        """;

    private const string BaseDiscriminator = Header + """

            Zoo:
              type: object
              properties:
                pets:
                  type: array
                  items:
                    $ref: '#/components/schemas/Pet'
            Pet:
              type: object
              required: [petType, name]
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/components/schemas/Cat'
              properties:
                petType:
                  type: string
                name:
                  type: string
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    huntingSkill:
                      type: string
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    packSize:
                      type: integer
                      format: int32
        """;

    private const string OneOfDiscriminator = Header + """

            Zoo:
              type: object
              properties:
                shapes:
                  type: array
                  items:
                    $ref: '#/components/schemas/Shape'
            Shape:
              oneOf:
                - $ref: '#/components/schemas/Circle'
                - $ref: '#/components/schemas/Square'
              discriminator:
                propertyName: kind
                mapping:
                  circle: '#/components/schemas/Circle'
            Circle:
              type: object
              required: [kind, radius]
              properties:
                kind:
                  type: string
                radius:
                  type: number
            Square:
              type: object
              required: [kind, side]
              properties:
                kind:
                  type: string
                side:
                  type: number
        """;

    [Fact]
    public void BaseDiscriminatorDispatchesByMappingAndSchemaName()
    {
        using var generated = GeneratedAssembly.Load(BaseDiscriminator);
        const string json = """{"pets":[{"petType":"cat","name":"Tom","huntingSkill":"lazy"},{"name":"Rex","petType":"Dog","packSize":3},{"petType":"Pet","name":"Plain"}]}""";
        var zoo = generated.Read("Zoo", json)!;
        var pets = ((IEnumerable)zoo.GetType().GetProperty("Pets")!.GetValue(zoo)!).Cast<object>().ToList();
        Assert.Equal(new[] { "Cat", "Dog", "Pet" }, pets.Select(p => p.GetType().Name));
        Assert.All(pets, p => Assert.IsAssignableFrom(generated.Type("Pet"), p));
        Assert.Equal("lazy", pets[0].GetType().GetProperty("HuntingSkill")!.GetValue(pets[0]));
        Assert.Equal("Tom", pets[0].GetType().GetProperty("Name")!.GetValue(pets[0]));
        Assert.Equal(3, pets[1].GetType().GetProperty("PackSize")!.GetValue(pets[1]));

        var written = generated.Write("Zoo", zoo);
        GeneratedAssembly.AssertSameJson(json, written);
        GeneratedAssembly.AssertSameJson(written, generated.Write("Zoo", generated.Read("Zoo", written)));
    }

    [Fact]
    public void UnknownValueIsKeptAndWrittenBackUnchanged()
    {
        using var generated = GeneratedAssembly.Load(BaseDiscriminator);
        const string hamster = """{"petType":"hamster","name":"Hammy","wheel":{"size":12,"colours":["red",null]}}""";
        var pet = generated.Read("Pet", hamster)!;
        Assert.Equal("PetUnknown", pet.GetType().Name);
        Assert.Equal("hamster", pet.GetType().GetProperty("DiscriminatorValue")!.GetValue(pet));
        Assert.Equal(hamster, generated.Write("Pet", pet));
        Assert.DoesNotContain("Hammy", pet.ToString());

        // nested in a list, next to known variants
        var zooJson = "{\"pets\":[" + hamster + ",{\"petType\":\"cat\",\"name\":\"Tom\"}]}";
        Assert.Equal(zooJson, generated.Write("Zoo", generated.Read("Zoo", zooJson)));
    }

    [Fact]
    public void MissingDiscriminatorReadsTheConcreteBase()
    {
        using var generated = GeneratedAssembly.Load(BaseDiscriminator);
        var pet = generated.Read("Pet", """{"name":"Nameless","extra":1}""")!;
        Assert.Equal("Pet", pet.GetType().Name);
        GeneratedAssembly.AssertSameJson("""{"name":"Nameless","extra":1}""", generated.Write("Pet", pet));
    }

    [Fact]
    public void OneOfWithDiscriminatorGetsAGeneratedBase()
    {
        using var generated = GeneratedAssembly.Load(OneOfDiscriminator);
        const string json = """{"shapes":[{"kind":"circle","radius":1.5},{"side":2,"kind":"Square"},{"kind":"hexagon","side":1}]}""";
        var zoo = generated.Read("Zoo", json)!;
        var shapes = ((IEnumerable)zoo.GetType().GetProperty("Shapes")!.GetValue(zoo)!).Cast<object>().ToList();
        Assert.Equal(new[] { "Circle", "Square", "ShapeUnknown" }, shapes.Select(s => s.GetType().Name));
        Assert.All(shapes, s => Assert.IsAssignableFrom(generated.Type("Shape"), s));
        Assert.Equal(1.5, shapes[0].GetType().GetProperty("Radius")!.GetValue(shapes[0]));
        var written = generated.Write("Zoo", zoo);
        GeneratedAssembly.AssertSameJson(json, written);
        Assert.Contains("""{"kind":"hexagon","side":1}""", written);
        Assert.DoesNotContain(generated.Result.GeneratorDiagnostics, d => d.GetMessage().Contains("oneOf"));
    }

    [Fact]
    public void MappingToAnUnrelatedSchemaIsReportedWhereItIsDeclared()
    {
        var text = BaseDiscriminator.Replace("cat: '#/components/schemas/Cat'", "cat: '#/components/schemas/Cat'\n          bird: '#/components/schemas/Zoo'");
        using var generated = GeneratedAssembly.Load(text, "OAPI005");
        var diagnostic = Assert.Single(generated.Result.GeneratorDiagnostics, d => d.Id == "OAPI005");
        Assert.Contains("'bird'", diagnostic.GetMessage());
        Safety.SafetyAssert.AssertInFile(diagnostic, "/specs/poly.yaml", text);
        Assert.Equal("PetUnknown", generated.Read("Pet", """{"petType":"bird","name":"Tweety"}""")!.GetType().Name);
    }
}

using System;
using System.Linq;
using System.Text;
using Xunit;

namespace OmsGenerated.Generator.Tests.Polymorphism;

/// <summary>
/// <c>allOf</c> of exactly one reference plus own properties derives from the reference (<c>Pet : NewPet</c>) instead
/// of copying its properties; several references are still merged. Each class carries only its own properties, so a
/// long chain generates text that grows linearly with its length.
/// </summary>
public sealed class InheritanceTests
{
    private const string Petstore = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewPet'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            NewPet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                  maxLength: 10
                tag:
                  type: string
            Pet:
              allOf:
                - $ref: '#/components/schemas/NewPet'
                - type: object
                  required: [id]
                  properties:
                    id:
                      type: integer
                      format: int64
                    tag:
                      type: string
                      description: redeclared, the inherited property holds it
            Audit:
              type: object
              properties:
                by:
                  type: string
            AuditedPet:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - $ref: '#/components/schemas/Audit'
        """;

    [Fact]
    public void SingleReferenceDerivesAndRoundTrips()
    {
        using var generated = GeneratedAssembly.Load(Petstore, "OAPI005");
        var redeclared = Assert.Single(generated.Result.GeneratorDiagnostics, d => d.Id == "OAPI005");
        Assert.Contains("'tag'", redeclared.GetMessage());
        Safety.SafetyAssert.AssertInFile(redeclared, "/specs/poly.yaml", Petstore);

        var petType = generated.Type("Pet");
        Assert.Equal(generated.Type("NewPet"), petType.BaseType);
        Assert.False(generated.Type("NewPet").IsSealed);
        Assert.True(petType.IsSealed);
        Assert.Null(petType.GetProperty("Name", System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public));

        const string json = """{"name":"Rex","tag":"dog","id":7,"colour":"brown"}""";
        var pet = generated.Read("Pet", json)!;
        Assert.IsAssignableFrom(generated.Type("NewPet"), pet);
        Assert.Equal(7L, petType.GetProperty("Id")!.GetValue(pet));
        Assert.Equal("Rex", petType.GetProperty("Name")!.GetValue(pet));
        Assert.Equal(json, generated.Write("Pet", pet));
        Assert.Equal("Pet { Name = \"Rex\", Tag = \"dog\", Id = 7, 1 undeclared properties }", pet.ToString());

        // constraints of the base are checked through the derived type
        petType.GetProperty("Name")!.SetValue(pet, "far too long a name");
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => petType.GetMethod("Validate")!.Invoke(pet, null));
        Assert.IsAssignableFrom<ArgumentException>(error.InnerException);

        // two references: merged flat, as before
        var audited = generated.Type("AuditedPet");
        Assert.Equal(typeof(object), audited.BaseType);
        Assert.NotNull(audited.GetProperty("By"));
        Assert.NotNull(audited.GetProperty("Id"));
    }

    private static string Chain(int levels)
    {
        var text = new StringBuilder("""
            openapi: 3.0.3
            info:
              title: Chain
              version: '1'
            paths:
              /last:
                get:
                  operationId: getLast
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Level1'
            components:
              schemas:
                Level0:
                  type: object
                  required: [p0]
                  properties:
                    p0:
                      type: string

            """);
        for (var i = 1; i < levels; i++)
        {
            text.Append("    Level").Append(i).Append(":\n")
                .Append("      allOf:\n")
                .Append("        - $ref: '#/components/schemas/Level").Append(i - 1).Append("'\n")
                .Append("        - type: object\n")
                .Append("          properties:\n")
                .Append("            p").Append(i).Append(":\n")
                .Append("              type: integer\n");
        }

        return text.ToString();
    }

    /// <summary>Generates only (no compilation): the size of the text the generator produces for a chain.</summary>
    private static long GeneratedSize(int levels)
    {
        var spec = GeneratorHarness.Spec("/specs/chain.yaml", Chain(levels), "Chain.Api");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, trackSteps: false)
            .RunGenerators(GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }"));
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        return run.GeneratedSources.Sum(s => (long)s.SourceText.Length);
    }

    [Fact]
    public void DeepChainGeneratesLinearText()
    {
        long small = GeneratedSize(1000);
        long large = GeneratedSize(2000);
        double ratio = (double)large / small;
        Assert.True(ratio < 2.2, $"generated text grew {ratio:0.00}x from 1,000 to 2,000 levels ({small} → {large} chars)");
        Assert.True(large < 20_000_000, "generated " + large + " chars");
    }

    [Fact]
    public void DeepChainCompilesAndReadsThroughEveryLevel()
    {
        const int levels = 300;
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/chain.yaml", Chain(levels), "Chain.Api"));
        Safety.SafetyAssert.AssertCleanExcept(result);
        using var generated = GeneratedAssembly.From(result, "Chain.Api");
        var assembly = generated.Assembly;
        var last = generated.Type("Level" + (levels - 1));
        var value = System.Text.Json.JsonSerializer.Deserialize("{\"p0\":\"root\",\"p299\":5,\"p1\":1}", last)!;
        Assert.Equal("root", last.GetProperty("P0")!.GetValue(value));
        Assert.Equal(5L, last.GetProperty("P299")!.GetValue(value));
        Assert.IsAssignableFrom(generated.Type("Level0"), value);
        Assert.Equal("{\"p0\":\"root\",\"p1\":1,\"p299\":5}", System.Text.Json.JsonSerializer.Serialize(value, last));
    }
}

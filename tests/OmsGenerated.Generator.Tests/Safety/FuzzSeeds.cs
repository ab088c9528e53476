using System.Collections.Generic;
using System.IO;

namespace OmsGenerated.Generator.Tests.Safety;

/// <summary>A document to mutate, under the path the generator is told it has.</summary>
internal sealed record FuzzSeed(string Path, string Text);

/// <summary>The documents the fuzz test mutates: the OMS spec, small hand-written ones (JSON and YAML, 2.0 and 3.0), and two corpus documents when the corpus is present.</summary>
internal static class FuzzSeeds
{
    public static IReadOnlyList<FuzzSeed> All()
    {
        var seeds = new List<FuzzSeed>
        {
            new("/fuzz/oms.yaml", File.ReadAllText(GeneratorHarness.OmsSpecPath)),
            new("/fuzz/shop.yaml", RepositoryDocuments.ShopYaml30),
            new("/fuzz/orders.json", RepositoryDocuments.OrdersJson30),
            new("/fuzz/library.yaml", RepositoryDocuments.LibraryYaml20),
            new("/fuzz/weather.json", RepositoryDocuments.WeatherJson20),
            new("/fuzz/events.yaml", RepositoryDocuments.EventsYaml31),
        };
        foreach (var name in new[] { "oai-v3-petstore.yaml", "oai-v2-petstore.json" })
        {
            var path = Path.Combine(GeneratorHarness.CorpusDirectory, name);
            if (File.Exists(path))
            {
                seeds.Add(new FuzzSeed("/fuzz/" + name, File.ReadAllText(path)));
            }
        }

        return seeds;
    }
}

using System.IO;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The public real-world corpus lives beside the repository (<c>../shared/specs/real-world</c>), never inside it. A clone
/// without it still passes: tests that need it are skipped, with this reason in the test output and in the count.
/// </summary>
internal static class Corpus
{
    public static bool IsPresent => Directory.Exists(GeneratorHarness.CorpusDirectory);

    public static string? SkipReason => IsPresent
        ? null
        : "needs the public OpenAPI corpus at " + GeneratorHarness.CorpusDirectory + ", which this clone does not have (it is never copied into the repository)";

    /// <summary>Corpus file names for a theory; one placeholder row when the corpus is missing (the theory is skipped then).</summary>
    public static System.Collections.Generic.IEnumerable<object[]> Files(System.Func<string, bool> include)
    {
        if (!IsPresent)
        {
            yield return new object[] { "(no corpus)" };
            yield break;
        }

        foreach (var path in Directory.GetFiles(GeneratorHarness.CorpusDirectory))
        {
            var name = Path.GetFileName(path);
            if (include(name))
            {
                yield return new object[] { name };
            }
        }
    }
}

/// <summary>A fact that needs the public corpus: skipped, with the reason, when it is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = Corpus.SkipReason;
}

/// <summary>A theory over the public corpus: skipped, with the reason, when it is not beside the repository.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = Corpus.SkipReason;
}

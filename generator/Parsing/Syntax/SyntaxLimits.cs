namespace OmsGenerated.Generator.Parsing.Syntax;

/// <summary>
/// Hard limits of the syntax pass. Every later pass (NSwag's reader, the model builder, the emitter) walks at most
/// what these allow, so no document can exhaust the compiler's stack, memory or time.
/// </summary>
internal static class SyntaxLimits
{
    /// <summary>Nested maps and lists. Newtonsoft.Json, which NSwag reads with, stops at 64 as well.</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest document read, in characters (the largest public spec we know of is ~4 M).</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    /// <summary>
    /// How many nodes YAML aliases may add beyond what is written: a shared fragment is fine, an alias bomb
    /// (a few hundred bytes expanding to billions of nodes) is refused at the alias that crosses the line.
    /// </summary>
    public const long MaxAliasExpansion = 250_000;
}

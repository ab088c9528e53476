using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OmsGenerated.Generator.Parsing;

/// <summary>
/// What the generated code needs from the project that consumes it (as System.Text.Json's SYSLIB1221 and Refit's
/// RefitNotReferenced check): C# 11 for required members and UTF-8 literals, and the runtime package it calls. Plain
/// values, so an unrelated edit leaves the step Unchanged.
/// </summary>
internal sealed record ConsumerProfile(string LanguageVersion, bool LanguageVersionSupported, bool RuntimeReferenced)
{
    public const string RuntimeAssemblyFile = "OmsGenerated.Runtime.dll";

    public bool CanCompileGeneratedCode => LanguageVersionSupported && RuntimeReferenced;

    public static ConsumerProfile Create(ParseOptions options, bool runtimeReferenced)
    {
        var version = options is CSharpParseOptions csharp ? csharp.LanguageVersion : Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest;
        return new ConsumerProfile(version.ToDisplayString(), version >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11, runtimeReferenced);
    }

    /// <summary>The runtime assembly, by file name (a package or project reference alike).</summary>
    public static bool IsRuntime(MetadataReference reference)
        => reference.Display is { } display && string.Equals(System.IO.Path.GetFileName(display), RuntimeAssemblyFile, System.StringComparison.OrdinalIgnoreCase);
}

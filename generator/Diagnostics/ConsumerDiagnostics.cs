using System.Collections.Generic;
using OmsGenerated.Generator.Parsing;

namespace OmsGenerated.Generator.Diagnostics;

/// <summary>The errors for a project that cannot compile generated clients, located at the start of each document.</summary>
internal static class ConsumerDiagnostics
{
    public static IEnumerable<DiagnosticInfo> For(string specPath, ConsumerProfile profile)
    {
        var at = new LocationInfo(specPath, 0, 0, 0, 0, 0, 0);
        var fileName = System.IO.Path.GetFileName(specPath);
        if (!profile.LanguageVersionSupported)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, at, fileName, profile.LanguageVersion);
        }

        if (!profile.RuntimeReferenced)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.RuntimeNotReferenced, at, fileName);
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Benchmarks.Infrastructure;

/// <summary>Paths and fixed inputs shared by the benchmarks.</summary>
public static class BenchEnvironment
{
    public const string BaseUrl = "https://oms.cn-north-4.myhuaweicloud.com";
    public const string ProjectId = "0e5f0a8d4c2b4e7f9a1b2c3d4e5f6a7b";
    public const long TaskId = 1234567890123;

    /// <summary>Credentials of the signed variants (example values, never real).</summary>
    public static HuaweiCloudCredentials Credentials { get; } = new("BENCHACCESSKEY000000", "bench-secret-key-not-a-real-one-000000000", ProjectId);

    /// <summary>The repository root, recorded at build time (falls back to walking up to OmsGenerated.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string OmsSpecPath => Path.Combine(RepositoryRoot, "spec", "oms.openapi.yaml");

    public static string GitHubSpecPath => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "specs", "real-world", "github-api.json"));

    public static string ResultsDirectory => Path.Combine(RepositoryRoot, "bench", "results");

    public static string ArtifactsDirectory => Path.Combine(RepositoryRoot, "bench", "BenchmarkDotNet.Artifacts");

    private static string FindRepositoryRoot()
    {
        string? recorded = typeof(BenchEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "OmsGenerated.sln")))
        {
            return Path.GetFullPath(recorded);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OmsGenerated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (OmsGenerated.sln).");
    }
}

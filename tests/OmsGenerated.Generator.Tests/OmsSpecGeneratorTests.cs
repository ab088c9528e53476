using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace OmsGenerated.Generator.Tests;

/// <summary>The generator on the real OMS description: file set, key signatures, and credentials that never reach ToString.</summary>
public sealed class OmsSpecGeneratorTests
{
    private const string SpecPath = "/spec/oms.openapi.yaml";

    private const string UsageSource = """
        #nullable enable
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Consumer
        {
            internal static class Usage
            {
                public static Task StartAsync(HttpClient http)
                {
                    var client = new Oms.Client.OmsClient(http);
                    var body = new Oms.Client.StartTaskReq { DstAk = "ak", DstSk = "sk", MigrateFailedObject = true };
                    return client.StartTaskAsync("project", 42L, body);
                }

                public static string? Describe(Oms.Client.ErrorResponseException error)
                    => error.KnownError?.Action ?? Oms.Client.OmsErrorCodes.Find(error.ErrorCode)?.Message ?? Oms.Client.OmsErrorCodes.Oms0064;
            }
        }
        """;

    private static readonly string[] ExpectedHintNames =
    {
        "Oms.Client.OmsClient.Errors.ErrorResponseException.g.cs",
        "Oms.Client.OmsClient.g.cs",
        "Oms.Client.OmsClient.Models.CryptoType.g.cs",
        "Oms.Client.OmsClient.Models.ErrorResponse.g.cs",
        "Oms.Client.OmsClient.Models.StartTaskReq.g.cs",
        "Oms.Client.OmsClient.OmsErrorCodes.g.cs",
        "Oms.Client.OmsClient.Models.TaskResp.g.cs",
        "Oms.Client.OmsClient.Models.ListTasksResponse.g.cs",
        "Oms.Client.OmsClient.Models.CreateTaskReq.g.cs",
        "Oms.Client.OmsClient.Models.MigrationTaskStatus.g.cs",
        "Oms.Client.OmsClient.Models.ErrorReason.g.cs",
    };

    private static readonly string[] SensitiveProperties =
    {
        "SrcAk", "SrcSk", "ConnectionString", "JsonAuthFile", "SrcSecurityToken", "DstAk", "DstSk", "DstSecurityToken", "SourceCdnAuthenticationKey",
    };

    [Fact]
    public async Task GeneratesTheOmsClientWithTheTestingLibrary()
    {
        var test = new OmsGeneratorTest();
        await test.RunAsync();

        Assert.Empty(test.GeneratorDiagnostics);
        var generated = test.Compilation!.SyntaxTrees
            .Where(t => t.FilePath.Contains(nameof(OpenApiClientGenerator), StringComparison.Ordinal))
            .ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString(), StringComparer.Ordinal);
        Assert.Empty(ExpectedHintNames.Except(generated.Keys, StringComparer.Ordinal));

        var client = generated["Oms.Client.OmsClient.g.cs"];
        Assert.Contains(
            "public global::System.Threading.Tasks.Task StartTaskAsync(string projectId, long taskId, global::Oms.Client.StartTaskReq body, global::System.Threading.CancellationToken cancellationToken = default)",
            client);
        Assert.Contains("public const string DefaultBaseUrl = \"https://oms.cn-north-4.myhuaweicloud.com\";", client);
        Assert.Contains("{_baseUrl}/v2/{(global::OmsGenerated.Runtime.Http.UrlFormat.PathSegment(projectId, \"projectId\"))}/tasks/{(taskId)}/start\"", client);
        Assert.Contains("global::OmsGenerated.Runtime.Validation.Guard.Range((double?)taskId, 0d, false, 999999999999999d, false, \"task_id\");", client);
        Assert.Contains("400 or 401 or 403 or 404 or 418 or 429 or 500 or 503 => global::Oms.Client.ErrorResponseException.FromResponse(context),", client);

        var request = generated["Oms.Client.OmsClient.Models.StartTaskReq.g.cs"];
        Assert.Contains("public required string DstAk { get; set; }", request);
        Assert.Contains("public required string DstSk { get; set; }", request);
        Assert.Contains("public string? SrcAk { get; set; }", request);
        Assert.Contains("public bool? MigrateFailedObject { get; set; }", request);
        Assert.Contains("public global::Oms.Client.CryptoType? DstCryptoType { get; set; }", request);
        foreach (var property in SensitiveProperties)
        {
            Assert.Contains("DisplayFormat.Redacted(" + property + ")", request);
            Assert.DoesNotContain("DisplayFormat.Format(" + property + ")", request);
        }

        Assert.Contains("DisplayFormat.Format(SrcKmsKeyId)", request);
        Assert.Contains("global::OmsGenerated.Runtime.Validation.Guard.Length(DstAk, 1, 100, \"StartTaskReq.dst_ak\");", request);

        var catalog = generated["Oms.Client.OmsClient.OmsErrorCodes.g.cs"];
        Assert.Contains("public static partial class OmsErrorCodes", catalog);
        Assert.Contains("public const string Oms0064 = \"OMS.0064\";", catalog);
        Assert.Contains("public const string Apigw0301 = \"APIGW.0301\";", catalog);
        Assert.Contains("public const string Apigw0801 = \"APIGW.0801\";", catalog);
        Assert.Contains("new(\"OMS.0078\", 400, \"The description contains forbidden characters such as <>()\\\"'&.\", \"Remove the forbidden characters from the description.\"),", catalog);
        var documented = System.Text.RegularExpressions.Regex.Matches(System.IO.File.ReadAllText(GeneratorHarness.OmsSpecPath), @"^\s*- code: ", System.Text.RegularExpressions.RegexOptions.Multiline).Count;
        Assert.True(documented >= 27, "the spec documents at least 27 error codes");
        Assert.Equal(documented, catalog.Split('\n').Count(line => line.TrimStart().StartsWith("public const string ", StringComparison.Ordinal)));

        var exception = generated["Oms.Client.OmsClient.Errors.ErrorResponseException.g.cs"];
        Assert.Contains("public override string? ErrorCode => Error.ErrorCode;", exception);
        Assert.Contains("public override string? RequestId => ", exception);
        Assert.Contains("Error.RequestId", exception);
        Assert.Contains("KnownError => global::Oms.Client.OmsErrorCodes.Find(ErrorCode);", exception);

        var enumType = generated["Oms.Client.OmsClient.Models.CryptoType.g.cs"];
        Assert.Contains("public static readonly CryptoType Default = new(\"DEFAULT\");", enumType);
        Assert.Contains("public static readonly CryptoType Kms = new(\"KMS\");", enumType);

        foreach (var (hintName, text) in generated)
        {
            Assert.False(text.Contains("[global::System.Obsolete", StringComparison.Ordinal), hintName + " has [Obsolete]");
            Assert.StartsWith("// <auto-generated/>", text);
        }
    }

    [Fact]
    public void StartTaskReqToStringNeverPrintsCredentials()
    {
        WithGeneratedAssembly(assembly =>
        {
            var type = assembly.GetType("Oms.Client.StartTaskReq", throwOnError: true)!;
            var instance = Activator.CreateInstance(type)!;
            var canaries = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in SensitiveProperties)
            {
                canaries[property] = Guid.NewGuid().ToString("N");
                Set(type, instance, property, canaries[property]);
            }

            Set(type, instance, "SrcKmsKeyId", "visible-kms-key-id-000000000000000000");
            Set(type, instance, "MigrateFailedObject", true);

            var text = instance.ToString()!;
            foreach (var (property, canary) in canaries)
            {
                Assert.DoesNotContain(canary, text);
                Assert.DoesNotContain(canary.Substring(0, 8), text);
                Assert.Contains(property + " = ***", text);
            }

            // ToString really prints values: the check above is not vacuous
            Assert.Contains("SrcKmsKeyId = \"visible-kms-key-id-000000000000000000\"", text);
            Assert.Contains("MigrateFailedObject = true", text);
            Assert.Contains("DstKmsKeyId = null", text);
        });
    }

    [Fact]
    public void StartTaskReqValidateNamesTheTooLongField()
    {
        WithGeneratedAssembly(assembly =>
        {
            var type = assembly.GetType("Oms.Client.StartTaskReq", throwOnError: true)!;
            var validate = type.GetMethod("Validate")!;

            var valid = Activator.CreateInstance(type)!;
            Set(type, valid, "DstAk", new string('a', 100));
            Set(type, valid, "DstSk", "sk");
            validate.Invoke(valid, null);

            var tooLong = Activator.CreateInstance(type)!;
            var value = "SECRET" + new string('a', 95);
            Assert.Equal(101, value.Length);
            Set(type, tooLong, "DstAk", value);
            Set(type, tooLong, "DstSk", "sk");
            var thrown = Assert.Throws<TargetInvocationException>(() => validate.Invoke(tooLong, null));
            var argument = Assert.IsAssignableFrom<ArgumentException>(thrown.InnerException);
            Assert.Contains("dst_ak", argument.Message, StringComparison.Ordinal);
            Assert.EndsWith("dst_ak", argument.ParamName, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", argument.Message, StringComparison.Ordinal);

            var missing = Activator.CreateInstance(type)!;
            Set(type, missing, "DstSk", "sk");
            thrown = Assert.Throws<TargetInvocationException>(() => validate.Invoke(missing, null));
            Assert.Contains("dst_ak", Assert.IsAssignableFrom<ArgumentException>(thrown.InnerException).Message, StringComparison.Ordinal);
        });
    }

    private static void Set(Type type, object instance, string property, object value)
        => (type.GetProperty(property) ?? throw new InvalidOperationException("no property " + property)).SetValue(instance, value);

    private static void WithGeneratedAssembly(Action<Assembly> test)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.SpecFromFile(GeneratorHarness.OmsSpecPath, "Oms.Client", "OmsClient"));
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileDiagnostics);

        // dependencies (OmsGenerated.Runtime, Kiota) resolve from the default context
        using var generated = GeneratedAssembly.From(result, "Oms.Client");
        test(generated.Assembly);
    }

    /// <summary>Runs the generator through Microsoft.CodeAnalysis.Testing and keeps the compilation it produced.</summary>
    private sealed class OmsGeneratorTest : CSharpSourceGeneratorTest<OpenApiClientGenerator, DefaultVerifier>
    {
        public OmsGeneratorTest()
        {
            ReferenceAssemblies = OfflineReferenceAssemblies.Net80;
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            TestState.Sources.Add(("/src/Usage.cs", UsageSource));
            TestState.AdditionalFiles.Add((SpecPath, SourceText.From(File.ReadAllText(GeneratorHarness.OmsSpecPath))));
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"""
                root = true

                [{SpecPath}]
                build_metadata.AdditionalFiles.OpenApi = true
                build_metadata.AdditionalFiles.OpenApiNamespace = Oms.Client
                build_metadata.AdditionalFiles.OpenApiClientName = OmsClient

                """));
            foreach (var reference in OfflineReferenceAssemblies.RuntimeReferences)
            {
                TestState.AdditionalReferences.Add(reference);
            }
        }

        public Compilation? Compilation { get; private set; }

        public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; private set; }

        protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            var (compilation, generatorDiagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
            Compilation = compilation;
            GeneratorDiagnostics = generatorDiagnostics;
            return (compilation, generatorDiagnostics);
        }
    }
}

/// <summary>
/// net8.0 reference assemblies for Microsoft.CodeAnalysis.Testing without the network: the
/// Microsoft.NETCore.App.Ref 8.0.x package already in the NuGet global packages folder (restoring
/// OmsGenerated.Runtime, which targets net8.0, puts it there), read through a NuGet.config with no
/// package sources, plus the net8.0 builds of what generated code references.
/// </summary>
internal static class OfflineReferenceAssemblies
{
    private static readonly Lazy<ReferenceAssemblies> s_net80 = new(CreateNet80);

    public static ReferenceAssemblies Net80 => s_net80.Value;

    /// <summary>OmsGenerated.Runtime (built for net8.0) and the net8.0 builds of its Kiota dependencies (the copies in the test output are net10.0 builds).</summary>
    public static IEnumerable<MetadataReference> RuntimeReferences
    {
        get
        {
            yield return MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "OmsGenerated.Runtime.dll"));
            yield return MetadataReference.CreateFromFile(Net80Library("Microsoft.Kiota.Abstractions"));
            yield return MetadataReference.CreateFromFile(Net80Library("Std.UriTemplate"));
        }
    }

    public static string GlobalPackagesFolder
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The net8.0 (or netstandard) build, in the global packages folder, of the package version the test output uses.</summary>
    private static string Net80Library(string packageId)
    {
        var version = AssemblyName.GetAssemblyName(Path.Combine(AppContext.BaseDirectory, packageId + ".dll")).Version!;
        var packageFolder = Path.Combine(GlobalPackagesFolder, packageId.ToLowerInvariant());
        var versions = Directory.GetDirectories(packageFolder).Select(Path.GetFileName).ToList();
        var chosen = versions.FirstOrDefault(v => v == version.ToString(3)) ?? versions.Single();
        return new[] { "net8.0", "netstandard2.1", "netstandard2.0" }
            .Select(tfm => Path.Combine(packageFolder, chosen!, "lib", tfm, packageId + ".dll"))
            .First(File.Exists);
    }

    private static ReferenceAssemblies CreateNet80()
    {
        var packageFolder = Path.Combine(GlobalPackagesFolder, "microsoft.netcore.app.ref");
        var version = Directory.Exists(packageFolder)
            ? Directory.GetDirectories(packageFolder)
                .Select(Path.GetFileName)
                .Where(v => v!.StartsWith("8.0.", StringComparison.Ordinal) && File.Exists(Path.Combine(packageFolder, v, "ref", "net8.0", "System.Runtime.dll")))
                .OrderByDescending(v => Version.TryParse(v, out var parsed) ? parsed : new Version(0, 0))
                .FirstOrDefault()
            : null;
        if (version is null)
        {
            return ReferenceAssemblies.Net.Net80; // not restored yet: let the testing library download it
        }

        var config = Path.Combine(AppContext.BaseDirectory, "offline-nuget", "NuGet.config");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        return new ReferenceAssemblies("net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", version!), Path.Combine("ref", "net8.0"))
            .WithNuGetConfigFilePath(config);
    }
}

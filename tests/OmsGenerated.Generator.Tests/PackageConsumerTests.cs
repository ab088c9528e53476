using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The packages as a user gets them: pack the generator and the runtime (once, in
/// <see cref="PackedPackages"/>), check the generator package layout, then build and run fresh
/// projects that use them through NuGet.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageConsumerTests : IClassFixture<PackageConsumerTests.PackedPackages>
{
    private readonly PackedPackages _packages;
    private readonly ITestOutputHelper _output;

    public PackageConsumerTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    [Fact]
    public void GeneratorPackageCarriesTheGeneratorItsDependenciesAndTheBuildFiles()
    {
        _packages.AssertPacked(_output);
        using var zip = ZipFile.OpenRead(_packages.GeneratorPackage);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        _output.WriteLine("generator package: " + string.Join(", ", entries.OrderBy(e => e, StringComparer.Ordinal)));
        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/OmsGenerated.Generator.dll",
            "analyzers/dotnet/cs/NSwag.Core.dll",
            "analyzers/dotnet/cs/NJsonSchema.dll",
            "analyzers/dotnet/cs/Newtonsoft.Json.dll",
            "analyzers/dotnet/cs/Namotion.Reflection.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "analyzers/dotnet/cs/System.Text.Json.dll",
            "build/OmsGenerated.Generator.props",
            "build/OmsGenerated.Generator.targets",
        })
        {
            Assert.Contains(expected, entries);
        }

        // the compiler brings Roslyn; a copy in the package would conflict with it. Nothing is compiled against.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec);

        using var runtime = ZipFile.OpenRead(_packages.RuntimePackage);
        Assert.Contains(runtime.Entries, e => e.FullName == "lib/net8.0/OmsGenerated.Runtime.dll");
    }

    [Fact]
    public async Task ConsumerWithDefaultOptionsBuildsAndRuns()
    {
        _packages.AssertPacked(_output);
        var consumer = _packages.CreateConsumer("default", "<OpenApiClient Include=\"petstore.yaml\" />", """
            using Consumer;

            var client = new PetstoreClient(new HttpClient(), new Uri("http://localhost:1/v1/"));
            var pet = new Pet { Id = 7, Name = "Rex" };
            Func<Task> list = () => client.ListPetsAsync(limit: 10);
            Console.WriteLine(client.BaseUrl + " " + pet + " " + (list is not null));
            """);

        await BuildAndRunAsync(consumer, "Consumer.PetstoreClient.g.cs");
    }

    [Fact]
    public async Task ConsumerWithOpenApiClientOptionsBuildsAndRuns()
    {
        _packages.AssertPacked(_output);
        var consumer = _packages.CreateConsumer(
            "options",
            "<OpenApiClient Include=\"petstore.yaml\" Namespace=\"Consumer.Pets\" ClientName=\"PetsApi\" Accessibility=\"internal\" />",
            """
            using Consumer.Pets;

            var client = new PetsApi(new HttpClient(), new Uri("http://localhost:1/v1/"));
            var pet = new Pet { Id = 7, Name = "Rex" };
            Func<Task> list = () => client.ListPetsAsync(limit: 10);
            Console.WriteLine(client.BaseUrl + " " + pet + " " + (list is not null));
            """);

        await BuildAndRunAsync(consumer, "Consumer.Pets.PetsApi.g.cs");
    }

    /// <summary>
    /// NSwag.Core, loaded from the package inside the compiler, is what reads the document: a value only its
    /// Newtonsoft.Json-based reader rejects comes back as OAPI002 in Newtonsoft's words, at the value's line and column.
    /// </summary>
    [Fact]
    public async Task PackedGeneratorReadsTheDocumentWithNSwag()
    {
        _packages.AssertPacked(_output);
        var consumer = _packages.CreateConsumer("nswag", "<OpenApiClient Include=\"broken.yaml\" />", "System.Console.WriteLine();");
        File.WriteAllText(Path.Combine(consumer, "broken.yaml"), "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Count:\n      type: integer\n      minimum: abc\n");

        var build = await _packages.DotnetAsync(consumer, "build", "-c", "Debug");
        _output.WriteLine(build.Output);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("broken.yaml(8,16): error OAPI002", build.Output, StringComparison.Ordinal);
        Assert.Contains("Could not convert string to decimal: abc", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", build.Output, StringComparison.Ordinal);
    }

    private async Task BuildAndRunAsync(string consumer, string clientHintName)
    {
        var build = await _packages.DotnetAsync(consumer, "build", "-c", "Debug");
        _output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, "consumer build failed:\n" + build.Output);
        var generatorLines = build.Output.Split('\n')
            .Where(line => line.Contains("CS8785", StringComparison.Ordinal) || line.Contains("CS8784", StringComparison.Ordinal)
                || line.Contains("CS8032", StringComparison.Ordinal) || line.Contains("AD0001", StringComparison.Ordinal)
                || line.Contains("warning", StringComparison.OrdinalIgnoreCase) && (line.Contains("OmsGenerated", StringComparison.Ordinal) || line.Contains("OAPI0", StringComparison.Ordinal)))
            .ToList();
        Assert.True(generatorLines.Count == 0, "generator problems in the build:\n" + string.Join("\n", generatorLines));

        var generated = Path.Combine(consumer, "obj", "Debug", "net10.0", "generated", "OmsGenerated.Generator", "OmsGenerated.Generator.OpenApiClientGenerator", clientHintName);
        Assert.True(File.Exists(generated), "the generator produced no " + clientHintName);

        var run = await _packages.DotnetAsync(consumer, "run", "--no-build", "-c", "Debug");
        Assert.True(run.ExitCode == 0, "consumer run failed:\n" + run.Output);
        Assert.Contains("http://localhost:1/v1 Pet { Id = 7, Name = \"Rex\"", run.Output);
    }

    /// <summary>Packs the generator and the runtime once, from a copy of the repository, with a version no cache has seen.</summary>
    public sealed class PackedPackages : IDisposable
    {
        private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(6);

        private readonly string _root = Path.Combine(Path.GetTempPath(), "omsgenerated-package-" + Guid.NewGuid().ToString("N"));
        private readonly StringBuilder _log = new();
        private readonly string? _failure;

        public PackedPackages()
        {
            Version = "0.1.0-test" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Feed = Path.Combine(_root, "feed");
            try
            {
                // pack from a copy: nothing is written into the working tree (bin/obj of generator/ and src/)
                var repository = Path.Combine(_root, "repo");
                CopyRepository(GeneratorHarness.RepositoryRoot, repository);
                Directory.CreateDirectory(Feed);
                foreach (var project in new[] { "generator/OmsGenerated.Generator.csproj", "src/OmsGenerated.Runtime/OmsGenerated.Runtime.csproj" })
                {
                    var pack = DotnetAsync(repository, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version).GetAwaiter().GetResult();
                    if (pack.ExitCode != 0)
                    {
                        _failure = "dotnet pack " + project + " failed:\n" + pack.Output;
                        return;
                    }
                }
            }
            catch (Exception exception)
            {
                _failure = exception.ToString();
            }
        }

        public string Version { get; }

        public string Feed { get; }

        public string GeneratorPackage => Path.Combine(Feed, "OmsGenerated.Generator." + Version + ".nupkg");

        public string RuntimePackage => Path.Combine(Feed, "OmsGenerated.Runtime." + Version + ".nupkg");

        public void AssertPacked(ITestOutputHelper output)
        {
            lock (_log)
            {
                output.WriteLine(_log.ToString());
            }

            Assert.True(_failure is null, _failure);
            Assert.True(File.Exists(GeneratorPackage), "no " + GeneratorPackage);
            Assert.True(File.Exists(RuntimePackage), "no " + RuntimePackage);
        }

        /// <summary>A net10.0 console project using both packages from the feed (plus the default sources) and a copy of the v3 petstore.</summary>
        public string CreateConsumer(string name, string openApiItem, string program)
        {
            var consumer = Path.Combine(_root, "consumer-" + name);
            Directory.CreateDirectory(consumer);
            File.Copy(Path.Combine(GeneratorHarness.CorpusDirectory, "oai-v3-petstore.yaml"), Path.Combine(consumer, "petstore.yaml"));
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="omsgenerated-test" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);

            // stop MSBuild from picking up anything above the temporary folder
            File.WriteAllText(Path.Combine(consumer, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(consumer, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(consumer, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <RootNamespace>Consumer</RootNamespace>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OmsGenerated.Generator" Version="{Version}" PrivateAssets="all" />
                    <PackageReference Include="OmsGenerated.Runtime" Version="{Version}" />
                  </ItemGroup>
                  <ItemGroup>
                    {openApiItem}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), program);
            return consumer;
        }

        public async Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            if (arguments[0] is "build" or "pack")
            {
                // no build server or compiler server outlives the test
                start.ArgumentList.Add("-nodeReuse:false");
                start.ArgumentList.Add("-p:UseSharedCompilation=false");
            }

            // the test host runs under MSBuild-set variables that would redirect a nested build
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            var stopwatch = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(ProcessTimeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish within " + ProcessTimeout + ":\n" + output);
            }

            await exited;
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            lock (_log)
            {
                _log.AppendLine($"dotnet {string.Join(" ", arguments)}: exit {process.ExitCode} after {stopwatch.Elapsed.TotalSeconds:F0} s");
            }

            return (process.ExitCode, text);
        }

        public void Dispose()
        {
            TryDelete(_root);

            // the unique test version must not pile up in the shared package cache
            foreach (var id in new[] { "omsgenerated.generator", "omsgenerated.runtime" })
            {
                var packageFolder = Path.Combine(OfflineReferenceAssemblies.GlobalPackagesFolder, id);
                TryDelete(Path.Combine(packageFolder, Version));
                try
                {
                    if (Directory.Exists(packageFolder) && !Directory.EnumerateFileSystemEntries(packageFolder).Any())
                    {
                        Directory.Delete(packageFolder);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        private static void TryDelete(string directory)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static void CopyRepository(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(destination, file));
            }

            CopyDirectory(Path.Combine(source, "generator"), Path.Combine(destination, "generator"));
            CopyDirectory(Path.Combine(source, "src", "OmsGenerated.Runtime"), Path.Combine(destination, "src", "OmsGenerated.Runtime"));
        }

        private static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(source))
            {
                var name = Path.GetFileName(directory);
                if (name is not ("bin" or "obj"))
                {
                    CopyDirectory(directory, Path.Combine(destination, name));
                }
            }
        }
    }
}

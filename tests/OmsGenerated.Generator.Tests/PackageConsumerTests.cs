using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection.Metadata;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Generator.Tests;

/// <summary>
/// The packages as a user gets them: <c>./pack.sh</c> packs the generator, the runtime and the OMS client once (in
/// <see cref="PackedPackages"/>, from a copy of the repository); the tests check what each package says and carries,
/// follow the README's install steps in a fresh <c>dotnet new console</c> project against a local HTTP server, and build
/// and run fresh projects that use the packages through NuGet.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageConsumerTests : IClassFixture<PackageConsumerTests.PackedPackages>
{
    private const string ReadmeInstallHeading = "## Add the generator to your own project";

    /// <summary>The folder the README's <c>nuget.config</c> and <c>--source</c> point at, replaced by the test feed.</summary>
    private const string ReadmeFeedPlaceholder = "/path/to/omsgenerated/artifacts/packages";

    /// <summary>The base address the README's usage example passes, replaced by the test server's.</summary>
    private const string ReadmeBaseAddress = "\"https://petstore.example.com/v1/\"";

    private static readonly string PetstorePath = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "OmsGenerated.Generator.Tests", "Documents", "petstore.yaml");

    private readonly PackedPackages _packages;
    private readonly ITestOutputHelper _output;

    public PackageConsumerTests(PackedPackages packages, ITestOutputHelper output)
    {
        _packages = packages;
        _output = output;
    }

    public static TheoryData<string> PackageIds => new() { "OmsGenerated.Generator", "OmsGenerated.Runtime", "OmsGenerated.Oms" };

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void PackageCarriesItsMetadataReadmeAndRepositoryCommit(string id)
    {
        _packages.AssertPacked(_output);
        using var zip = ZipFile.OpenRead(_packages.PackagePath(id));
        XElement metadata = Nuspec(zip);
        string Value(string name) => metadata.Element(metadata.Name.Namespace + name)?.Value ?? "";
        _output.WriteLine(metadata.ToString());

        Assert.Equal(id, Value("id"));
        Assert.Equal(_packages.Version, Value("version"));
        var license = metadata.Element(metadata.Name.Namespace + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", (string?)license!.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal(_packages.RepositoryUrl, Value("projectUrl"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")), "no description");
        Assert.False(string.IsNullOrWhiteSpace(Value("releaseNotes")), "no release notes");
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")), "no authors");
        Assert.True(Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3, "too few tags: " + Value("tags"));

        var repository = metadata.Element(metadata.Name.Namespace + "repository");
        Assert.NotNull(repository);
        Assert.Equal("git", (string?)repository!.Attribute("type"));
        Assert.Equal(_packages.RepositoryUrl, (string?)repository.Attribute("url"));
        Assert.Equal(_packages.Commit, (string?)repository.Attribute("commit"));

        // the readme is the project's own PACKAGE.md, under the name the nuspec gives
        string readme = Value("readme");
        Assert.Equal("README.md", readme);
        var readmeEntry = zip.GetEntry(readme);
        Assert.NotNull(readmeEntry);
        using var readmeReader = new StreamReader(readmeEntry!.Open());
        string readmeText = readmeReader.ReadToEnd();
        Assert.Equal(File.ReadAllText(Path.Combine(_packages.Repository, ProjectDirectory(id), "PACKAGE.md")), readmeText);
        Assert.StartsWith("# " + id + "\n", readmeText.Replace("\r\n", "\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OmsGenerated.Runtime")]
    [InlineData("OmsGenerated.Oms")]
    public void LibraryPackageHasXmlDocsAndASymbolsPackageWithSourceLink(string id)
    {
        _packages.AssertPacked(_output);
        using (var zip = ZipFile.OpenRead(_packages.PackagePath(id)))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("lib/net8.0/" + id + ".dll", entries);
            var docs = zip.GetEntry("lib/net8.0/" + id + ".xml");
            Assert.NotNull(docs);
            var members = XDocument.Load(docs!.Open()).Descendants("member").Count();
            Assert.True(members > 20, "the XML docs describe only " + members + " members");

            // nothing of SourceLink's travels with the package
            Assert.DoesNotContain(zip.Entries, e => e.Name.StartsWith("System.IO.Hashing", StringComparison.Ordinal));
            var dependencies = Nuspec(zip).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
            Assert.DoesNotContain(dependencies, d => d.StartsWith("Microsoft.SourceLink", StringComparison.Ordinal) || d.StartsWith("Microsoft.Build", StringComparison.Ordinal) || d == "System.IO.Hashing");
            if (id == "OmsGenerated.Oms")
            {
                Assert.Contains("OmsGenerated.Runtime", dependencies);
                Assert.DoesNotContain("OmsGenerated.Generator", dependencies);
            }
        }

        string symbols = Path.ChangeExtension(_packages.PackagePath(id), ".snupkg");
        Assert.True(File.Exists(symbols), "no " + symbols);
        using var symbolsZip = ZipFile.OpenRead(symbols);
        var pdb = symbolsZip.GetEntry("lib/net8.0/" + id + ".pdb");
        Assert.NotNull(pdb);

        // SourceLink: the portable PDB maps the deterministic source root to the repository at the packed commit
        using var pdbBytes = new MemoryStream();
        using (var stream = pdb!.Open())
        {
            stream.CopyTo(pdbBytes);
        }

        pdbBytes.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbBytes);
        var reader = provider.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        string? sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == sourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        _output.WriteLine("SourceLink: " + sourceLink);
        Assert.NotNull(sourceLink);
        string rawUrl = _packages.RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal);
        Assert.Contains("\"/_/*\":\"" + rawUrl + "/" + _packages.Commit + "/*\"", sourceLink, StringComparison.Ordinal);
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        _output.WriteLine("PDB documents: " + string.Join(", ", documents));
        Assert.All(documents, name => Assert.StartsWith("/_/", name, StringComparison.Ordinal));
    }

    [Fact]
    public void GeneratorPackageCarriesTheGeneratorItsDependenciesAndTheBuildFiles()
    {
        _packages.AssertPacked(_output);
        using var zip = ZipFile.OpenRead(_packages.PackagePath("OmsGenerated.Generator"));
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
            "README.md",
        })
        {
            Assert.Contains(expected, entries);
        }

        // the compiler brings Roslyn; a copy in the package would conflict with it. Nothing is compiled against.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        // SourceLink is a build-time tool of ours: neither it nor its dependencies reach the analyzer folder
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.SourceLink", StringComparison.Ordinal)
            || Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal) || Path.GetFileName(e).StartsWith("System.IO.Hashing", StringComparison.Ordinal));

        var metadata = Nuspec(zip);
        Assert.Equal("true", metadata.Element(metadata.Name.Namespace + "developmentDependency")?.Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.False(File.Exists(Path.ChangeExtension(_packages.PackagePath("OmsGenerated.Generator"), ".snupkg")), "the analyzer package has no library, so no symbols package");
    }

    /// <summary>
    /// README "Add the generator to your own project", step by step and as written, in a new console project: its
    /// nuget.config (pointed at the packed feed), its <c>dotnet add package</c> lines, its one <c>&lt;OpenApiClient&gt;</c>
    /// line and its usage example (pointed at a local server), then a run that must get the server's answers.
    /// </summary>
    [Fact]
    public async Task ReadmeInstallStepsWorkInANewConsoleProject()
    {
        _packages.AssertPacked(_output);
        string section = ReadmeSection(ReadmeInstallHeading);
        var blocks = CodeBlocks(section);

        Assert.Contains(blocks, b => b.Language == "bash" && b.Code.Split('\n').Any(line => line.TrimStart().StartsWith("./pack.sh", StringComparison.Ordinal)));
        string nugetConfig = Assert.Single(blocks, b => b.Language == "xml" && b.Code.Contains("<configuration>", StringComparison.Ordinal)).Code;
        Assert.Contains(ReadmeFeedPlaceholder, nugetConfig, StringComparison.Ordinal);
        var addPackage = blocks.Where(b => b.Language == "bash")
            .SelectMany(b => b.Code.Split('\n'))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.StartsWith("dotnet add package ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(new[] { "dotnet add package OmsGenerated.Generator", "dotnet add package OmsGenerated.Runtime" }, addPackage);
        string openApiClient = Assert.Single(section.Split('\n').Select(line => line.Trim()), line => line.StartsWith("<OpenApiClient ", StringComparison.Ordinal));
        string usage = Assert.Single(blocks, b => b.Language == "csharp").Code;
        Assert.Contains(ReadmeBaseAddress, usage, StringComparison.Ordinal);

        string project = await _packages.NewConsoleAsync("readme", "MyApp");
        File.WriteAllText(Path.Combine(project, "nuget.config"), nugetConfig.Replace(ReadmeFeedPlaceholder, _packages.Feed, StringComparison.Ordinal));
        foreach (var line in addPackage)
        {
            var add = await _packages.DotnetAsync(project, line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray());
            Assert.True(add.ExitCode == 0, line + " failed:\n" + add.Output);
        }

        string csproj = Path.Combine(project, "MyApp.csproj");
        var references = XDocument.Load(csproj).Descendants("PackageReference").ToDictionary(e => (string)e.Attribute("Include")!);
        Assert.Equal(_packages.Version, (string?)references["OmsGenerated.Generator"].Attribute("Version"));
        Assert.Equal(_packages.Version, (string?)references["OmsGenerated.Runtime"].Attribute("Version"));
        Assert.Equal("all", references["OmsGenerated.Generator"].Element("PrivateAssets")?.Value); // developmentDependency at work

        File.Copy(PetstorePath, Path.Combine(project, "petstore.yaml"));
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", "  <ItemGroup>\n    " + openApiClient + "\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "Program.cs"), usage.Replace(ReadmeBaseAddress, "args[0]", StringComparison.Ordinal) + """

            Console.WriteLine("pet: " + pet);
            List<Pet> pets = await client.ListPetsAsync(limit: 2);
            Console.WriteLine("pets: " + string.Join(", ", pets.Select(p => p.Name)));
            try
            {
                await client.ShowPetByIdAsync("7");
                Console.WriteLine("no error");
            }
            catch (ErrorException e)
            {
                Console.WriteLine($"error: {e.StatusCode} {e.Error.Code} {e.Error.Message}");
            }
            """);

        await BuildAsync(project);
        await using var server = new PetServer();
        var run = await _packages.DotnetAsync(project, "run", "--no-build", "--", server.BaseUrl);
        _output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, "the README example failed:\n" + run.Output);
        Assert.Contains("pet: Pet { Id = 42, Name = \"Rex\", Tag = \"dog\", Status = available }", run.Output, StringComparison.Ordinal);
        Assert.Contains("pets: Rex, Fido", run.Output, StringComparison.Ordinal);
        Assert.Contains("error: 404 404 no pet 7", run.Output, StringComparison.Ordinal);
        Assert.Equal(new[] { "GET /v1/pets/42", "GET /v1/pets?limit=2", "GET /v1/pets/7" }, server.Requests.ToArray());
    }

    /// <summary>README "The OMS client": the OMS package alone, from the feed, in a new console project.</summary>
    [Fact]
    public async Task OmsPackageConsumerBuildsAndRuns()
    {
        _packages.AssertPacked(_output);
        string section = ReadmeSection("## The OMS client");
        Assert.Contains(CodeBlocks(section), b => b.Language == "bash" && b.Code.Split('\n').Any(line => line.Split('#')[0].Trim() == "dotnet add package OmsGenerated.Oms"));

        string project = await _packages.NewConsoleAsync("oms", "OmsApp");
        _packages.WriteNuGetConfig(project);
        var add = await _packages.DotnetAsync(project, "add", "package", "OmsGenerated.Oms");
        Assert.True(add.ExitCode == 0, "dotnet add package OmsGenerated.Oms failed:\n" + add.Output);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Microsoft.Extensions.DependencyInjection;
            using OmsGenerated.Oms;
            using OmsGenerated.Runtime.Auth;

            var services = new ServiceCollection();
            services.AddOmsClient(options =>
            {
                options.Region = OmsRegion.CnNorth4;
                options.ProjectId = "2c0689c860ad4728a497c91ec0844383";
                options.Credentials = new HuaweiCloudCredentials("AKEXAMPLE", "SKEXAMPLE");
            });
            using var provider = services.BuildServiceProvider();
            OmsClient oms = provider.GetRequiredService<OmsClient>();
            Console.WriteLine("di: " + oms.BaseUrl + " " + oms.ProjectId);

            using OmsClient direct = OmsClientFactory.Create(new OmsClientOptions { Region = OmsRegion.ApSoutheast1, ProjectId = "p1", AuthToken = "token" });
            Console.WriteLine("factory: " + direct.BaseUrl + " " + direct.ProjectId);

            // compiled, not sent: there is no network here
            Func<Task<StartOutcome>> start = () => oms.EnsureStartedAsync(1001, new StartTaskReq { DstAk = "dst-ak", DstSk = "dst-sk", MigrateFailedObject = true });
            Func<Task<TaskResp>> show = () => oms.ShowTaskAsync(oms.ProjectId!, 1001);
            Console.WriteLine("known: " + OmsErrorCodes.Find(OmsErrorCodes.Oms0065)?.Code + " " + (start is not null && show is not null));
            """);

        await BuildAsync(project);
        var run = await _packages.DotnetAsync(project, "run", "--no-build");
        _output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, "the OMS consumer failed:\n" + run.Output);
        Assert.Contains("di: https://oms.cn-north-4.myhuaweicloud.com 2c0689c860ad4728a497c91ec0844383", run.Output, StringComparison.Ordinal);
        Assert.Contains("factory: https://oms.ap-southeast-1.myhuaweicloud.com p1", run.Output, StringComparison.Ordinal);
        Assert.Contains("known: OMS.0065 True", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"OmsGenerated.Runtime/" + _packages.Version + "\"", File.ReadAllText(Path.Combine(project, "obj", "project.assets.json")), StringComparison.Ordinal);
    }

    /// <summary>
    /// The consumer matrix: the LTS and the current framework, nullable annotations on and off, warnings as errors
    /// (a generated client must not add a single warning to a project that treats them as errors).
    /// </summary>
    [Theory]
    [InlineData("net8.0", "enable")]
    [InlineData("net8.0", "disable")]
    [InlineData("net10.0", "enable")]
    [InlineData("net10.0", "disable")]
    public async Task ConsumerWithDefaultOptionsBuildsAndRuns(string targetFramework, string nullable)
    {
        _packages.AssertPacked(_output);
        var consumer = _packages.CreateConsumer("default-" + targetFramework + "-" + nullable, "<OpenApiClient Include=\"petstore.yaml\" />", """
            using Consumer;

            var client = new PetstoreClient(new HttpClient(), new Uri("http://localhost:1/v1/"));
            var pet = new Pet { Id = 7, Name = "Rex" };
            Func<Task> list = () => client.ListPetsAsync(limit: 10);
            Console.WriteLine(client.BaseUrl + " " + pet + " " + (list is not null));
            """);
        File.Copy(PetstorePath, Path.Combine(consumer, "petstore.yaml"));
        _packages.SetProjectProperties(consumer, targetFramework, nullable, treatWarningsAsErrors: true);

        await BuildAndRunAsync(consumer, "Consumer.PetstoreClient.g.cs", targetFramework);
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
        File.Copy(PetstorePath, Path.Combine(consumer, "petstore.yaml"));

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

    private static XElement Nuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string ProjectDirectory(string id) => id == "OmsGenerated.Generator" ? "generator" : Path.Combine("src", id);

    /// <summary>The README text under <paramref name="heading"/>, up to the next heading (its subsections are left out).</summary>
    private static string ReadmeSection(string heading)
    {
        string text = File.ReadAllText(Path.Combine(GeneratorHarness.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
        int start = text.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section '" + heading + "'");
        var next = Regex.Match(text[(start + heading.Length + 1)..], @"^#{2,3} ", RegexOptions.Multiline);
        return next.Success ? text.Substring(start, heading.Length + 1 + next.Index) : text[start..];
    }

    private static List<(string Language, string Code)> CodeBlocks(string markdown)
        => Regex.Matches(markdown, @"^```(\w*)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .ToList();

    private async Task BuildAsync(string project)
    {
        var build = await _packages.DotnetAsync(project, "build", "-c", "Debug");
        _output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, "consumer build failed:\n" + build.Output);
        var generatorLines = build.Output.Split('\n')
            .Where(line => line.Contains("CS8785", StringComparison.Ordinal) || line.Contains("CS8784", StringComparison.Ordinal)
                || line.Contains("CS8032", StringComparison.Ordinal) || line.Contains("AD0001", StringComparison.Ordinal)
                || line.Contains("warning", StringComparison.OrdinalIgnoreCase) && (line.Contains("OmsGenerated", StringComparison.Ordinal) || line.Contains("OAPI0", StringComparison.Ordinal)))
            .ToList();
        Assert.True(generatorLines.Count == 0, "generator problems in the build:\n" + string.Join("\n", generatorLines));
    }

    private async Task BuildAndRunAsync(string consumer, string clientHintName, string targetFramework = "net10.0")
    {
        await BuildAsync(consumer);
        var generated = Path.Combine(consumer, "obj", "Debug", targetFramework, "generated", "OmsGenerated.Generator", "OmsGenerated.Generator.OpenApiClientGenerator", clientHintName);
        Assert.True(File.Exists(generated), "the generator produced no " + clientHintName);

        var run = await _packages.DotnetAsync(consumer, "run", "--no-build", "-c", "Debug");
        Assert.True(run.ExitCode == 0, "consumer run failed:\n" + run.Output);
        Assert.Contains("http://localhost:1/v1 Pet { Id = 7, Name = \"Rex\"", run.Output);
    }

    /// <summary>
    /// A petstore on 127.0.0.1: one request per connection, <c>/v1/pets/42</c> is Rex, <c>/v1/pets?limit=2</c> is Rex and
    /// Fido, everything else is a 404 with the document's <c>Error</c> body. It records each request line.
    /// </summary>
    private sealed class PetServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        public PetServer()
        {
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public string BaseUrl => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/v1/";

        public ConcurrentQueue<string> Requests { get; } = new();

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _accepting;
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = RespondAsync(client);
            }
        }

        private async Task RespondAsync(TcpClient client)
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                timeout.CancelAfter(TimeSpan.FromSeconds(30));
                try
                {
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && head.Length < 65536)
                    {
                        int read = await stream.ReadAsync(buffer, timeout.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    string[] requestLine = head.ToString().Split("\r\n")[0].Split(' ');
                    string request = requestLine[0] + " " + requestLine[1];
                    Requests.Enqueue(request);
                    (int status, string reason, string body) = request switch
                    {
                        "GET /v1/pets/42" => (200, "OK", """{"id":42,"name":"Rex","tag":"dog","status":"available"}"""),
                        "GET /v1/pets?limit=2" => (200, "OK", """[{"id":42,"name":"Rex","tag":"dog","status":"available"},{"id":43,"name":"Fido","status":"pending"}]"""),
                        _ => (404, "Not Found", "{\"code\":404,\"message\":\"no pet " + requestLine[1].Split('/').Last() + "\"}"),
                    };
                    byte[] content = Encoding.UTF8.GetBytes(body);
                    byte[] response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(response, timeout.Token);
                    await stream.WriteAsync(content, timeout.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                {
                }
            }
        }
    }

    /// <summary>
    /// Runs <c>./pack.sh</c> once in a copy of the repository (made a git repository of its own, so the packages record
    /// its commit), with a version no package cache has seen, and serves what it wrote as the feed.
    /// </summary>
    public sealed class PackedPackages : IDisposable
    {
        private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(6);
        private static readonly string[] Ids = { "OmsGenerated.Generator", "OmsGenerated.Runtime", "OmsGenerated.Oms" };

        private readonly string _root = Path.Combine(Path.GetTempPath(), "omsgenerated-package-" + Guid.NewGuid().ToString("N"));
        private readonly StringBuilder _log = new();
        private readonly string? _failure;

        public PackedPackages()
        {
            // stable (dotnet add package without a version takes the newest stable one), below any real release, unique,
            // and a valid assembly version (each part at most 65534)
            Version = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0.0.{Random.Shared.Next(1, 65535)}.{Random.Shared.Next(1, 65535)}");
            Repository = Path.Combine(_root, "repo");
            Feed = Path.Combine(Repository, "artifacts", "packages");
            try
            {
                // pack from a copy: nothing is written into the working tree (bin/obj, artifacts/)
                CopyRepository(GeneratorHarness.RepositoryRoot, Repository);
                RepositoryUrl = XDocument.Load(Path.Combine(Repository, "Directory.Build.props")).Descendants("OmsGeneratedRepositoryUrl").Single().Value;
                foreach (var git in new[]
                {
                    new[] { "init", "-q" },
                    new[] { "add", "-A" },
                    new[] { "-c", "user.name=PackageConsumerTests", "-c", "user.email=tests@omsgenerated.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "package test copy" },
                })
                {
                    var result = RunAsync(Repository, "git", git).GetAwaiter().GetResult();
                    if (result.ExitCode != 0)
                    {
                        _failure = "git " + string.Join(" ", git) + " failed:\n" + result.Output;
                        return;
                    }
                }

                Commit = RunAsync(Repository, "git", "rev-parse", "HEAD").GetAwaiter().GetResult().Output.Trim();

                // the documented command, as documented, plus the test version
                var pack = RunAsync(Repository, "bash", "pack.sh", "-p:Version=" + Version).GetAwaiter().GetResult();
                PackOutput = pack.Output;
                if (pack.ExitCode != 0)
                {
                    _failure = "./pack.sh failed:\n" + pack.Output;
                    return;
                }

                // packing must not warn (TreatWarningsAsErrors covers the compiler, not NuGet or SourceLink)
                var warnings = pack.Output.Split('\n').Where(line => Regex.IsMatch(line, @":\s*warning\s", RegexOptions.IgnoreCase)).ToList();
                if (warnings.Count > 0)
                {
                    _failure = "./pack.sh warned:\n" + string.Join("\n", warnings);
                }
            }
            catch (Exception exception)
            {
                _failure = exception.ToString();
            }
        }

        public string Version { get; }

        /// <summary>The copy of the repository that was packed.</summary>
        public string Repository { get; }

        /// <summary>Its artifacts/packages, where pack.sh put the packages.</summary>
        public string Feed { get; }

        public string RepositoryUrl { get; } = "";

        public string Commit { get; } = "";

        public string PackOutput { get; } = "";

        public string PackagePath(string id) => Path.Combine(Feed, id + "." + Version + ".nupkg");

        public void AssertPacked(ITestOutputHelper output)
        {
            lock (_log)
            {
                output.WriteLine(_log.ToString());
            }

            Assert.True(_failure is null, _failure);
            output.WriteLine("feed: " + string.Join(", ", Directory.GetFiles(Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
            foreach (var id in Ids)
            {
                Assert.True(File.Exists(PackagePath(id)), "no " + PackagePath(id) + "; pack.sh said:\n" + PackOutput);
            }

            Assert.Matches("^[0-9a-f]{40}$", Commit);
            Assert.StartsWith("https://", RepositoryUrl, StringComparison.Ordinal);
        }

        /// <summary>A nuget.config that adds the feed to the user's sources, as README's install section shows.</summary>
        public void WriteNuGetConfig(string directory)
            => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="omsgenerated" value="{Feed}" />
                  </packageSources>
                </configuration>
                """);

        /// <summary><c>dotnet new console</c> in a new folder; returns the project folder.</summary>
        public async Task<string> NewConsoleAsync(string folder, string name)
        {
            string parent = Path.Combine(_root, folder);
            Directory.CreateDirectory(parent);
            var created = await DotnetAsync(parent, "new", "console", "-n", name, "-o", name);
            Assert.True(created.ExitCode == 0, "dotnet new console failed:\n" + created.Output);
            return Path.Combine(parent, name);
        }

        /// <summary>A net10.0 console project using the generator and the runtime from the feed (plus the default sources).</summary>
        public string CreateConsumer(string name, string openApiItem, string program)
        {
            var consumer = Path.Combine(_root, "consumer-" + name);
            Directory.CreateDirectory(consumer);
            WriteNuGetConfig(consumer);

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

        /// <summary>Sets the consumer's framework and nullable context, and whether warnings fail its build.</summary>
        public void SetProjectProperties(string consumer, string targetFramework, string nullable, bool treatWarningsAsErrors)
        {
            var path = Path.Combine(consumer, "Consumer.csproj");
            var project = File.ReadAllText(path)
                .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>" + targetFramework + "</TargetFramework>", StringComparison.Ordinal)
                .Replace("<Nullable>enable</Nullable>", "<Nullable>" + nullable + "</Nullable><TreatWarningsAsErrors>" + (treatWarningsAsErrors ? "true" : "false") + "</TreatWarningsAsErrors>"
                    // compiled against the framework's own reference assemblies; run on the newest runtime installed
                    + "<RollForward>Major</RollForward>", StringComparison.Ordinal);
            File.WriteAllText(path, project);
        }

        public Task<(int ExitCode, string Output)> DotnetAsync(string workingDirectory, params string[] arguments)
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
            if (arguments[0] is "build" or "pack")
            {
                // no build server or compiler server outlives the test
                arguments = arguments.Concat(new[] { "-nodeReuse:false", "-p:UseSharedCompilation=false" }).ToArray();
            }

            return RunAsync(workingDirectory, host, arguments);
        }

        public async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string fileName, params string[] arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // the test host runs under MSBuild-set variables that would redirect a nested build, and maybe under git's
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
            var stopwatch = Stopwatch.StartNew();
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(ProcessTimeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new TimeoutException(fileName + " " + string.Join(" ", arguments) + " did not finish within " + ProcessTimeout + ":\n" + output);
            }

            await exited;
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            lock (_log)
            {
                _log.AppendLine($"{Path.GetFileName(fileName)} {string.Join(" ", arguments)}: exit {process.ExitCode} after {stopwatch.Elapsed.TotalSeconds:F1} s");
            }

            return (process.ExitCode, text);
        }

        public void Dispose()
        {
            TryDelete(_root);

            // the unique test version must not pile up in the shared package cache
            foreach (var id in Ids)
            {
                var packageFolder = Path.Combine(OfflineReferenceAssemblies.GlobalPackagesFolder, id.ToLowerInvariant());
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

        /// <summary>Copies what the repository holds: its tracked files and the new ones git does not ignore, as they are on disk.</summary>
        private void CopyRepository(string source, string destination)
        {
            var files = RunAsync(source, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").GetAwaiter().GetResult();
            if (files.ExitCode != 0)
            {
                throw new InvalidOperationException("git ls-files failed in " + source + ":\n" + files.Output);
            }

            foreach (var relative in files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')).Distinct(StringComparer.Ordinal))
            {
                var from = Path.Combine(source, relative);
                if (!File.Exists(from))
                {
                    continue; // deleted in the working tree
                }

                var to = Path.Combine(destination, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to);
            }
        }
    }
}

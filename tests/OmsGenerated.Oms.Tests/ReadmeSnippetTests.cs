using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using OmsGenerated.Generator;
using OmsGenerated.Testing;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Every C# block of the repository's README.md (<c>```csharp</c>, also <c>cs</c> and <c>c#</c>) compiles, so a
/// snippet cannot rot: one theory case per block, named by the line of its opening fence in README.md.
/// </summary>
/// <remarks>
/// <para><b>How a block is compiled.</b> The block's text is compiled as written, as the <c>Program.cs</c> of a new
/// console project (top-level statements; a block without statements is compiled as a library), behind a
/// <c>#line</c> directive so that every diagnostic names its README.md line. Beside it are:</para>
/// <list type="bullet">
/// <item>the implicit global usings of an SDK project with <c>ImplicitUsings</c> enabled (System, System.IO,
/// System.Linq, System.Net.Http, System.Threading, System.Threading.Tasks, System.Collections.Generic). Product
/// namespaces (<c>OmsGenerated.Oms</c>, <c>OmsGenerated.Runtime.*</c>, the generated client's) are not implicit: a block
/// must import them itself, exactly as a reader who copies it would have to;</item>
/// <item>the prelude of the block's README section (<see cref="s_contexts"/>): static fields, brought in by
/// <c>global using static</c>, for the free variables the block assumes the reader already has (<c>httpClient</c>,
/// <c>services</c>, <c>ak</c>, <c>sk</c>, <c>ct</c>, …). The section is looked up by the block's nearest heading,
/// then by the headings above it;</item>
/// <item>for the section "Add the generator to your own project", a client generated in-process (CSharpGeneratorDriver
/// with <see cref="OpenApiClientGenerator"/>) from <see cref="PetstoreYaml"/>, opted in with the attributes of the
/// README's own <c>&lt;OpenApiClient Include="petstore.yaml" …/&gt;</c> line.</item>
/// </list>
/// <para>References: the test's trusted platform assemblies (.NET and ASP.NET Core shared frameworks) and every managed
/// assembly of the test output (OmsGenerated.Oms, OmsGenerated.Runtime, Kiota, Microsoft.Extensions.Http.Resilience, …).
/// Nullable is enabled and every warning wave is on.</para>
/// <para><b>What fails.</b> Any error anywhere (snippet, prelude, generated code), any warning located in the block or
/// in its prelude, and any generator diagnostic for the petstore document. Warnings in generated code are the
/// generator's business (its own compile tests hold it to zero). Suppressed like the SDK does: CS1701/CS1702
/// (reference version unification). CS1591 (missing XML comment) cannot occur: no documentation file is produced.</para>
/// <para><b>Fragments.</b> A block that cannot compile on purpose is marked in README.md by an HTML comment on the
/// line(s) right before its fence: <c>&lt;!-- snippet: fragment --&gt;</c> or
/// <c>&lt;!-- snippet: fragment: why --&gt;</c>. Its case is reported as skipped with that reason; any other
/// <c>snippet:</c> marker is an error. Prefer making a block compile.</para>
/// </remarks>
public sealed class ReadmeSnippetTests
{
    /// <summary>The petstore document the README's <c>PetstoreClient</c> snippet is generated from (OpenAPI's classic example).</summary>
    internal const string PetstoreYaml = """
        openapi: 3.0.3
        info:
          title: Swagger Petstore
          version: 1.0.0
        servers:
          - url: https://petstore.example.com/v1
        paths:
          /pets:
            get:
              operationId: listPets
              summary: List all pets
              parameters:
                - name: limit
                  in: query
                  required: false
                  schema:
                    type: integer
                    format: int32
                    maximum: 100
              responses:
                '200':
                  description: A page of pets
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pets'
                default:
                  description: unexpected error
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
          /pets/{petId}:
            get:
              operationId: showPetById
              summary: Info for a specific pet
              parameters:
                - name: petId
                  in: path
                  required: true
                  description: The id of the pet to retrieve
                  schema:
                    type: string
              responses:
                '200':
                  description: Expected response to a valid request
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
                default:
                  description: unexpected error
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Error'
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id:
                  type: integer
                  format: int64
                name:
                  type: string
                tag:
                  type: string
            Pets:
              type: array
              maxItems: 100
              items:
                $ref: '#/components/schemas/Pet'
            Error:
              type: object
              required: [code, message]
              properties:
                code:
                  type: integer
                  format: int32
                message:
                  type: string
        """;

    private const string ImplicitUsings = """
        // the implicit usings of an SDK project with <ImplicitUsings>enable</ImplicitUsings> (Microsoft.NET.Sdk)
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    /// <summary>
    /// Per README section: the variables its C# block assumes the reader already has, declared as static fields of
    /// <c>ReadmePrelude</c>. Keep each list to what the section's block uses.
    /// </summary>
    private static readonly Dictionary<string, SnippetContext> s_contexts = new(StringComparer.Ordinal)
    {
        // "3. Use the client": an HttpClient (the reader's, or IHttpClientFactory's), the caller's cancellation token,
        // and the PetstoreClient generated from petstore.yaml by the <OpenApiClient> line of step 2.
        ["Add the generator to your own project"] = new(
            """
            internal static System.Net.Http.HttpClient httpClient = new();
            internal static System.Threading.CancellationToken cancellationToken = default;
            """,
            GeneratesPetstore: true),

        // services: the app's IServiceCollection; ak/sk: the reader's access key pair; "later": an OmsClient resolved from
        // that container, the task to start, the destination bucket's key pair, and the caller's cancellation token.
        ["The OMS client"] = new(
            """
            internal static Microsoft.Extensions.DependencyInjection.IServiceCollection services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
            internal static string ak = "AK", sk = "SK";
            internal static OmsGenerated.Oms.OmsClient omsClient = null!;
            internal static long taskId = 1001;
            internal static string dstAk = "DSTAK", dstSk = "DSTSK";
            internal static System.Threading.CancellationToken ct = default;
            """),

        // services: the app's IServiceCollection; requestSecurityTokenAsync: the reader's own call to IAM that returns
        // temporary credentials and their expiry.
        ["Credentials"] = new(
            """
            internal static Microsoft.Extensions.DependencyInjection.IServiceCollection services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
            internal static System.Func<System.Threading.CancellationToken, System.Threading.Tasks.ValueTask<OmsGenerated.Runtime.Auth.ExpiringCredentials>> requestSecurityTokenAsync = null!;
            """),

        // oms: an OmsClient (from AddOmsClient or OmsClientFactory); taskId and request: the StartTask call being made;
        // ct: the caller's cancellation token.
        ["Errors"] = new(
            """
            internal static OmsGenerated.Oms.OmsClient oms = null!;
            internal static long taskId = 1001;
            internal static OmsGenerated.Oms.StartTaskReq request = new() { DstAk = "DSTAK", DstSk = "DSTSK" };
            internal static System.Threading.CancellationToken ct = default;
            """),

        // The block creates its own client: nothing assumed.
        ["Redirects"] = new(string.Empty),
        // The listener example is self-contained: it assumes nothing.
        ["Telemetry"] = new(string.Empty),
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    private readonly ITestOutputHelper _output;

    public ReadmeSnippetTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>The line of each C# block's opening fence in README.md.</summary>
    public static TheoryData<int> CsharpBlocks()
    {
        var data = new TheoryData<int>();
        foreach (ReadmeBlock block in ReadmeDocument.Current.Blocks)
        {
            data.Add(block.FenceLine);
        }

        return data;
    }

    [Fact]
    public void The_readme_is_found_and_has_csharp_blocks()
    {
        ReadmeDocument readme = ReadmeDocument.Current;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(readme.Path)!, "OmsGenerated.sln")));
        Assert.NotEmpty(readme.Blocks);
        Assert.True(readme.OrphanMarkers.Count == 0,
            "snippet markers not directly before a C# block, at README.md lines " + string.Join(", ", readme.OrphanMarkers));
        _output.WriteLine(readme.Blocks.Count + " C# blocks in " + readme.Path + ": lines "
            + string.Join(", ", readme.Blocks.Select(b => b.FenceLine + (b.FragmentReason is null ? string.Empty : " (fragment)"))));
    }

    [ReadmeBlockTheory]
    [MemberData(nameof(CsharpBlocks))]
    public void Csharp_block_compiles(int line)
    {
        ReadmeBlock block = ReadmeDocument.Current.Blocks.Single(b => b.FenceLine == line);
        Assert.True(block.MarkerProblem is null, "README.md line " + line + ": " + block.MarkerProblem);
        if (block.FragmentReason is not null)
        {
            // only reached when the discoverer could not mark the case skipped (it always can for a fragment)
            _output.WriteLine("not compiled: " + block.FragmentReason);
            return;
        }

        string? section = block.Headings.FirstOrDefault(s_contexts.ContainsKey);
        Assert.True(section is not null,
            "README.md line " + line + " (under '" + string.Join("' < '", block.Headings) + "'): no prelude for this section in "
            + nameof(ReadmeSnippetTests) + "." + nameof(s_contexts) + ". Add one declaring the variables the block assumes, "
            + "or mark the block <!-- snippet: fragment: why --> if it cannot compile.");
        SnippetContext context = s_contexts[section!];

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        SyntaxTree snippet = CSharpSyntaxTree.ParseText(
            "#line " + block.FirstCodeLine + " \"README.md\"\n" + block.Code, parseOptions, path: "README.md.cs", encoding: Encoding.UTF8);
        SyntaxTree prelude = CSharpSyntaxTree.ParseText(
            "global using static ReadmePrelude;\n\n/// <summary>What the README section '" + section + "' assumes.</summary>\ninternal static class ReadmePrelude\n{\n"
            + context.Prelude + "\n}\n",
            parseOptions, path: "ReadmePrelude.cs", encoding: Encoding.UTF8);
        SyntaxTree usings = CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "ImplicitUsings.g.cs", encoding: Encoding.UTF8);

        bool hasStatements = snippet.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        Compilation compilation = CSharpCompilation.Create(
            "ReadmeSnippet" + line,
            new[] { snippet, prelude, usings },
            s_references.Value,
            new CSharpCompilationOptions(
                    hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    warningLevel: 9999)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

        var problems = new List<Diagnostic>();
        if (context.GeneratesPetstore)
        {
            compilation = AddPetstoreClient(compilation, parseOptions, problems);
        }

        EmitResult emitted = compilation.Emit(Stream.Null);
        problems.AddRange(emitted.Diagnostics.Where(d =>
            d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && (d.Location.SourceTree == snippet || d.Location.SourceTree == prelude || !d.Location.IsInSource))));

        _output.WriteLine("README.md line " + line + ", section '" + section + "', compiled as "
            + (hasStatements ? "top-level statements" : "a library") + (context.GeneratesPetstore ? " with the generated PetstoreClient" : string.Empty));
        if (problems.Count > 0)
        {
            Assert.Fail("The C# block at README.md line " + line + " does not compile cleanly:\n"
                + string.Join("\n", problems.Select(Describe))
                + "\n\nThe block:\n" + string.Join("\n", block.Code.Split('\n').Select((text, i) => (block.FirstCodeLine + i).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5) + "  " + text)));
        }
    }

    [Fact]
    public void The_parser_finds_blocks_headings_and_fragment_markers()
    {
        const string markdown = """
            # Title

            ## Usage

            ```csharp
            var a = 1;
            ```

            ### Details

            <!-- snippet: fragment: shows only the call -->

            ```cs
            client.Call();
            ```

            ```bash
            echo not csharp
            ```

              ```c#
              // indented in a list
              ```

            <!-- snippet: frgament -->
            ```csharp
            typo();
            ```

            <!-- snippet: fragment -->
            Some text, so the marker belongs to nothing.
            """;

        ReadmeDocument document = ReadmeDocument.Parse("test.md", markdown);

        Assert.Equal(new[] { 5, 13, 21, 26 }, document.Blocks.Select(b => b.FenceLine));
        Assert.Equal(new[] { 6, 14, 22, 27 }, document.Blocks.Select(b => b.FirstCodeLine));
        Assert.Equal(new[] { "Usage", "Title" }, document.Blocks[0].Headings);
        Assert.Equal(new[] { "Details", "Usage", "Title" }, document.Blocks[1].Headings);
        Assert.Equal("var a = 1;", document.Blocks[0].Code);
        Assert.Null(document.Blocks[0].FragmentReason);
        Assert.Equal("test.md line 13 is marked <!-- snippet: fragment -->: shows only the call", document.Blocks[1].FragmentReason);
        Assert.Equal("// indented in a list", document.Blocks[2].Code);
        Assert.NotNull(document.Blocks[3].MarkerProblem);
        Assert.Null(document.Blocks[3].FragmentReason);
        Assert.Equal(new[] { 30 }, document.OrphanMarkers);
    }

    /// <summary>Runs the generator over the compilation with petstore.yaml opted in as the README's OpenApiClient line says.</summary>
    private static Compilation AddPetstoreClient(Compilation compilation, CSharpParseOptions parseOptions, List<Diagnostic> problems)
    {
        XElement optIn = ReadmeDocument.Current.OpenApiClientElement("petstore.yaml");
        string path = Path.Combine(Path.GetTempPath(), "readme-snippet", "petstore.yaml");
        var metadata = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApi"] = "true" };
        foreach ((string attribute, string key) in new[] { ("Namespace", "OpenApiNamespace"), ("ClientName", "OpenApiClientName"), ("Accessibility", "OpenApiAccessibility") })
        {
            if (optIn.Attribute(attribute)?.Value is { } value)
            {
                metadata["build_metadata.AdditionalFiles." + key] = value;
            }
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(path, PetstoreYaml) },
            parseOptions,
            InMemoryOptionsProvider.ByPath(new Dictionary<string, Dictionary<string, string>> { [path] = metadata }));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        problems.AddRange(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(output.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), "the generator produced no code for petstore.yaml");
        return output;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        string where = diagnostic.Location.IsInSource
            ? span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + ")"
            : "(no location)";
        return "  " + where + ": " + diagnostic.Severity.ToString().ToLowerInvariant() + " " + diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The trusted platform assemblies and every managed assembly of the test output (first by file name wins).</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<string> trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        foreach (string path in trusted.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")))
        {
            if (File.Exists(path) && !byName.ContainsKey(Path.GetFileName(path)) && IsManagedAssembly(path))
            {
                byName[Path.GetFileName(path)] = path;
            }
        }

        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    /// <param name="Prelude">Members of the static class <c>ReadmePrelude</c>, visible to the block through <c>global using static</c>.</param>
    /// <param name="GeneratesPetstore">Whether the block uses the client generated from <see cref="PetstoreYaml"/>.</param>
    private sealed record SnippetContext(string Prelude, bool GeneratesPetstore = false);
}

/// <summary>One C# block of a Markdown document.</summary>
/// <param name="FenceLine">1-based line of the opening fence (the theory case's name).</param>
/// <param name="FirstCodeLine">1-based line of the block's first line of code.</param>
/// <param name="Code">The block's text, without its fences and without the fence's indentation.</param>
/// <param name="Headings">The headings the block is under, nearest first.</param>
/// <param name="FragmentReason">Why the block is not compiled, when it is marked <c>&lt;!-- snippet: fragment --&gt;</c>.</param>
/// <param name="MarkerProblem">A <c>snippet:</c> marker before the block that is not understood.</param>
internal sealed record ReadmeBlock(int FenceLine, int FirstCodeLine, string Code, IReadOnlyList<string> Headings, string? FragmentReason, string? MarkerProblem);

/// <summary>README.md of the repository, split into its C# blocks.</summary>
internal sealed class ReadmeDocument
{
    private static readonly Regex s_marker = new(@"^<!--\s*snippet:\s*(?<value>.*?)\s*-->$", RegexOptions.CultureInvariant);
    private static readonly Regex s_fragment = new(@"^fragment(?:\s*[:—–-]\s*(?<reason>.+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_fence = new(@"^(?<fence>`{3,}|~{3,})\s*(?<info>[^`]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_heading = new(@"^(?<level>#{1,6})\s+(?<text>.*?)\s*#*\s*$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> s_csharp = new(StringComparer.OrdinalIgnoreCase) { "csharp", "cs", "c#" };
    private static readonly Lazy<ReadmeDocument> s_current = new(() =>
    {
        string path = FindReadme();
        return Parse(path, File.ReadAllText(path));
    });

    private readonly string[] _lines;

    private ReadmeDocument(string path, string[] lines, IReadOnlyList<ReadmeBlock> blocks, IReadOnlyList<int> orphanMarkers)
    {
        Path = path;
        _lines = lines;
        Blocks = blocks;
        OrphanMarkers = orphanMarkers;
    }

    /// <summary>The repository's README.md.</summary>
    public static ReadmeDocument Current => s_current.Value;

    public string Path { get; }

    public IReadOnlyList<ReadmeBlock> Blocks { get; }

    /// <summary>Lines of <c>snippet:</c> markers that are not directly followed by a C# block.</summary>
    public IReadOnlyList<int> OrphanMarkers { get; }

    /// <summary>The first <c>&lt;OpenApiClient Include="…"/&gt;</c> element of the document that opts in <paramref name="include"/>.</summary>
    public XElement OpenApiClientElement(string include)
    {
        foreach (string line in _lines)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("<OpenApiClient ", StringComparison.Ordinal))
            {
                XElement element = XElement.Parse(trimmed);
                if (string.Equals(element.Attribute("Include")?.Value, include, StringComparison.Ordinal))
                {
                    return element;
                }
            }
        }

        throw new InvalidOperationException(Path + " has no <OpenApiClient Include=\"" + include + "\" … /> line; the PetstoreClient block is generated with its Namespace, ClientName and Accessibility.");
    }

    /// <summary>Walks up from the test output until a directory holds both README.md and OmsGenerated.sln.</summary>
    public static string FindReadme()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string readme = System.IO.Path.Combine(directory.FullName, "README.md");
            if (File.Exists(readme) && File.Exists(System.IO.Path.Combine(directory.FullName, "OmsGenerated.sln")))
            {
                return readme;
            }
        }

        throw new InvalidOperationException("no directory above " + AppContext.BaseDirectory + " holds both README.md and OmsGenerated.sln");
    }

    public static ReadmeDocument Parse(string path, string markdown)
    {
        string[] lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<ReadmeBlock>();
        var orphans = new List<int>();
        var headings = new List<(int Level, string Text)>();
        (int Line, string Value)? marker = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart(' ');
            int indent = lines[i].Length - trimmed.Length;
            Match fence = s_fence.Match(trimmed);
            if (fence.Success)
            {
                string delimiter = fence.Groups["fence"].Value;
                string language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0];
                int close = i + 1;
                while (close < lines.Length && !IsClosingFence(lines[close], delimiter))
                {
                    close++;
                }

                if (s_csharp.Contains(language))
                {
                    IEnumerable<string> code = lines.Skip(i + 1).Take(close - i - 1).Select(l => Unindent(l, indent));
                    (string? reason, string? problem) = Interpret(path, i + 1, marker?.Value);
                    blocks.Add(new ReadmeBlock(i + 1, i + 2, string.Join("\n", code), headings.Select(h => h.Text).Reverse().ToArray(), reason, problem));
                }
                else if (marker is { } stray)
                {
                    orphans.Add(stray.Line);
                }

                marker = null;
                i = close;
                continue;
            }

            if (s_heading.Match(trimmed) is { Success: true } heading && indent <= 3)
            {
                int level = heading.Groups["level"].Value.Length;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, heading.Groups["text"].Value.Replace("`", string.Empty, StringComparison.Ordinal)));
            }

            if (s_marker.Match(trimmed.TrimEnd()) is { Success: true } found)
            {
                if (marker is { } previous)
                {
                    orphans.Add(previous.Line);
                }

                marker = (i + 1, found.Groups["value"].Value);
            }
            else if (trimmed.Trim().Length > 0 && marker is { } stray)
            {
                orphans.Add(stray.Line);
                marker = null;
            }
        }

        if (marker is { } last)
        {
            orphans.Add(last.Line);
        }

        return new ReadmeDocument(path, lines, blocks, orphans);
    }

    private static (string? Reason, string? Problem) Interpret(string path, int fenceLine, string? marker)
    {
        if (marker is null)
        {
            return (null, null);
        }

        Match fragment = s_fragment.Match(marker);
        if (!fragment.Success)
        {
            return (null, "unknown snippet marker '" + marker + "' before the block; the known one is 'fragment' (<!-- snippet: fragment: why -->)");
        }

        string reason = fragment.Groups["reason"].Success ? fragment.Groups["reason"].Value : "a fragment, not meant to compile on its own";
        return (System.IO.Path.GetFileName(path) + " line " + fenceLine + " is marked <!-- snippet: fragment -->: " + reason, null);
    }

    private static bool IsClosingFence(string line, string delimiter)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= delimiter.Length && trimmed.All(c => c == delimiter[0]);
    }

    private static string Unindent(string line, int indent)
    {
        int remove = 0;
        while (remove < indent && remove < line.Length && line[remove] == ' ')
        {
            remove++;
        }

        return line[remove..];
    }
}

/// <summary>A theory over README blocks whose fragment cases are reported as skipped, with the README's reason.</summary>
[XunitTestCaseDiscoverer("OmsGenerated.Oms.Tests.ReadmeBlockTheoryDiscoverer", "OmsGenerated.Oms.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadmeBlockTheoryAttribute : TheoryAttribute
{
}

/// <summary>Discovers <see cref="ReadmeBlockTheoryAttribute"/> cases: a row whose block is a fragment becomes a skipped case.</summary>
public sealed class ReadmeBlockTheoryDiscoverer : TheoryDiscoverer
{
    public ReadmeBlockTheoryDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        if (dataRow is [int line] && ReadmeDocument.Current.Blocks.FirstOrDefault(b => b.FenceLine == line) is { FragmentReason: { } reason, MarkerProblem: null })
        {
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason);
        }

        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Tests.Shared;

/// <summary>
/// Stoplight Prism (<c>@stoplight/prism-cli</c>, pinned in package.json) mocking an OpenAPI document on 127.0.0.1: an
/// independent judge of generated clients. With <c>--errors</c> a request that breaks the document is answered with an
/// error and an <c>sl-violations</c> header; with <paramref name="dynamic"/> every answer is a random schema-valid body.
/// </summary>
public sealed class PrismMock : IAsyncDisposable
{
    /// <summary>The header in which Prism lists what was wrong with a request or with its own answer.</summary>
    public const string ViolationsHeader = "sl-violations";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismMock(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Prism's own log so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Where <c>npm ci</c> puts the Prism CLI (test.sh runs it), or null when it is not installed.</summary>
    public static string? Executable
    {
        get
        {
            string? root = RepositoryRoot;
            string path = root is null ? string.Empty : Path.Combine(root, "node_modules", ".bin", "prism");
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Why a Prism test cannot run here, or null when it can.</summary>
    public static string? SkipReason => Executable is null
        ? "needs the Prism CLI from package.json: run `npm ci` in the repository root (./test.sh does)"
        : null;

    public static string? RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OmsGenerated.sln")))
                {
                    return directory.FullName;
                }
            }

            return null;
        }
    }

    /// <summary>Starts Prism on a free loopback port and returns once it listens (at most 90 s: its cold start is slow).</summary>
    public static async Task<PrismMock> StartAsync(string documentPath, bool dynamic)
    {
        string executable = Executable ?? throw new InvalidOperationException(SkipReason);
        int port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "mock", documentPath, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--errors" })
        {
            start.ArgumentList.Add(argument);
        }

        if (dynamic)
        {
            start.ArgumentList.Add("--dynamic");
        }

        // No colours, no update or usage checks.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        start.Environment["SCARF_ANALYTICS"] = "false";
        start.Environment["DO_NOT_TRACK"] = "1";

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited before listening:\n" + output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var mock = new PrismMock(process, output, new Uri("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await listening.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await mock.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return mock;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

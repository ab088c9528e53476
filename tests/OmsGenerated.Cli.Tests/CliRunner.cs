using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>The captured result of one in-process CLI run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The activities of every source in the process that stopped during the run (parallel runs included).</summary>
    public IReadOnlyList<System.Diagnostics.Activity> Activities { get; init; } = Array.Empty<System.Diagnostics.Activity>();

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs <see cref="OmsCli.RunAsync(string[], TextWriter, TextWriter, IDictionary{string, string?}, CancellationToken)"/>
/// with captured writers and an injected environment, and checks every run for leaked secrets (in its output and in
/// every activity and metric recorded meanwhile) and stack traces.</summary>
internal static class CliRunner
{
    /// <summary>Emulator speed for tests: a full demo run (300 simulated seconds) takes about 0.1 s.</summary>
    public const string FastEmulator = "3000";

    /// <summary>The variable that points the embedded emulator at its state file.</summary>
    public const string EmulatorDb = "OMS_EMULATOR_DB";

    /// <summary>A state file path in a new temporary directory (nothing is created yet).</summary>
    public static string NewStatePath()
        => Path.Combine(Path.GetTempPath(), "oms-cli-tests", Guid.NewGuid().ToString("N"), "emulator.db");

    /// <summary>Deletes a state file made by <see cref="NewStatePath"/> and its directory (WAL files included).</summary>
    public static void DeleteState(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string? directory = Path.GetDirectoryName(path);
        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, CancellationToken.None, args);

    public static Task<CliResult> RunAsync(IDictionary<string, string?>? environment, params string[] args)
        => RunAsync(environment, CancellationToken.None, args);

    /// <summary>
    /// Runs <c>oms --json --endpoint {endpoint} …</c>, asserts the exit code, and parses the JSON it printed: stdout on
    /// success, the error document on stderr otherwise.
    /// </summary>
    public static async Task<JsonElement> RunJsonAsync(IDictionary<string, string?> environment, Uri endpoint, int expectedExit, params string[] args)
    {
        var all = new List<string> { "--json", "--endpoint", endpoint.ToString() };
        all.AddRange(args);
        CliResult result = await RunAsync(environment, all.ToArray());
        Assert.True(result.ExitCode == expectedExit, result.ToString());
        using JsonDocument document = JsonDocument.Parse(expectedExit == 0 ? result.Stdout : result.Stderr);
        return document.RootElement.Clone();
    }

    public static async Task<CliResult> RunAsync(IDictionary<string, string?>? environment, CancellationToken cancellationToken, params string[] args)
    {
        // Every run gets its own emulator state file unless the test names one, so tests never share state and never
        // touch the real user's data directory.
        string? ownState = environment?.ContainsKey(EmulatorDb) == true ? null : NewStatePath();
        var env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["OMS_EMULATOR_SPEED"] = FastEmulator, [EmulatorDb] = ownState };
        if (environment is not null)
        {
            foreach (var pair in environment)
            {
                env[pair.Key] = pair.Value;
            }
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var telemetry = OmsGenerated.Tests.Shared.TelemetryCapture.Everything();
        int exitCode;
        try
        {
            exitCode = await OmsCli.RunAsync(args, stdout, stderr, env, cancellationToken);
        }
        finally
        {
            if (ownState is not null)
            {
                DeleteState(ownState);
            }
        }

        var result = new CliResult(exitCode, stdout.ToString(), stderr.ToString()) { Activities = telemetry.Activities };
        foreach (string secret in Canary.All)
        {
            Assert.False(result.Stdout.Contains(secret, StringComparison.Ordinal), "a secret leaked to stdout:\n" + result);
            Assert.False(result.Stderr.Contains(secret, StringComparison.Ordinal), "a secret leaked to stderr:\n" + result);
            foreach ((string where, string text) in telemetry.AllText())
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), "a secret leaked to telemetry (" + where + "): " + text);
            }
        }

        if (Array.IndexOf(args, "--verbose") < 0)
        {
            Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal), "a stack trace was printed:\n" + result);
            Assert.False(result.Stdout.Contains("   at ", StringComparison.Ordinal), "a stack trace was printed:\n" + result);
        }

        return result;
    }
}

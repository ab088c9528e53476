using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>
/// The embedded emulator's state across real CLI processes (the built <c>oms</c> executable, not in-process runs):
/// consecutive commands continue one story, and concurrent commands leave a consistent, intact database.
/// </summary>
public sealed class CrossProcessStateTests : IDisposable
{
    private readonly string _statePath = CliRunner.NewStatePath();

    [Fact]
    public async Task Tasks_list_in_a_new_process_shows_what_start_wait_did_in_the_previous_one()
    {
        ProcessResult start = await RunProcessAsync("tasks", "start", "1001", "--wait");
        Assert.True(start.ExitCode == 0, start.ToString());

        ProcessResult list = await RunProcessAsync("--json", "tasks", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        JsonElement task = TaskOf(list.Stdout, 1001);
        Assert.Equal(5, task.GetProperty("status").GetInt32()); // succeeded, not paused at 35 % again
        Assert.Equal(1.0, task.GetProperty("progress").GetDouble());
        Assert.Contains(_statePath, list.Stderr, StringComparison.Ordinal); // "state in …" names the file
    }

    [Fact]
    public async Task Concurrent_commands_in_four_processes_leave_one_consistent_database()
    {
        Task<ProcessResult>[] running =
        [
            RunProcessAsync("tasks", "start", "1001", "--wait"),
            RunProcessAsync("--json", "tasks", "list"),
            RunProcessAsync("--json", "tasks", "show", "1002"),
            RunProcessAsync("tasks", "start", "1002", "--failed-only"),
        ];
        ProcessResult[] results = await Task.WhenAll(running);
        foreach (ProcessResult result in results)
        {
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        ProcessResult status = await RunProcessAsync("--json", "emulator", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        using (JsonDocument info = JsonDocument.Parse(status.Stdout))
        {
            Assert.Equal(_statePath, info.RootElement.GetProperty("path").GetString());
            Assert.Equal(5, info.RootElement.GetProperty("tasks").GetInt32()); // seeded once, not once per process
        }

        ProcessResult list = await RunProcessAsync("--json", "tasks", "list");
        Assert.Equal(5, TaskOf(list.Stdout, 1001).GetProperty("status").GetInt32());
        int retried = TaskOf(list.Stdout, 1002).GetProperty("status").GetInt32();
        Assert.True(retried is 2 or 5, "1002 should be re-sending its failed objects or done, not failed again: status " + retried);

        await using var connection = new SqliteConnection("Data Source=" + _statePath + ";Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Emulator_reset_in_another_process_reseeds_the_demo_tasks()
    {
        Assert.Equal(0, (await RunProcessAsync("tasks", "start", "1001", "--wait")).ExitCode);
        ProcessResult reset = await RunProcessAsync("emulator", "reset");
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Contains("path:           " + _statePath, reset.Stdout, StringComparison.Ordinal);

        ProcessResult show = await RunProcessAsync("--json", "tasks", "show", "1001");
        using JsonDocument task = JsonDocument.Parse(show.Stdout);
        Assert.Equal(3, task.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(0.35, task.RootElement.GetProperty("progress").GetDouble(), 2);
    }

    public void Dispose() => CliRunner.DeleteState(_statePath);

    private static JsonElement TaskOf(string listJson, long id)
    {
        using JsonDocument document = JsonDocument.Parse(listJson);
        return document.RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetInt64() == id).Clone();
    }

    /// <summary>Runs the built CLI (oms.dll next to the tests) as its own process, with only the emulator configured.</summary>
    private async Task<ProcessResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "oms.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in start.Environment.Keys.Where(name => name.StartsWith("HUAWEICLOUD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment[CliRunner.EmulatorDb] = _statePath;
        start.Environment["OMS_EMULATOR_SPEED"] = CliRunner.FastEmulator;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }
}

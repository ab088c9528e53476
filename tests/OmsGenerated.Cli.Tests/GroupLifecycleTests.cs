using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>
/// The task-group state machine through the CLI against the emulator, on a clock the test moves: create (creating →
/// monitoring), stop (pausing → paused, a second stop is "already paused"), start (a second start is "already
/// running"), completion, retry refused on a completed group, delete, and "no such group" (400 OMS.1009).
/// </summary>
public sealed class GroupLifecycleTests
{
    private const string ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private readonly ManualClock _clock = new();

    private static Task<JsonElement> JsonAsync(OmsEmulator emulator, int expectedExit, params string[] args)
        => CliRunner.RunJsonAsync(Canary.Environment(ProjectId), emulator.BaseAddress, expectedExit, args);

    private async Task<int> StatusAsync(OmsEmulator emulator, string groupId)
        => (await JsonAsync(emulator, 0, "groups", "show", groupId)).GetProperty("status").GetInt32();

    [Fact]
    public async Task A_group_goes_through_its_states_and_every_refusal_is_reported_truthfully()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions
        {
            AccessKey = Canary.AccessKey,
            SecretKey = Canary.SecretKey,
            ProjectId = ProjectId,
            SpeedFactor = 100,
            SeedDemoTasks = false,
            TimeProvider = _clock,
        });

        JsonElement created = await JsonAsync(emulator, 0, "groups", "create", "--src-cloud-type", "Aliyun", "--src-region", "cn-hangzhou",
            "--src-bucket", "demo-logs", "--dst-region", "cn-north-4", "--dst-bucket", "dst");
        string groupId = created.GetProperty("groupId").GetString()!;
        Assert.Equal(1, await StatusAsync(emulator, groupId)); // creating its tasks

        _clock.Advance(TimeSpan.FromSeconds(1)); // 100 simulated seconds: the tasks exist, the group monitors them
        Assert.Equal(2, await StatusAsync(emulator, groupId));

        Assert.Equal("stopped", (await JsonAsync(emulator, 0, "groups", "stop", groupId)).GetProperty("result").GetString());
        Assert.Equal("already_stopped", (await JsonAsync(emulator, 0, "groups", "stop", groupId)).GetProperty("result").GetString());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await StatusAsync(emulator, groupId));

        Assert.Equal("started", (await JsonAsync(emulator, 0, "groups", "start", groupId)).GetProperty("result").GetString());
        Assert.Equal("already_running", (await JsonAsync(emulator, 0, "groups", "start", groupId)).GetProperty("result").GetString());

        JsonElement busy = await JsonAsync(emulator, 3, "groups", "delete", groupId);
        Assert.Equal("OMS.0063", busy.GetProperty("error").GetProperty("code").GetString());

        _clock.Advance(TimeSpan.FromMinutes(10)); // long enough for every task of the group to finish
        Assert.Equal(6, await StatusAsync(emulator, groupId));

        // A finished group can be neither retried nor started: the refusal is an OMS error (exit 3), never "already running".
        foreach (string verb in new[] { "retry", "start" })
        {
            JsonElement refused = (await JsonAsync(emulator, 3, "groups", verb, groupId)).GetProperty("error");
            Assert.StartsWith("OMS.", refused.GetProperty("code").GetString());
            Assert.Equal(400, refused.GetProperty("status").GetInt32());
        }

        Assert.Equal(6, await StatusAsync(emulator, groupId));

        JsonElement list = await JsonAsync(emulator, 0, "groups", "list", "--status", "completed");
        Assert.Equal(groupId, Assert.Single(list.GetProperty("taskgroups").EnumerateArray()).GetProperty("group_id").GetString());

        Assert.Equal("deleted", (await JsonAsync(emulator, 0, "groups", "delete", groupId)).GetProperty("result").GetString());
        JsonElement gone = await JsonAsync(emulator, 3, "groups", "show", groupId);
        Assert.Equal("OMS.1009", gone.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(400, gone.GetProperty("error").GetProperty("status").GetInt32());
    }
}

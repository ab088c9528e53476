using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OmsGenerated.Emulator.State;
using OmsGenerated.Oms;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>State in a SQLite file: later emulators continue the story; emulators sharing the file take turns.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oms-emulator-tests-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "state.db");

    [Fact]
    public async Task A_task_started_by_one_emulator_has_progressed_in_the_next_one()
    {
        var options = new OmsEmulatorOptions { StatePath = DatabasePath, SpeedFactor = 200 };
        await using (OmsEmulator first = await OmsEmulator.StartAsync(options))
        {
            Assert.Equal(DatabasePath, first.StateLocation);
            Assert.Equal(new long[] { 1001, 1002, 1003, 1004, 1005 }, first.DemoTaskIds);
            await TestClients.Create(first).StartTaskAsync(first.ProjectId, 1001, new StartTaskReq { DstAk = "A", DstSk = "S" });
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300)); // 60 simulated seconds with no emulator running

        await using OmsEmulator second = await OmsEmulator.StartAsync(options);
        TaskResp task = await TestClients.Create(second).ShowTaskAsync(second.ProjectId, 1001);
        Assert.True(task.Status == MigrationTaskStatus.Executing || task.Status == MigrationTaskStatus.Succeeded, "status " + task.Status);
        Assert.True(task.Progress > 0.40, "progress " + task.Progress + " (it was paused at 0.35)");
        Assert.Equal(5, (await TestClients.Create(second).ListTasksAsync(second.ProjectId)).Count); // not seeded twice
    }

    [Fact]
    public async Task Reset_reseeds_and_Describe_reports_the_file()
    {
        var options = new OmsEmulatorOptions { StatePath = DatabasePath, SpeedFactor = 200 };
        await using (OmsEmulator emulator = await OmsEmulator.StartAsync(options))
        {
            OmsClient client = TestClients.Create(emulator);
            await client.DeleteTaskAsync(emulator.ProjectId, 1004);
            Assert.Equal(4, (await client.ListTasksAsync(emulator.ProjectId)).Count);
        }

        EmulatorStateInfo before = EmulatorStateFile.Describe(options);
        Assert.Equal(DatabasePath, before.Location);
        Assert.Equal(4, before.Tasks);
        Assert.Equal(SqliteStateStore.SchemaVersion, before.SchemaVersion);

        EmulatorStateInfo after = EmulatorStateFile.Reset(options);
        Assert.Equal(5, after.Tasks);
        await using OmsEmulator fresh = await OmsEmulator.StartAsync(options);
        TaskResp paused = await TestClients.Create(fresh).ShowTaskAsync(fresh.ProjectId, 1001);
        Assert.Equal(MigrationTaskStatus.Stopped, paused.Status);
        Assert.Equal(0.35, paused.Progress!.Value, 2);
    }

    [Fact]
    public async Task Two_emulators_on_one_file_take_turns_and_lose_no_task()
    {
        var options = new OmsEmulatorOptions { StatePath = DatabasePath, SpeedFactor = 1, SeedDemoTasks = false };
        await using OmsEmulator left = await OmsEmulator.StartAsync(options);
        await using OmsEmulator right = await OmsEmulator.StartAsync(options);
        OmsClient leftClient = TestClients.Create(left);
        OmsClient rightClient = TestClients.Create(right);
        var request = new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { Bucket = "src", Region = "us-east-1", CloudType = CloudType.Aws, Ak = "A", Sk = "S" },
            DstNode = new DstNodeReq { Bucket = "dst", Region = "cn-north-4", Ak = "A", Sk = "S" },
        };

        CreateTaskResponse[] created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? leftClient : rightClient).CreateTaskAsync(left.ProjectId, request)));

        List<long> ids = created.Select(c => c.Id!.Value).ToList();
        Assert.Equal(40, ids.Distinct().Count());
        ListTasksResponse all = await leftClient.ListTasksAsync(left.ProjectId, limit: 100);
        Assert.Equal(40, all.Count);
        Assert.Equal(ids.OrderBy(id => id), all.Tasks!.Select(t => t.Id!.Value).OrderBy(id => id));
    }

    [Fact]
    public async Task Task_groups_sync_tasks_and_their_progress_survive_a_restart()
    {
        var clock = new ManualTimeProvider();
        var options = new OmsEmulatorOptions { StatePath = DatabasePath, SpeedFactor = 100, TimeProvider = clock, SeedDemoTasks = false };
        string groupId;
        string syncId;
        TaskGroupResp before;
        await using (OmsEmulator first = await OmsEmulator.StartAsync(options))
        {
            OmsClient client = TestClients.Create(first);
            groupId = (await client.CreateTaskGroupAsync(first.ProjectId, new CreateTaskGroupReq
            {
                SrcNode = new TaskGroupSrcNode { CloudType = "AWS", Region = "us-east-1", Bucket = "demo-photos", Ak = "A", Sk = "S", ObjectKey = ["2024/"] },
                DstNode = new TaskGroupDstNode { Ak = "A", Sk = "S", Region = "cn-north-4", Bucket = "obs-target" },
                BandwidthPolicy = [new BandwidthPolicyDto { Start = "01:00", End = "02:00", MaxBandwidth = 2 * 1024 * 1024 }],
            })).GroupId!;
            syncId = (await client.CreateSyncTaskAsync(first.ProjectId, new CreateSyncTaskReq
            {
                SrcCloudType = "Aliyun", SrcRegion = "cn-hangzhou", SrcBucket = "demo-logs", SrcAk = "A", SrcSk = "S",
                DstAk = "A", DstSk = "S", DstRegion = "cn-north-4", DstBucket = "obs-sync",
            })).SyncTaskId!;
            await client.CreateSyncEventsAsync(first.ProjectId, syncId, new SyncObjectReq { ObjectKeys = ["a", "b", "c"] });
            clock.Advance(TimeSpan.FromSeconds(1.5)); // 150 simulated seconds: monitoring, about half done
            before = await client.ShowTaskGroupAsync(first.ProjectId, groupId);
            Assert.Equal(TaskGroupStatus.Monitoring, before.Status);
        }

        await using OmsEmulator second = await OmsEmulator.StartAsync(options);
        OmsClient again = TestClients.Create(second);
        TaskGroupResp after = await again.ShowTaskGroupAsync(second.ProjectId, groupId);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.CompleteSize, after.CompleteSize);
        Assert.Equal("01:00", after.BandwidthPolicy!.Single().Start);
        Assert.Equal(3, (await again.ShowSyncTaskAsync(second.ProjectId, syncId, clock.GetUtcNow().ToUnixTimeMilliseconds())).MonthlyAcceptanceRequest);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TaskGroupStatus.Completed, (await again.ShowTaskGroupAsync(second.ProjectId, groupId)).Status);
        EmulatorStateInfo info = EmulatorStateFile.Describe(options);
        Assert.Equal((1, 1, 1), (info.Tasks, info.TaskGroups, info.SyncTasks));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

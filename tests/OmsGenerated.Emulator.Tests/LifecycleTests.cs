using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>The task state machine and progress, through the generated client.</summary>
public sealed class LifecycleTests
{
    private static readonly StartTaskReq s_start = new() { DstAk = "DSTAK", DstSk = "DSTSK" };
    private static readonly StartTaskReq s_startFailedOnly = new() { DstAk = "DSTAK", DstSk = "DSTSK", MigrateFailedObject = true };

    [Fact]
    public async Task Demo_tasks_are_seeded_in_order_with_their_states()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);
        Assert.Equal([1001L, 1002, 1003, 1004, 1005], emulator.DemoTaskIds);

        TaskResp paused = await client.ShowTaskAsync(emulator.ProjectId, 1001);
        Assert.Equal("demo-paused", paused.Name);
        Assert.Equal(MigrationTaskStatus.Stopped, paused.Status);
        Assert.Equal(0.35, paused.Progress!.Value, 3);
        Assert.Equal(1200, paused.TotalNum);
        Assert.Equal(420, paused.SuccessfulNum);
        Assert.Null(paused.ErrorReason);
        Assert.Equal(0, paused.MigrateSpeed);

        TaskResp failed = await client.ShowTaskAsync(emulator.ProjectId, 1002);
        Assert.Equal(MigrationTaskStatus.Failed, failed.Status);
        Assert.Equal(37, failed.FailedNum);
        Assert.Equal(763, failed.SuccessfulNum);
        Assert.Equal("TRF.0152", failed.ErrorReason?.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failed.ErrorReason?.ErrorMsg));
        Assert.True(failed.FailedObjectRecord?.Result);

        TaskResp migrating = await client.ShowTaskAsync(emulator.ProjectId, 1003);
        Assert.Equal(MigrationTaskStatus.Executing, migrating.Status);
        Assert.True(migrating.MigrateSpeed > 0);
        Assert.True(migrating.LeftTime > 0);

        TaskResp succeeded = await client.ShowTaskAsync(emulator.ProjectId, 1004);
        Assert.Equal(MigrationTaskStatus.Succeeded, succeeded.Status);
        Assert.Equal(1.0, succeeded.Progress);
        Assert.Equal(succeeded.TotalSize, succeeded.CompleteSize);

        TaskResp waiting = await client.ShowTaskAsync(emulator.ProjectId, 1005);
        Assert.Equal(MigrationTaskStatus.Waiting, waiting.Status);
        Assert.Equal(GroupType.NormalTask, waiting.GroupType);
        Assert.Equal("demo-backups", waiting.SrcNode?.Bucket);
    }

    [Fact]
    public async Task ListTasks_filters_pages_and_counts_all_matches()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        ListTasksResponse all = await client.ListTasksAsync(project);
        Assert.Equal(5, all.Count);
        Assert.Equal([1005L, 1004, 1003, 1002, 1001], all.Tasks!.Select(task => task.Id!.Value)); // newest first

        ListTasksResponse firstPage = await client.ListTasksAsync(project, limit: 2);
        Assert.Equal(5, firstPage.Count);
        Assert.Equal([1005L, 1004], firstPage.Tasks!.Select(task => task.Id!.Value));

        ListTasksResponse lastPage = await client.ListTasksAsync(project, limit: 2, offset: 4);
        Assert.Equal(5, lastPage.Count);
        Assert.Equal(1001, Assert.Single(lastPage.Tasks!).Id);

        ListTasksResponse beyond = await client.ListTasksAsync(project, offset: 50);
        Assert.Equal(5, beyond.Count);
        Assert.Empty(beyond.Tasks!);

        ListTasksResponse failedOnly = await client.ListTasksAsync(project, status: MigrationTaskStatus.Failed);
        Assert.Equal(1, failedOnly.Count);
        Assert.Equal("demo-failed", Assert.Single(failedOnly.Tasks!).Name);

        ListTasksResponse byName = await client.ListTasksAsync(project, taskName: "PAUS");
        Assert.Equal("demo-paused", Assert.Single(byName.Tasks!).Name);

        ListTasksResponse byNameAndPage = await client.ListTasksAsync(project, limit: 1, taskName: "demo-");
        Assert.Equal(5, byNameAndPage.Count);
        Assert.Single(byNameAndPage.Tasks!);

        ListTasksResponse none = await client.ListTasksAsync(project, taskName: "no-such-task");
        Assert.Equal(0, none.Count);
        Assert.Empty(none.Tasks!);
    }

    [Fact]
    public async Task Starting_a_paused_task_resumes_it_and_it_progresses_to_success()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 500 });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        await client.StartTaskAsync(project, 1001, s_start);
        TaskResp running = await client.ShowTaskAsync(project, 1001);
        Assert.True(running.Status == MigrationTaskStatus.Executing || running.Status == MigrationTaskStatus.Succeeded);
        Assert.True(running.Progress >= 0.35);

        double last = running.Progress!.Value;
        TaskResp done = await TestClients.WaitForAsync(client, project, 1001, task =>
        {
            Assert.True(task.Progress >= last, "progress never goes back");
            last = task.Progress!.Value;
            return task.Status == MigrationTaskStatus.Succeeded;
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(1.0, done.Progress);
        Assert.Equal(1200, done.SuccessfulNum);
        Assert.Equal(0, done.FailedNum);
        Assert.Equal(done.TotalSize, done.CompleteSize);
        Assert.Equal(0, done.LeftTime);
        Assert.Equal(0, done.MigrateSpeed);
        Assert.Null(done.ErrorReason);
        Assert.True(done.TotalTime > 0);
    }

    [Fact]
    public async Task Starting_a_failed_task_with_migrate_failed_object_resends_only_the_failed_objects()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 200 });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;
        TaskResp before = await client.ShowTaskAsync(project, 1002);

        await client.StartTaskAsync(project, 1002, s_startFailedOnly);
        TaskResp during = await client.ShowTaskAsync(project, 1002);
        Assert.True(during.SuccessfulNum >= before.SuccessfulNum, "earlier successes are kept");
        Assert.True(during.FailedNum <= before.FailedNum);

        TaskResp done = await TestClients.WaitForAsync(client, project, 1002, task =>
        {
            Assert.InRange(task.SuccessfulNum!.Value, before.SuccessfulNum!.Value, before.TotalNum!.Value);
            return task.Status == MigrationTaskStatus.Succeeded;
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(before.TotalNum, done.SuccessfulNum);
        Assert.Equal(0, done.FailedNum);
        Assert.Equal(1.0, done.Progress);
        Assert.Null(done.ErrorReason);

        // Only 37 of 800 objects were re-sent: about 37/800 of a full run (300 simulated seconds).
        Assert.InRange(done.TotalTime!.Value - before.TotalTime!.Value, 1_000, 30_000);
    }

    [Fact]
    public async Task Starting_a_failed_task_without_the_flag_migrates_everything_again()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 5 });
        OmsClient client = TestClients.Create(emulator);

        await client.StartTaskAsync(emulator.ProjectId, 1002, s_start);
        TaskResp restarted = await client.ShowTaskAsync(emulator.ProjectId, 1002);
        Assert.Equal(MigrationTaskStatus.Executing, restarted.Status);
        Assert.True(restarted.SuccessfulNum < 100, "a full re-run starts from 0, not from the 763 earlier successes");
        Assert.Equal(0, restarted.FailedNum);
        Assert.Null(restarted.ErrorReason);
    }

    [Fact]
    public async Task Start_while_migrating_is_OMS_0065_and_start_after_success_is_OMS_0070()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);

        ErrorResponseException migrating = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(emulator.ProjectId, 1003, s_start));
        Assert.Equal(400, migrating.StatusCode);
        Assert.Equal("OMS.0065", migrating.ErrorCode);
        Assert.False(string.IsNullOrEmpty(migrating.RequestId));

        ErrorResponseException waiting = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(emulator.ProjectId, 1005, s_start));
        Assert.Equal("OMS.0065", waiting.ErrorCode);

        ErrorResponseException finished = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(emulator.ProjectId, 1004, s_start));
        Assert.Equal(400, finished.StatusCode);
        Assert.Equal("OMS.0070", finished.ErrorCode);
    }

    [Fact]
    public async Task Stop_pauses_a_migrating_task_and_stopping_a_paused_task_is_OMS_0066()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 20 });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        await client.StopTaskAsync(project, 1003);
        TaskResp pausing = await client.ShowTaskAsync(project, 1003);
        Assert.True(pausing.Status == MigrationTaskStatus.Pausing || pausing.Status == MigrationTaskStatus.Stopped);

        // A pausing task can be neither deleted nor stopped again.
        if (pausing.Status == MigrationTaskStatus.Pausing)
        {
            var deleteWhilePausing = await Assert.ThrowsAsync<ErrorResponseException>(() => client.DeleteTaskAsync(project, 1003));
            Assert.Equal("OMS.0063", deleteWhilePausing.ErrorCode);
        }

        TaskResp paused = await TestClients.WaitForAsync(client, project, 1003, task => task.Status == MigrationTaskStatus.Stopped, TimeSpan.FromSeconds(5));
        Assert.Equal(0, paused.MigrateSpeed);
        await Task.Delay(100);
        TaskResp later = await client.ShowTaskAsync(project, 1003);
        Assert.Equal(paused.CompleteSize, later.CompleteSize); // frozen while paused

        ErrorResponseException again = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StopTaskAsync(project, 1003));
        Assert.Equal(400, again.StatusCode);
        Assert.Equal("OMS.0066", again.ErrorCode);

        ErrorResponseException succeeded = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StopTaskAsync(project, 1004));
        Assert.Equal("OMS.0066", succeeded.ErrorCode);

        // Resuming continues from the paused point.
        await client.StartTaskAsync(project, 1003, s_start);
        TaskResp resumed = await client.ShowTaskAsync(project, 1003);
        Assert.Equal(MigrationTaskStatus.Executing, resumed.Status);
        Assert.True(resumed.CompleteSize >= paused.CompleteSize);
    }

    [Fact]
    public async Task Delete_is_refused_while_migrating_and_removes_a_paused_task()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        ErrorResponseException refused = await Assert.ThrowsAsync<ErrorResponseException>(() => client.DeleteTaskAsync(project, 1003));
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("OMS.0063", refused.ErrorCode);

        await client.DeleteTaskAsync(project, 1001);
        ErrorResponseException gone = await Assert.ThrowsAsync<ErrorResponseException>(() => client.ShowTaskAsync(project, 1001));
        Assert.Equal(400, gone.StatusCode); // OMS.1009 is a 400, as the spec says
        Assert.Equal("OMS.1009", gone.ErrorCode);
        Assert.Equal("No resources found.", gone.ErrorMessage);

        ErrorResponseException deleteAgain = await Assert.ThrowsAsync<ErrorResponseException>(() => client.DeleteTaskAsync(project, 1001));
        Assert.Equal("OMS.1009", deleteAgain.ErrorCode);
        Assert.Equal(4, (await client.ListTasksAsync(project)).Count);
    }

    [Fact]
    public async Task CreateTask_creates_a_migrating_task()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;
        Assert.Empty(emulator.DemoTaskIds);

        CreateTaskResponse created = await client.CreateTaskAsync(project, new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { CloudType = CloudType.Aws, Region = "us-west-2", Ak = "SRCAK", Sk = "SRCSK", Bucket = "my-source", ObjectKey = ["photos/"] },
            DstNode = new DstNodeReq { Ak = "DSTAK", Sk = "DSTSK", Bucket = "my-destination", Region = "cn-north-4", SavePrefix = "imported/" },
            Description = "created by a test",
            TaskType = TaskType.Prefix,
        });
        Assert.NotNull(created.Id);
        Assert.False(string.IsNullOrEmpty(created.TaskName));

        TaskResp task = await client.ShowTaskAsync(project, created.Id!.Value);
        Assert.Equal(created.TaskName, task.Name);
        Assert.Equal(MigrationTaskStatus.Executing, task.Status);
        Assert.Equal(TaskType.Prefix, task.TaskType);
        Assert.Equal("my-source", task.SrcNode?.Bucket);
        Assert.Equal(CloudType.Aws, task.SrcNode?.CloudType);
        Assert.Equal(["photos/"], task.SrcNode?.ObjectKey);
        Assert.Equal("my-destination", task.DstNode?.Bucket);
        Assert.Equal("imported/", task.DstNode?.SavePrefix);
        Assert.Equal("created by a test", task.Description);
        Assert.True(task.TotalNum > 0 && task.TotalSize > 0);
        Assert.Null(task.ErrorReason);

        ListTasksResponse list = await client.ListTasksAsync(project);
        Assert.Equal(created.Id, Assert.Single(list.Tasks!).Id);
        ErrorResponseException startAgain = await Assert.ThrowsAsync<ErrorResponseException>(() => client.StartTaskAsync(project, created.Id.Value, s_start));
        Assert.Equal("OMS.0065", startAgain.ErrorCode);
    }

    [Fact]
    public async Task Error_reason_is_an_empty_string_unless_the_task_failed_and_the_client_accepts_both()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        OmsClient client = TestClients.Create(emulator);

        foreach (long id in new long[] { 1001, 1003, 1004, 1005 })
        {
            using JsonDocument body = JsonDocument.Parse(await raw.GetStringAsync(TestClients.TasksPath(emulator) + "/" + id));
            Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("error_reason").ValueKind);
            Assert.Equal(string.Empty, body.RootElement.GetProperty("error_reason").GetString());
            Assert.Null((await client.ShowTaskAsync(emulator.ProjectId, id)).ErrorReason);
        }

        using (JsonDocument failed = JsonDocument.Parse(await raw.GetStringAsync(TestClients.TasksPath(emulator) + "/1002")))
        {
            JsonElement reason = failed.RootElement.GetProperty("error_reason");
            Assert.Equal(JsonValueKind.Object, reason.ValueKind);
            Assert.Equal("TRF.0152", reason.GetProperty("error_code").GetString());
        }

        using JsonDocument list = JsonDocument.Parse(await raw.GetStringAsync(TestClients.TasksPath(emulator)));
        Assert.All(list.RootElement.GetProperty("tasks").EnumerateArray(), task =>
            Assert.Equal(task.GetProperty("status").GetInt32() == 4 ? JsonValueKind.Object : JsonValueKind.String, task.GetProperty("error_reason").ValueKind));
        ListTasksResponse typed = await client.ListTasksAsync(emulator.ProjectId);
        Assert.Equal("TRF.0152", typed.Tasks!.Single(task => task.Id == 1002).ErrorReason?.ErrorCode);
        Assert.All(typed.Tasks!.Where(task => task.Id != 1002), task => Assert.Null(task.ErrorReason));
    }

    [Fact]
    public async Task Simulated_time_drives_the_demo_tasks_at_the_documented_pace()
    {
        var clock = new ManualTimeProvider();
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 20, TimeProvider = clock });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        await client.StartTaskAsync(project, 1001, s_start);
        clock.Advance(TimeSpan.FromSeconds(1));
        TaskResp oneSecond = await client.ShowTaskAsync(project, 1001);
        Assert.Equal(MigrationTaskStatus.Executing, oneSecond.Status);
        Assert.Equal(0.35 + (20.0 / 300), oneSecond.Progress!.Value, 3); // 20 simulated seconds of a 300-second run
        Assert.Equal(20_000d, oneSecond.TotalTime!.Value - 105_000d, 0);

        // The rest (65 % of 300 simulated seconds = 195 s) takes 9.75 s of real time at x20.
        clock.Advance(TimeSpan.FromSeconds(8.5));
        Assert.Equal(MigrationTaskStatus.Executing, (await client.ShowTaskAsync(project, 1001)).Status);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(MigrationTaskStatus.Succeeded, (await client.ShowTaskAsync(project, 1001)).Status);

        // The waiting task is scheduled after 30 simulated seconds (1.5 s here) and has been migrating since.
        TaskResp scheduled = await client.ShowTaskAsync(project, 1005);
        Assert.Equal(MigrationTaskStatus.Executing, scheduled.Status);
        Assert.Equal((10 - 1.5) * 20 * 1000, (double)scheduled.TotalTime!.Value, 0);

        // The migrating demo task fails about 1 % of its objects and ends Failed with TRF.0152.
        clock.Advance(TimeSpan.FromSeconds(15));
        TaskResp failed = await client.ShowTaskAsync(project, 1003);
        Assert.Equal(MigrationTaskStatus.Failed, failed.Status);
        Assert.Equal("TRF.0152", failed.ErrorReason?.ErrorCode);
        Assert.Equal(21, failed.FailedNum); // floor(2160 × 1 %)
        Assert.Equal(2400 - 21, failed.SuccessfulNum);

        // Re-sending the failed objects succeeds.
        await client.StartTaskAsync(project, 1003, s_startFailedOnly);
        clock.Advance(TimeSpan.FromSeconds(1));
        TaskResp fixedUp = await client.ShowTaskAsync(project, 1003);
        Assert.Equal(MigrationTaskStatus.Succeeded, fixedUp.Status);
        Assert.Equal(2400, fixedUp.SuccessfulNum);
    }

    [Fact]
    public async Task AddTask_puts_a_custom_task_in_and_rejects_invalid_seeds()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        long id = emulator.AddTask(new EmulatedTaskSeed("custom", 3, 10, 10_000, FailedObjects: 2, Progress: 0.5));
        Assert.Equal(1006, id);
        OmsClient client = TestClients.Create(emulator);
        TaskResp task = await client.ShowTaskAsync(emulator.ProjectId, id);
        Assert.Equal("custom", task.Name);
        Assert.Equal(3, task.SuccessfulNum);
        Assert.Equal(2, task.FailedNum);

        Assert.ThrowsAny<ArgumentException>(() => emulator.AddTask(new EmulatedTaskSeed("bad", 9, 1, 1)));
        Assert.ThrowsAny<ArgumentException>(() => emulator.AddTask(new EmulatedTaskSeed("bad", 3, 1, 1, FailedObjects: 2)));
        Assert.ThrowsAny<ArgumentException>(() => emulator.AddTask(new EmulatedTaskSeed("bad", 3, 1, 1, Progress: 1.5)));
        Assert.ThrowsAny<ArgumentException>(() => emulator.AddTask(new EmulatedTaskSeed(string.Empty, 3, 1, 1)));
    }
}

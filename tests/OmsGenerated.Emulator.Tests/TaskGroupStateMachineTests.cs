using System;
using System.Linq;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Task groups through the generated client: every transition of §1.6 and every refusal, on a manual clock.</summary>
public sealed class TaskGroupStateMachineTests
{
    private const double Speed = 100;

    [Fact]
    public async Task A_group_is_created_with_its_tasks_pauses_resumes_and_completes()
    {
        var clock = new ManualTimeProvider();
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false, SpeedFactor = Speed, TimeProvider = clock });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        string id = (await client.CreateTaskGroupAsync(project, Group("demo-photos", "2024/", "2025/"))).GroupId!;
        TaskGroupResp created = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Executing, created.Status); // 1: creating
        Assert.Equal(2, created.TotalTaskNum);
        Assert.Equal(2, created.WaitingTaskNum);
        Assert.Equal(80, created.TotalNum); // 40 objects under each prefix in the fake store
        ListTasksResponse tasks = await client.ListTasksAsync(project, groupId: id);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks.Tasks!, task => Assert.Equal(GroupType.GroupTask, task.GroupType));

        await AssertRefused(() => client.StartTaskGroupAsync(project, id, Credentials()), "OMS.0065");
        await AssertRefused(() => client.RetryTaskGroupAsync(project, id, new RetryTaskGroupReq()), "OMS.0065");
        await AssertRefused(() => client.DeleteTaskGroupAsync(project, id), "OMS.0063");

        clock.Advance(TimeSpan.FromSeconds(40 / Speed)); // creating ends after 10 simulated seconds, tasks start after 30
        TaskGroupResp monitoring = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Monitoring, monitoring.Status);
        Assert.Equal(2, monitoring.ExecutingTaskNum);

        await client.StopTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Pausing, (await client.ShowTaskGroupAsync(project, id)).Status);
        await AssertRefused(() => client.DeleteTaskGroupAsync(project, id), "OMS.0063");
        clock.Advance(TimeSpan.FromSeconds(3 / Speed)); // its tasks take 2 simulated seconds to pause
        TaskGroupResp paused = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Paused, paused.Status);
        Assert.Equal(2, paused.PausedTaskNum);
        await AssertRefused(() => client.StopTaskGroupAsync(project, id), "OMS.0066");

        await client.StartTaskGroupAsync(project, id, Credentials());
        Assert.Equal(TaskGroupStatus.Monitoring, (await client.ShowTaskGroupAsync(project, id)).Status);
        clock.Advance(TimeSpan.FromSeconds(400 / Speed));
        TaskGroupResp completed = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Completed, completed.Status);
        Assert.Equal(2, completed.CompleteTaskNum);
        Assert.Equal(80, completed.SuccessNum);
        Assert.Equal(completed.TotalSize, completed.CompleteSize);
        await AssertRefused(() => client.StartTaskGroupAsync(project, id, Credentials()), "OMS.0070");

        await client.DeleteTaskGroupAsync(project, id);
        await AssertRefused(() => client.ShowTaskGroupAsync(project, id), "OMS.1009");
        Assert.Equal(0, (await client.ListTasksAsync(project, groupId: id)).Count); // its tasks went with it
    }

    [Fact]
    public async Task A_group_whose_migration_failed_is_retried_with_only_the_failed_objects()
    {
        var clock = new ManualTimeProvider();
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false, SpeedFactor = Speed, TimeProvider = clock });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        string id = (await client.CreateTaskGroupAsync(project, Group("demo-videos"))).GroupId!; // whole bucket: one task per folder
        Assert.Equal(3, (await client.ShowTaskGroupAsync(project, id)).TotalTaskNum);
        clock.Advance(TimeSpan.FromSeconds(400 / Speed));
        TaskGroupResp failed = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.MigrationFailed, failed.Status); // objects under demo-videos/shared/ are partly denied
        Assert.Equal(1, failed.FailedTaskNum);
        Assert.Equal(2, failed.CompleteTaskNum);
        Assert.True(failed.FailNum > 0);
        Assert.Equal(EmulatedTask.FailureCode, failed.ErrorReason?.ErrorCode);
        await AssertRefused(() => client.StartTaskGroupAsync(project, id, Credentials()), "OMS.0065");

        await client.RetryTaskGroupAsync(project, id, new RetryTaskGroupReq { MigrateFailedObject = true });
        Assert.Equal(TaskGroupStatus.Monitoring, (await client.ShowTaskGroupAsync(project, id)).Status);
        clock.Advance(TimeSpan.FromSeconds(400 / Speed));
        TaskGroupResp retried = await client.ShowTaskGroupAsync(project, id);
        Assert.Equal(TaskGroupStatus.Completed, retried.Status);
        Assert.Equal(0, retried.FailNum);
        Assert.Equal(120, retried.SuccessNum);
        await AssertRefused(() => client.RetryTaskGroupAsync(project, id, new RetryTaskGroupReq()), "OMS.0070");
    }

    [Fact]
    public async Task A_group_over_a_bucket_the_source_does_not_have_fails_creation_and_can_be_deleted()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false });
        OmsClient client = TestClients.Create(emulator);
        string id = (await client.CreateTaskGroupAsync(emulator.ProjectId, Group("no-such-bucket"))).GroupId!;
        TaskGroupResp group = await client.ShowTaskGroupAsync(emulator.ProjectId, id);
        Assert.Equal(TaskGroupStatus.CreationFailed, group.Status);
        Assert.Equal(0, group.TotalTaskNum);
        Assert.NotNull(group.ErrorReason?.ErrorCode);
        Assert.Equal(1, (await client.ListTaskGroupAsync(emulator.ProjectId, status: TaskGroupStatus.CreationFailed)).Count);
        Assert.Equal(0, (await client.ListTaskGroupAsync(emulator.ProjectId, status: TaskGroupStatus.Completed)).Count);
        await client.DeleteTaskGroupAsync(emulator.ProjectId, id);
        Assert.Equal(0, (await client.ListTaskGroupAsync(emulator.ProjectId)).Count);
    }

    [Fact]
    public async Task Bandwidth_updates_are_checked_and_applied_to_the_group_and_its_tasks()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SpeedFactor = 1 });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;
        string id = (await client.CreateTaskGroupAsync(project, Group("demo-photos", "2024/"))).GroupId!;

        var overlapping = new UpdateBandwidthPolicyReq { BandwidthPolicy = [Policy("22:00", "02:00"), Policy("01:00", "03:00")] };
        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.UpdateTaskGroupAsync(project, id, overlapping));
        Assert.Equal("OMS.0064", error.ErrorCode);
        Assert.Equal("request parameter [bandwidth_policy.start] invalid.", error.ErrorDetail);
        var empty = new UpdateBandwidthPolicyReq { BandwidthPolicy = [Policy("08:00", "08:00")] };
        Assert.Equal("OMS.0064", (await Assert.ThrowsAsync<ErrorResponseException>(() => client.UpdateBandwidthPolicyAsync(project, 1001, empty))).ErrorCode);

        await client.UpdateTaskGroupAsync(project, id, new UpdateBandwidthPolicyReq { BandwidthPolicy = [Policy("22:00", "06:00")] });
        Assert.Equal("22:00", (await client.ShowTaskGroupAsync(project, id)).BandwidthPolicy!.Single().Start);
        long member = (await client.ListTasksAsync(project, groupId: id)).Tasks!.Single().Id!.Value;
        Assert.Equal("06:00", (await client.ShowTaskAsync(project, member)).BandwidthPolicy!.Single().End);

        await client.UpdateBandwidthPolicyAsync(project, 1001, new UpdateBandwidthPolicyReq { BandwidthPolicy = [Policy("00:00", "12:00")] });
        Assert.Equal("12:00", (await client.ShowTaskAsync(project, 1001)).BandwidthPolicy!.Single().End);
        await AssertRefused(() => client.UpdateBandwidthPolicyAsync(project, 1004, new UpdateBandwidthPolicyReq { BandwidthPolicy = [Policy("00:00", "12:00")] }), "OMS.0070");

        await client.BatchUpdateTasksAsync(project, new BatchUpdateTasksReq { Ids = [1001, 1002], BandwidthPolicy = [Policy("03:00", "04:00")], TaskPriority = TaskPriority.High });
        Assert.Equal(TaskPriority.High, (await client.ShowTaskAsync(project, 1002)).TaskPriority);
        Assert.Equal("03:00", (await client.ShowTaskAsync(project, 1001)).BandwidthPolicy!.Single().Start);
        ErrorResponseException both = await Assert.ThrowsAsync<ErrorResponseException>(() => client.BatchUpdateTasksAsync(project, new BatchUpdateTasksReq { GroupId = id, Ids = [1001], BandwidthPolicy = [Policy("03:00", "04:00")] }));
        Assert.Equal("request parameter [ids] invalid.", both.ErrorDetail);
        ErrorResponseException migrating = await Assert.ThrowsAsync<ErrorResponseException>(() => client.BatchUpdateTasksAsync(project, new BatchUpdateTasksReq { Ids = [1003], BandwidthPolicy = [Policy("03:00", "04:00")], TaskPriority = TaskPriority.Low }));
        Assert.Equal("request parameter [task_priority] invalid.", migrating.ErrorDetail);
        await AssertRefused(() => client.BatchUpdateTasksAsync(project, new BatchUpdateTasksReq { Ids = [1001, 777], BandwidthPolicy = [Policy("03:00", "04:00")] }), "OMS.1009");
    }

    [Fact]
    public async Task Faults_are_injected_on_the_new_routes_too()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { Faults = FaultOptions.Parse("500=1,seed=3") });
        OmsClient client = TestClients.Create(emulator);
        Assert.Equal(500, (await Assert.ThrowsAsync<ErrorResponseException>(() => client.ListTaskGroupAsync(emulator.ProjectId))).StatusCode);
        Assert.Equal(500, (await Assert.ThrowsAsync<ErrorResponseException>(() => client.ShowCloudTypeAsync(emulator.ProjectId, "src"))).StatusCode);
        Assert.Equal(2, emulator.Statistics.FaultCount(FaultKind.InternalError));
    }

    internal static async Task AssertRefused(Func<Task> call, string code)
    {
        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(call);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
    }

    private static CreateTaskGroupReq Group(string bucket, params string[] prefixes) => new()
    {
        SrcNode = new TaskGroupSrcNode { CloudType = "AWS", Region = "us-east-1", Bucket = bucket, Ak = "SRCAK", Sk = "SRCSK", ObjectKey = prefixes.Length > 0 ? [.. prefixes] : [""] },
        DstNode = new TaskGroupDstNode { Ak = "DSTAK", Sk = "DSTSK", Region = "cn-north-4", Bucket = "obs-target" },
        Description = "group test",
    };

    private static StartTaskGroupReq Credentials() => new() { DstAk = "DSTAK", DstSk = "DSTSK" };

    private static BandwidthPolicyDto Policy(string start, string end) => new() { Start = start, End = end, MaxBandwidth = 10 * 1024 * 1024 };
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>Each task-group operation (and the task bandwidth and batch operations) through the generated client against the stub.</summary>
public class TaskGroupOperationsTests : IClassFixture<StubServerFixture>
{
    private const string GroupJson =
        "{\"group_id\":\"g-7f3a\",\"status\":2,\"task_type\":\"PREFIX\",\"total_task_num\":4,\"complete_task_num\":1,\"executing_task_num\":3,"
        + "\"total_num\":400,\"success_num\":120,\"fail_num\":2,\"total_size\":1048576,\"complete_size\":524288,"
        + "\"src_node\":{\"bucket\":\"src\",\"cloud_type\":\"ALIYUN\",\"region\":\"cn-hangzhou\",\"object_key\":[\"logs/\"]},"
        + "\"dst_node\":{\"bucket\":\"dst\",\"region\":\"cn-north-4\",\"save_prefix\":\"p/\"},"
        + "\"source_cdn\":{\"domain\":\"cdn.example.com\",\"protocol\":\"https\"},\"some_new_field\":[1,2]}";

    private readonly OmsStubServer _server;

    public TaskGroupOperationsTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task CreateTaskGroup_posts_the_body_and_reads_the_group_id()
    {
        _server.NextResponse = JsonOk("{\"group_id\":\"g-7f3a\"}");
        using OmsClient client = Create(_server);

        CreateTaskGroupResponse created = await client.CreateTaskGroupAsync(new CreateTaskGroupReq
        {
            SrcNode = new TaskGroupSrcNode { Ak = Canary.SrcAk, Sk = Canary.SrcSk, Region = "cn-hangzhou", Bucket = "src", CloudType = "Aliyun", ObjectKey = new List<string> { "logs/" } },
            DstNode = new TaskGroupDstNode { Ak = Canary.DstAk, Sk = Canary.DstSk, Region = "cn-north-4", Bucket = "dst" },
            TaskType = TaskGroupTaskType.Prefix,
            Description = "nightly",
        });

        RecordedRequest request = AssertSingle(_server, "CreateTaskGroup", "POST", ProjectPath + "/taskgroups");
        JsonElement body = BodyObject(request);
        Assert.Equal("PREFIX", body.GetProperty("task_type").GetString());
        Assert.Equal(Canary.DstAk, body.GetProperty("dst_node").GetProperty("ak").GetString());
        Assert.Equal("logs/", body.GetProperty("src_node").GetProperty("object_key")[0].GetString());
        Assert.Equal("g-7f3a", created.GroupId);
    }

    [Fact]
    public void CreateTaskGroup_validates_the_destination_credentials_before_sending()
    {
        var request = new CreateTaskGroupReq
        {
            SrcNode = new TaskGroupSrcNode(),
            DstNode = new TaskGroupDstNode { Ak = new string('a', 101), Sk = Canary.DstSk, Region = "cn-north-4", Bucket = "dst" },
        };

        var error = Assert.ThrowsAny<System.ArgumentException>(() => request.Validate());
        Assert.Contains("ak", error.Message);
        Assert.DoesNotContain(new string('a', 101), error.Message);
    }

    [Fact]
    public async Task ListTaskGroup_sends_the_filters_and_reads_the_groups()
    {
        _server.NextResponse = JsonOk("{\"count\":1,\"taskgroups\":[" + GroupJson + "]}");
        using OmsClient client = Create(_server);

        ListTaskGroupResponse page = await client.ListTaskGroupAsync(limit: 5, offset: 10, status: TaskGroupStatus.Monitoring);

        AssertSingle(_server, "ListTaskGroup", "GET", ProjectPath + "/taskgroups?limit=5&offset=10&status=2");
        Assert.Equal(1, page.Count);
        TaskGroupResp group = Assert.Single(page.Taskgroups!);
        Assert.Equal("g-7f3a", group.GroupId);
        Assert.Equal(TaskGroupStatus.Monitoring, group.Status);
        Assert.Equal(TaskGroupCloudType.Aliyun, group.SrcNode!.CloudType);
        Assert.Equal(CdnProtocol.Https, group.SourceCdn!.Protocol);
    }

    [Fact]
    public async Task ShowTaskGroup_reads_counters_and_tolerates_unknown_fields()
    {
        _server.NextResponse = JsonOk(GroupJson);
        using OmsClient client = Create(_server);

        TaskGroupResp group = await client.ShowTaskGroupAsync("g-7f3a");

        RecordedRequest request = AssertSingle(_server, "ShowTaskGroup", "GET", ProjectPath + "/taskgroups/g-7f3a");
        Assert.Equal("g-7f3a", request.ResourceId);
        Assert.Equal(4, group.TotalTaskNum);
        Assert.Equal(3, group.ExecutingTaskNum);
        Assert.Equal(120, group.SuccessNum);
        Assert.Equal(524288, group.CompleteSize);
        Assert.Equal("p/", group.DstNode!.SavePrefix);
    }

    [Fact]
    public async Task A_group_id_is_escaped_as_one_path_segment()
    {
        _server.NextResponse = JsonOk(GroupJson);
        using OmsClient client = Create(_server);

        await client.ShowTaskGroupAsync("a/b c");

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.True(request.AuthValid, request.AuthFailure);
        Assert.Equal(ProjectPath + "/taskgroups/a%2Fb%20c", request.RawTarget);
    }

    [Fact]
    public async Task DeleteTaskGroup_deletes_without_a_body()
    {
        using OmsClient client = Create(_server);

        await client.DeleteTaskGroupAsync("g-7f3a");

        RecordedRequest request = AssertSingle(_server, "DeleteTaskGroup", "DELETE", ProjectPath + "/taskgroups/g-7f3a");
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task StopTaskGroup_puts_without_a_body()
    {
        using OmsClient client = Create(_server);

        await client.StopTaskGroupAsync("g-7f3a");

        RecordedRequest request = AssertSingle(_server, "StopTaskGroup", "PUT", ProjectPath + "/taskgroups/g-7f3a/stop");
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task StartTaskGroup_puts_the_credentials()
    {
        using OmsClient client = Create(_server);

        await client.StartTaskGroupAsync("g-7f3a", new StartTaskGroupReq { DstAk = Canary.DstAk, DstSk = Canary.DstSk, SrcAk = Canary.SrcAk, SrcSk = Canary.SrcSk });

        RecordedRequest request = AssertSingle(_server, "StartTaskGroup", "PUT", ProjectPath + "/taskgroups/g-7f3a/start");
        JsonElement body = BodyObject(request);
        Assert.Equal(Canary.DstSk, body.GetProperty("dst_sk").GetString());
        Assert.Equal(Canary.SrcAk, body.GetProperty("src_ak").GetString());
        Assert.False(body.TryGetProperty("migrate_failed_object", out _));
    }

    [Fact]
    public async Task RetryTaskGroup_puts_migrate_failed_object()
    {
        using OmsClient client = Create(_server);

        await client.RetryTaskGroupAsync("g-7f3a", new RetryTaskGroupReq { MigrateFailedObject = true });

        RecordedRequest request = AssertSingle(_server, "RetryTaskGroup", "PUT", ProjectPath + "/taskgroups/g-7f3a/retry");
        JsonElement body = BodyObject(request);
        Assert.True(body.GetProperty("migrate_failed_object").GetBoolean());
        Assert.False(body.TryGetProperty("dst_ak", out _));
    }

    [Fact]
    public async Task UpdateTaskGroup_puts_the_bandwidth_policy()
    {
        using OmsClient client = Create(_server);

        await client.UpdateTaskGroupAsync("g-7f3a", Policy());

        RecordedRequest request = AssertSingle(_server, "UpdateTaskGroup", "PUT", ProjectPath + "/taskgroups/g-7f3a/update");
        AssertPolicy(BodyObject(request));
    }

    [Fact]
    public async Task UpdateBandwidthPolicy_puts_the_policy_of_one_task()
    {
        using OmsClient client = Create(_server);

        await client.UpdateBandwidthPolicyAsync(Canary.TaskId, Policy());

        RecordedRequest request = AssertSingle(_server, "UpdateBandwidthPolicy", "PUT", ProjectPath + "/tasks/" + Canary.TaskId + "/bandwidth-policy");
        AssertPolicy(BodyObject(request));
    }

    [Fact]
    public async Task BatchUpdateTasks_posts_ids_policy_and_priority()
    {
        using OmsClient client = Create(_server);

        await client.BatchUpdateTasksAsync(new BatchUpdateTasksReq
        {
            Ids = new List<long> { 1, Canary.TaskId },
            BandwidthPolicy = Policy().BandwidthPolicy,
            TaskPriority = TaskPriority.High,
        });

        RecordedRequest request = AssertSingle(_server, "BatchUpdateTasks", "POST", ProjectPath + "/tasks/batch-update");
        JsonElement body = BodyObject(request);
        Assert.Equal(new[] { 1L, Canary.TaskId }, body.GetProperty("ids").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        Assert.Equal("HIGH", body.GetProperty("task_priority").GetString());
        AssertPolicy(body);
    }

    [Fact]
    public void A_policy_window_outside_1_to_200_MB_per_second_is_refused_before_sending()
    {
        var request = new UpdateBandwidthPolicyReq
        {
            BandwidthPolicy = new List<BandwidthPolicyDto> { new() { Start = "00:00", End = "06:00", MaxBandwidth = 1024 } },
        };

        Assert.ThrowsAny<System.ArgumentException>(() => request.Validate());
    }

    [Fact]
    public async Task A_group_stop_answered_503_is_retried_and_signed_again()
    {
        _server.Enqueue(new StubResponse(503, StubResponse.Json, "{\"error_code\":\"OMS.2004\",\"error_msg\":\"busy\"}"), StubResponse.Ok());
        using OmsClient client = Create(_server);

        await client.StopTaskGroupAsync("g-7f3a");

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.True(r.AuthValid && r.Operation == "StopTaskGroup", r.AuthFailure));
        Assert.Equal(200, _server.Requests[1].ResponseStatus);
    }

    [Fact]
    public async Task A_group_create_answered_503_is_not_repeated()
    {
        _server.Enqueue(new StubResponse(503, StubResponse.Json, "{\"error_code\":\"OMS.2004\",\"error_msg\":\"busy\"}"));
        using OmsClient client = Create(_server);

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.CreateTaskGroupAsync(new CreateTaskGroupReq
        {
            SrcNode = new TaskGroupSrcNode { Region = "cn-hangzhou", Bucket = "src" },
            DstNode = new TaskGroupDstNode { Ak = Canary.DstAk, Sk = Canary.DstSk, Region = "cn-north-4", Bucket = "dst" },
        }));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(_server.Requests);
    }

    private static UpdateBandwidthPolicyReq Policy() => new()
    {
        BandwidthPolicy = new List<BandwidthPolicyDto> { new() { Start = "00:00", End = "06:00", MaxBandwidth = 104857600 } },
    };

    private static void AssertPolicy(JsonElement body)
    {
        JsonElement window = Assert.Single(body.GetProperty("bandwidth_policy").EnumerateArray());
        Assert.Equal("00:00", window.GetProperty("start").GetString());
        Assert.Equal("06:00", window.GetProperty("end").GetString());
        Assert.Equal(104857600, window.GetProperty("max_bandwidth").GetInt64());
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Every operation has an overload without <c>projectId</c> that uses <see cref="OmsClient.ProjectId"/> (as the README's
/// OMS section shows), against the OMS stub over real HTTP: the right route, <c>X-Project-Id</c>, a valid signature.
/// </summary>
public class ProjectIdOverloadTests : IClassFixture<StubServerFixture>
{
    private const string TaskJson =
        "{\"id\":191297407830872,\"name\":\"demo-paused\",\"status\":3,\"progress\":0.25,\"total_num\":8,\"successful_num\":2,\"failed_num\":0}";

    private static readonly string s_task = Canary.TaskId.ToString(CultureInfo.InvariantCulture);

    private readonly OmsStubServer _server;

    public ProjectIdOverloadTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private OmsClient CreateClient(string? projectId = Canary.ProjectId)
        => OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = _server.BaseAddress,
            ProjectId = projectId,
            Credentials = Canary.Credentials(),
            Retry = StartTaskEndToEndTests.FastRetry(),
        });

    private static StubResponse JsonOk(string body) => new(200, StubResponse.Json, body);

    /// <summary>The request reached the operation's route in the client's project, signed and well formed.</summary>
    private RecordedRequest AssertSingleRequest(string operation, string method, string rawTarget)
    {
        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.True(request.AuthValid, "authentication failed at the stub: " + request.AuthFailure);
        Assert.Empty(request.Problems);
        Assert.Equal(operation, request.Operation);
        Assert.Equal(method, request.Method);
        Assert.Equal(rawTarget, request.RawTarget);
        Assert.Equal(Canary.ProjectId, request.ProjectId);
        Assert.Equal(Canary.ProjectId, request.Header("X-Project-Id"));
        Assert.Equal(200, request.ResponseStatus);
        return request;
    }

    [Fact]
    public async Task ListTasks_without_project_id_lists_the_clients_project()
    {
        _server.NextResponse = JsonOk("{\"tasks\":[" + TaskJson + "],\"count\":1}");
        using OmsClient client = CreateClient();

        ListTasksResponse page = await client.ListTasksAsync();

        AssertSingleRequest("ListTasks", "GET", "/v2/" + Canary.ProjectId + "/tasks");
        Assert.Equal(1, page.Count);
        TaskResp task = Assert.Single(page.Tasks!);
        Assert.Equal(Canary.TaskId, task.Id);
        Assert.Equal(MigrationTaskStatus.Stopped, task.Status);
    }

    [Fact]
    public async Task ListTasks_without_project_id_sends_every_filter()
    {
        _server.NextResponse = JsonOk("{\"tasks\":[],\"count\":0}");
        using OmsClient client = CreateClient();

        ListTasksResponse page = await client.ListTasksAsync(
            limit: 2, offset: 4, status: MigrationTaskStatus.Failed, taskName: "demo", groupId: "group-1", cancellationToken: CancellationToken.None);

        AssertSingleRequest("ListTasks", "GET", "/v2/" + Canary.ProjectId + "/tasks?group_id=group-1&limit=2&offset=4&status=4&task_name=demo");
        Assert.Equal(0, page.Count);
        Assert.Empty(page.Tasks!);
    }

    [Fact]
    public async Task ListTasks_with_a_project_id_first_still_means_the_generated_overload()
    {
        // A string first argument cannot bind to the overload without projectId (its first parameter is int? limit),
        // so existing calls keep their meaning and no call is ambiguous.
        _server.NextResponse = JsonOk("{\"tasks\":[],\"count\":0}");
        using OmsClient client = CreateClient();

        await client.ListTasksAsync(Canary.ProjectId, limit: 5);
        await client.ListTasksAsync(Canary.ProjectId);

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.True(r.AuthValid && r.Problems.Count == 0 && r.Operation == "ListTasks", r.AuthFailure + string.Join("; ", r.Problems)));
        Assert.Equal("/v2/" + Canary.ProjectId + "/tasks?limit=5", _server.Requests[0].RawTarget);
        Assert.Equal("/v2/" + Canary.ProjectId + "/tasks", _server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task ShowTask_without_project_id()
    {
        _server.NextResponse = JsonOk(TaskJson);
        using OmsClient client = CreateClient();

        TaskResp task = await client.ShowTaskAsync(Canary.TaskId);

        RecordedRequest request = AssertSingleRequest("ShowTask", "GET", "/v2/" + Canary.ProjectId + "/tasks/" + s_task);
        Assert.Equal(s_task, request.TaskId);
        Assert.Equal(Canary.TaskId, task.Id);
        Assert.Equal("demo-paused", task.Name);
        Assert.Equal(MigrationTaskStatus.Stopped, task.Status);
        Assert.Equal(0.25, task.Progress);
    }

    [Fact]
    public async Task StopTask_without_project_id()
    {
        using OmsClient client = CreateClient();

        await client.StopTaskAsync(Canary.TaskId);

        RecordedRequest request = AssertSingleRequest("StopTask", "POST", "/v2/" + Canary.ProjectId + "/tasks/" + s_task + "/stop");
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task DeleteTask_without_project_id()
    {
        using OmsClient client = CreateClient();

        await client.DeleteTaskAsync(Canary.TaskId);

        AssertSingleRequest("DeleteTask", "DELETE", "/v2/" + Canary.ProjectId + "/tasks/" + s_task);
    }

    [Fact]
    public async Task CreateTask_without_project_id()
    {
        _server.NextResponse = JsonOk("{\"id\":191297407830999,\"task_name\":\"created\"}");
        using OmsClient client = CreateClient();

        CreateTaskResponse created = await client.CreateTaskAsync(new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { CloudType = CloudType.Aliyun, Region = "cn-hangzhou", Ak = Canary.SrcAk, Sk = Canary.SrcSk, Bucket = "src-bucket" },
            DstNode = new DstNodeReq { Region = "cn-north-4", Ak = Canary.DstAk, Sk = Canary.DstSk, Bucket = "dst-bucket" },
        });

        RecordedRequest request = AssertSingleRequest("CreateTask", "POST", "/v2/" + Canary.ProjectId + "/tasks");
        Assert.Equal("dst-bucket", request.Json!.Value.GetProperty("dst_node").GetProperty("bucket").GetString());
        Assert.Equal(JsonValueKind.Object, request.Json.Value.GetProperty("src_node").ValueKind);
        Assert.Equal(191297407830999, created.Id);
        Assert.Equal("created", created.TaskName);
    }

    [Fact]
    public async Task StartTask_without_project_id_is_routed_like_the_others()
    {
        using OmsClient client = CreateClient();

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest request = AssertSingleRequest("StartTask", "POST", "/v2/" + Canary.ProjectId + "/tasks/" + s_task + "/start");
        StartTaskEndToEndTests.AssertWellFormedStartTask(request);
    }

    /// <summary>Each overload without projectId, called on a client whose ProjectId is not set.</summary>
    public static IEnumerable<object[]> OverloadsWithoutProjectId()
    {
        yield return new object[] { "ListTasks", (Func<OmsClient, Task>)(c => c.ListTasksAsync()) };
        yield return new object[] { "CreateTask", (Func<OmsClient, Task>)(c => c.CreateTaskAsync(new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { Region = "cn-hangzhou", Ak = "a", Sk = "s", Bucket = "b" },
            DstNode = new DstNodeReq { Region = "cn-north-4", Ak = "a", Sk = "s", Bucket = "b" },
        })) };
        yield return new object[] { "ShowTask", (Func<OmsClient, Task>)(c => c.ShowTaskAsync(Canary.TaskId)) };
        yield return new object[] { "DeleteTask", (Func<OmsClient, Task>)(c => c.DeleteTaskAsync(Canary.TaskId)) };
        yield return new object[] { "StartTask", (Func<OmsClient, Task>)(c => c.StartTaskAsync(Canary.TaskId, Canary.Body())) };
        yield return new object[] { "StopTask", (Func<OmsClient, Task>)(c => c.StopTaskAsync(Canary.TaskId)) };
    }

    [Theory]
    [MemberData(nameof(OverloadsWithoutProjectId))]
    public async Task Each_overload_without_project_id_needs_ProjectId(string operation, Func<OmsClient, Task> call)
    {
        var client = new OmsClient(new HttpClient(), _server.BaseAddress);

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => call(client));

        Assert.Contains("ProjectId", ex.Message, StringComparison.Ordinal);
        Assert.True(_server.Requests.Count == 0, operation + " sent a request without a project ID");
    }

    [Fact]
    public async Task A_client_from_AddOmsClient_uses_the_configured_project()
    {
        _server.NextResponse = JsonOk(TaskJson);
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = _server.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.Credentials = Canary.Credentials();
        }, getVariable: _ => null);
        using ServiceProvider provider = services.BuildServiceProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();

        TaskResp task = await client.ShowTaskAsync(Canary.TaskId);

        AssertSingleRequest("ShowTask", "GET", "/v2/" + Canary.ProjectId + "/tasks/" + s_task);
        Assert.Equal(Canary.TaskId, task.Id);
    }
}

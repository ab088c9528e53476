using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// EnsureTaskGroup…/EnsureSyncTask…: a refused start or stop counts as success only when the read-back state is the
/// wanted one; otherwise the original error is rethrown.
/// </summary>
public class EnsureGroupAndSyncStateTests : IClassFixture<StubServerFixture>
{
    private static readonly StubResponse s_refused = new(400, StubResponse.Json, "{\"error_code\":\"OMS.0065\",\"error_msg\":\"state does not allow it\"}");

    private readonly OmsStubServer _server;

    public EnsureGroupAndSyncStateTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private static StartTaskGroupReq GroupCredentials() => new() { DstAk = Canary.DstAk, DstSk = Canary.DstSk };

    [Fact]
    public async Task A_group_start_that_OMS_accepts_is_started()
    {
        using OmsClient client = Create(_server);

        TaskGroupStartOutcome outcome = await client.EnsureTaskGroupStartedAsync("g1", GroupCredentials());

        Assert.Equal(StartOutcomeKind.Started, outcome.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_refused_group_start_of_a_monitoring_group_is_already_running()
    {
        _server.Enqueue(s_refused, JsonOk("{\"group_id\":\"g1\",\"status\":2}"));
        using OmsClient client = Create(_server);

        TaskGroupStartOutcome outcome = await client.EnsureTaskGroupStartedAsync("g1", GroupCredentials());

        Assert.True(outcome.AlreadyRunning);
        Assert.Equal("OMS.0065", outcome.ErrorCode);
        Assert.Equal(_server.Requests[0].RequestId, outcome.RequestId);
        Assert.Equal("ShowTaskGroup", _server.Requests[1].Operation);
    }

    [Fact]
    public async Task A_refused_group_start_of_a_failed_group_rethrows()
    {
        _server.Enqueue(s_refused, JsonOk("{\"group_id\":\"g1\",\"status\":5}"));
        using OmsClient client = Create(_server);

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.EnsureTaskGroupStartedAsync("g1", GroupCredentials()));

        Assert.Equal("OMS.0065", error.ErrorCode);
    }

    [Fact]
    public async Task A_group_that_does_not_exist_is_not_read_back()
    {
        _server.Enqueue(new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.1009\",\"error_msg\":\"No resources found.\"}"));
        using OmsClient client = Create(_server);

        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.EnsureTaskGroupStoppedAsync("nope"));

        Assert.Equal("OMS.1009", error.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_refused_group_stop_of_a_pausing_group_is_already_stopped()
    {
        _server.Enqueue(s_refused, JsonOk("{\"group_id\":\"g1\",\"status\":7}"));
        using OmsClient client = Create(_server);

        TaskGroupStopOutcome outcome = await client.EnsureTaskGroupStoppedAsync("g1");

        Assert.True(outcome.AlreadyStopped);
    }

    [Fact]
    public async Task A_refused_sync_start_of_a_synchronizing_task_is_already_running()
    {
        _server.Enqueue(s_refused, JsonOk("{\"sync_task_id\":\"s1\",\"status\":\"SYNCHRONIZING\"}"));
        using OmsClient client = Create(_server);

        SyncTaskStartOutcome outcome = await client.EnsureSyncTaskStartedAsync(
            "s1", new StartSyncTaskReq { SrcAk = Canary.SrcAk, SrcSk = Canary.SrcSk, DstAk = Canary.DstAk, DstSk = Canary.DstSk });

        Assert.True(outcome.AlreadyRunning);
        Assert.StartsWith(ProjectPath + "/sync-tasks/s1?query_time=", _server.Requests[1].RawTarget);
    }

    [Fact]
    public async Task A_refused_sync_stop_of_a_synchronizing_task_rethrows()
    {
        _server.Enqueue(s_refused, JsonOk("{\"sync_task_id\":\"s1\",\"status\":\"SYNCHRONIZING\"}"));
        using OmsClient client = Create(_server);

        await Assert.ThrowsAsync<ErrorResponseException>(() => client.EnsureSyncTaskStoppedAsync("s1"));
    }

    [Fact]
    public async Task A_refused_sync_stop_of_a_stopped_task_is_already_stopped()
    {
        _server.Enqueue(s_refused, JsonOk("{\"sync_task_id\":\"s1\",\"status\":\"STOPPED\"}"));
        using OmsClient client = Create(_server);

        SyncTaskStopOutcome outcome = await client.EnsureSyncTaskStoppedAsync("s1");

        Assert.True(outcome.AlreadyStopped);
    }
}

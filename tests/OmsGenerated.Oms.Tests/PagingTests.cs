using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>The <c>ListAll…Async</c> helpers: page by page until a short page or the count, without repeats.</summary>
public class PagingTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public PagingTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private static string Tasks(params long[] ids) => "[" + string.Join(",", ids.Select(id => "{\"id\":" + id + ",\"status\":2}")) + "]";

    [Fact]
    public async Task ListAllTasks_reads_pages_until_the_count_and_skips_an_item_that_moved_pages()
    {
        _server.Enqueue(
            JsonOk("{\"tasks\":" + Tasks(1, 2) + ",\"count\":5}"),
            JsonOk("{\"tasks\":" + Tasks(2, 3) + ",\"count\":5}"),
            JsonOk("{\"tasks\":" + Tasks(4) + ",\"count\":5}"));
        using OmsClient client = Create(_server);

        var ids = new List<long?>();
        await foreach (TaskResp task in client.ListAllTasksAsync(status: MigrationTaskStatus.Executing, pageSize: 2))
        {
            ids.Add(task.Id);
        }

        Assert.Equal(new long?[] { 1, 2, 3, 4 }, ids);
        Assert.Equal(
            new[] { "offset=0", "offset=2", "offset=4" },
            _server.Requests.Select(r => r.RawTarget.Split('&').Single(p => p.StartsWith("offset=", System.StringComparison.Ordinal))).ToArray());
        Assert.All(_server.Requests, r => Assert.Contains("limit=2", r.RawTarget));
        Assert.All(_server.Requests, r => Assert.Contains("status=2", r.RawTarget));
    }

    [Fact]
    public async Task ListAllTaskGroups_stops_at_a_short_page()
    {
        _server.Enqueue(
            JsonOk("{\"taskgroups\":[{\"group_id\":\"a\"},{\"group_id\":\"b\"}]}"),
            JsonOk("{\"taskgroups\":[{\"group_id\":\"c\"}]}"));
        using OmsClient client = Create(_server);

        var ids = new List<string?>();
        await foreach (TaskGroupResp group in client.ListAllTaskGroupsAsync(pageSize: 2))
        {
            ids.Add(group.GroupId);
        }

        Assert.Equal(new[] { "a", "b", "c" }, ids);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task ListAllSyncTasks_requests_nothing_until_enumerated_and_stops_at_an_empty_page()
    {
        _server.Enqueue(
            JsonOk("{\"tasks\":[{\"sync_task_id\":\"s1\"}],\"count\":3}"),
            JsonOk("{\"tasks\":[],\"count\":3}"));
        using OmsClient client = Create(_server);

        IAsyncEnumerable<SyncTaskInfo> all = client.ListAllSyncTasksAsync(status: SyncTaskStatus.Synchronizing, pageSize: 1);
        Assert.Empty(_server.Requests);

        var ids = new List<string?>();
        await foreach (SyncTaskInfo task in all)
        {
            ids.Add(task.SyncTaskId);
        }

        Assert.Equal(new[] { "s1" }, ids);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("status=SYNCHRONIZING", _server.Requests[0].RawTarget);
    }

    [Fact]
    public void A_page_size_over_100_is_refused()
    {
        using OmsClient client = Create(_server);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => client.ListAllTasksAsync(pageSize: 101));
    }
}

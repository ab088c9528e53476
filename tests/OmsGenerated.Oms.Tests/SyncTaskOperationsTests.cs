using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>Each sync-task operation through the generated client against the stub.</summary>
public class SyncTaskOperationsTests : IClassFixture<StubServerFixture>
{
    private const string SyncJson =
        "{\"sync_task_id\":\"s-51\",\"src_cloud_type\":\"Aliyun\",\"src_region\":\"cn-hangzhou\",\"src_bucket\":\"src\",\"dst_bucket\":\"dst\","
        + "\"dst_region\":\"cn-north-4\",\"status\":\"SYNCHRONIZING\",\"create_time\":1704067200000,\"last_start_time\":1704067300000,"
        + "\"monthly_acceptance_request\":10,\"monthly_success_object\":8,\"monthly_failure_object\":1,\"monthly_skip_object\":1,\"monthly_size\":4096}";

    private readonly OmsStubServer _server;

    public SyncTaskOperationsTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task CreateSyncTask_posts_every_required_field()
    {
        _server.NextResponse = JsonOk("{\"sync_task_id\":\"s-51\"}");
        using OmsClient client = Create(_server);

        CreateSyncTaskResponse created = await client.CreateSyncTaskAsync(new CreateSyncTaskReq
        {
            SrcRegion = "cn-hangzhou", SrcBucket = "src", SrcAk = Canary.SrcAk, SrcSk = Canary.SrcSk,
            DstAk = Canary.DstAk, DstSk = Canary.DstSk, DstRegion = "cn-north-4", DstBucket = "dst",
            ConsistencyCheck = SyncConsistencyCheck.Crc64,
        });

        RecordedRequest request = AssertSingle(_server, "CreateSyncTask", "POST", ProjectPath + "/sync-tasks");
        JsonElement body = BodyObject(request);
        foreach (string field in new[] { "src_region", "src_bucket", "src_ak", "src_sk", "dst_ak", "dst_sk", "dst_region", "dst_bucket" })
        {
            Assert.Equal(JsonValueKind.String, body.GetProperty(field).ValueKind);
        }

        Assert.Equal("crc64", body.GetProperty("consistency_check").GetString());
        Assert.Equal("s-51", created.SyncTaskId);
    }

    [Fact]
    public async Task ListSyncTasks_sends_the_string_status()
    {
        _server.NextResponse = JsonOk("{\"tasks\":[" + SyncJson + "],\"count\":1}");
        using OmsClient client = Create(_server);

        ListSyncTasksResponse page = await client.ListSyncTasksAsync(limit: 20, status: SyncTaskStatus.Stopped);

        AssertSingle(_server, "ListSyncTasks", "GET", ProjectPath + "/sync-tasks?limit=20&status=STOPPED");
        SyncTaskInfo task = Assert.Single(page.Tasks!);
        Assert.Equal(SyncTaskStatus.Synchronizing, task.Status);
        Assert.Equal(CloudType.Aliyun, task.SrcCloudType);
    }

    [Fact]
    public async Task ShowSyncTask_sends_query_time_and_reads_the_monthly_statistics()
    {
        _server.NextResponse = JsonOk(SyncJson);
        using OmsClient client = Create(_server);

        ShowSyncTaskResponse task = await client.ShowSyncTaskAsync("s-51", 1704067200000);

        RecordedRequest request = AssertSingle(_server, "ShowSyncTask", "GET", ProjectPath + "/sync-tasks/s-51?query_time=1704067200000");
        Assert.Equal("s-51", request.ResourceId);
        Assert.Equal(10, task.MonthlyAcceptanceRequest);
        Assert.Equal(8, task.MonthlySuccessObject);
        Assert.Equal(4096, task.MonthlySize);
        Assert.Equal(1704067300000, task.LastStartTime);
    }

    [Fact]
    public async Task DeleteSyncTask_deletes_without_a_body()
    {
        using OmsClient client = Create(_server);

        await client.DeleteSyncTaskAsync("s-51");

        Assert.Empty(AssertSingle(_server, "DeleteSyncTask", "DELETE", ProjectPath + "/sync-tasks/s-51").Body);
    }

    [Fact]
    public async Task StartSyncTask_posts_both_credential_pairs()
    {
        using OmsClient client = Create(_server);

        await client.StartSyncTaskAsync("s-51", new StartSyncTaskReq { SrcAk = Canary.SrcAk, SrcSk = Canary.SrcSk, DstAk = Canary.DstAk, DstSk = Canary.DstSk });

        JsonElement body = BodyObject(AssertSingle(_server, "StartSyncTask", "POST", ProjectPath + "/sync-tasks/s-51/start"));
        Assert.Equal(Canary.SrcSk, body.GetProperty("src_sk").GetString());
        Assert.Equal(Canary.DstSk, body.GetProperty("dst_sk").GetString());
    }

    [Fact]
    public void StartSyncTask_requires_the_source_credentials()
    {
        var request = new StartSyncTaskReq { SrcAk = null!, SrcSk = Canary.SrcSk, DstAk = Canary.DstAk, DstSk = Canary.DstSk };
        var error = Assert.ThrowsAny<System.ArgumentException>(() => request.Validate());
        Assert.Contains("src_ak", error.Message);
    }

    [Fact]
    public async Task StopSyncTask_posts_without_a_body()
    {
        using OmsClient client = Create(_server);

        await client.StopSyncTaskAsync("s-51");

        Assert.Empty(AssertSingle(_server, "StopSyncTask", "POST", ProjectPath + "/sync-tasks/s-51/stop").Body);
    }

    [Fact]
    public async Task CreateSyncEvents_posts_the_object_keys()
    {
        using OmsClient client = Create(_server);

        await client.CreateSyncEventsAsync("s-51", new SyncObjectReq { ObjectKeys = new List<string> { "a.txt", "dir%2Fb.txt" } });

        JsonElement body = BodyObject(AssertSingle(_server, "CreateSyncEvents", "POST", ProjectPath + "/sync-tasks/s-51/events"));
        Assert.Equal(new[] { "a.txt", "dir%2Fb.txt" }, body.GetProperty("object_keys").EnumerateArray().Select(e => e.GetString()).ToArray());
    }

    [Fact]
    public void CreateSyncEvents_refuses_more_than_10_keys_before_sending()
    {
        var request = new SyncObjectReq { ObjectKeys = Enumerable.Range(0, 11).Select(i => "k" + i).ToList() };
        Assert.ThrowsAny<System.ArgumentException>(() => request.Validate());
    }

    [Fact]
    public async Task ListSyncTaskStatistic_sends_the_query_and_reads_the_series()
    {
        _server.NextResponse = JsonOk(
            "{\"sync_task_id\":\"s-51\",\"statistic_time_type\":\"FIVE_MINUTES\",\"statistic_datas\":["
            + "{\"data_type\":\"SUCCESS\",\"data\":[{\"time_stamp\":1704067200000,\"statistic_num\":3},{\"time_stamp\":1704067500000,\"statistic_num\":5}]}]}");
        using OmsClient client = Create(_server);

        ListSyncTaskStatisticResponse stats = await client.ListSyncTaskStatisticAsync("s-51", "SUCCESS,SIZE", "1704067200000", "1704070800000");

        AssertSingle(_server, "ListSyncTaskStatistic", "GET",
            ProjectPath + "/sync-tasks/s-51/statistics?data_type=SUCCESS%2CSIZE&start_time=1704067200000&end_time=1704070800000");
        Assert.Equal("FIVE_MINUTES", stats.StatisticTimeType);
        StatisticTypeData series = Assert.Single(stats.StatisticDatas!);
        Assert.Equal(new long?[] { 3, 5 }, series.Data!.Select(d => d.StatisticNum).ToArray());
    }
}

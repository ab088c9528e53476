using System;
using System.Linq;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Xunit;
using static OmsGenerated.Emulator.Tests.TaskGroupStateMachineTests;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Sync tasks and the object-storage checks through the generated client.</summary>
public sealed class SyncTaskStateMachineTests
{
    [Fact]
    public async Task A_sync_task_synchronizes_stops_starts_and_is_deleted_only_when_stopped()
    {
        var clock = new ManualTimeProvider();
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false, TimeProvider = clock });
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        string id = (await client.CreateSyncTaskAsync(project, Sync("demo-logs", "cn-hangzhou"))).SyncTaskId!;
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        ShowSyncTaskResponse created = await client.ShowSyncTaskAsync(project, id, now);
        Assert.Equal(SyncTaskStatus.Synchronizing, created.Status);
        Assert.Equal(CloudType.Aliyun, created.SrcCloudType);
        Assert.Equal(0, created.MonthlyAcceptanceRequest);

        await AssertRefused(() => client.DeleteSyncTaskAsync(project, id), "OMS.0063");
        await AssertRefused(() => client.StartSyncTaskAsync(project, id, Credentials()), "OMS.0065");

        await client.CreateSyncEventsAsync(project, id, new SyncObjectReq { ObjectKeys = [.. Enumerable.Range(1, 10).Select(i => "logs/" + i + ".gz")] });
        ShowSyncTaskResponse counted = await client.ShowSyncTaskAsync(project, id, now);
        Assert.Equal(10, counted.MonthlyAcceptanceRequest);
        Assert.Equal(9, counted.MonthlySuccessObject);
        Assert.Equal(1, counted.MonthlyFailureObject);
        Assert.Equal(9 * EmulatedSyncTask.ObjectSize, counted.MonthlySize);
        Assert.Equal(0, (await client.ShowSyncTaskAsync(project, id, now - (40L * 24 * 3600 * 1000))).MonthlyAcceptanceRequest); // another month

        ListSyncTaskStatisticResponse statistics = await client.ListSyncTaskStatisticAsync(
            project, id, "REQUEST,FAILURE", (now - 3_600_000).ToString(System.Globalization.CultureInfo.InvariantCulture), (now + 60_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("FIVE_MINUTES", statistics.StatisticTimeType);
        Assert.Equal(10, statistics.StatisticDatas!.Single(s => s.DataType == "REQUEST").Data!.Sum(p => p.StatisticNum));
        Assert.Equal(1, statistics.StatisticDatas!.Single(s => s.DataType == "FAILURE").Data!.Sum(p => p.StatisticNum));
        await AssertRefused(() => client.ListSyncTaskStatisticAsync(project, id, "BYTES", "0", "1"), "OMS.0064");

        await client.StopSyncTaskAsync(project, id);
        await AssertRefused(() => client.StopSyncTaskAsync(project, id), "OMS.0066");
        await AssertRefused(() => client.CreateSyncEventsAsync(project, id, new SyncObjectReq { ObjectKeys = ["late.gz"] }), "OMS.0066");
        Assert.Equal(1, (await client.ListSyncTasksAsync(project, status: SyncTaskStatus.Stopped)).Count);
        Assert.Equal(0, (await client.ListSyncTasksAsync(project, status: SyncTaskStatus.Synchronizing)).Count);

        clock.Advance(TimeSpan.FromSeconds(5));
        await client.StartSyncTaskAsync(project, id, Credentials());
        ShowSyncTaskResponse restarted = await client.ShowSyncTaskAsync(project, id, now);
        Assert.Equal(SyncTaskStatus.Synchronizing, restarted.Status);
        Assert.True(restarted.LastStartTime > created.LastStartTime);

        await client.StopSyncTaskAsync(project, id);
        await client.DeleteSyncTaskAsync(project, id);
        await AssertRefused(() => client.ShowSyncTaskAsync(project, id, now), "OMS.1009");
    }

    [Theory]
    [InlineData("no-such-bucket", "cn-hangzhou", "src_bucket")]
    [InlineData("demo-logs", "cn-beijing", "src_region")]
    public async Task A_sync_task_needs_a_source_bucket_the_source_has(string bucket, string region, string field)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);
        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.CreateSyncTaskAsync(emulator.ProjectId, Sync(bucket, region)));
        Assert.Equal("request parameter [" + field + "] invalid.", error.ErrorDetail);
    }

    [Fact]
    public async Task The_object_storage_checks_answer_from_the_fake_store_of_each_cloud()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        OmsClient client = TestClients.Create(emulator);
        string project = emulator.ProjectId;

        Assert.Contains("demo-photos", await client.ShowBucketListAsync(project, new ListBucketsReq { CloudType = "AWS", Ak = "A", Sk = "S" }));
        Assert.Equal(["demo-logs", "demo-archive"], await client.ShowBucketListAsync(project, new ListBucketsReq { CloudType = "aliyun", Ak = "A", Sk = "S" }));
        await AssertRefused(() => client.ShowBucketListAsync(project, new ListBucketsReq { CloudType = "Dropbox", Ak = "A", Sk = "S" }), "OMS.0064");
        await AssertRefused(() => client.ShowBucketListAsync(project, new ListBucketsReq { CloudType = "AWS", Ak = "A" }), "OMS.0064");

        var firstPage = new ShowBucketReq { CloudType = "AWS", Ak = "A", Sk = "S", BucketName = "demo-photos", DataCenter = "us-east-1", FilePath = "2024/", PageSize = 25, BehindFilename = "" };
        ShowBucketObjectsResponse page1 = await client.ShowBucketObjectsAsync(project, firstPage);
        Assert.True(page1.NextPage);
        Assert.Equal(25, page1.Records!.Count);
        firstPage.BehindFilename = page1.NextMarker!;
        ShowBucketObjectsResponse page2 = await client.ShowBucketObjectsAsync(project, firstPage);
        Assert.False(page2.NextPage);
        Assert.Equal(15, page2.Records!.Count);
        Assert.Empty(page1.Records.Select(r => r.Name).Intersect(page2.Records.Select(r => r.Name)));

        Assert.Equal("ap-guangzhou", (await client.ShowBucketRegionAsync(project, new ShowBucketRegionReq { CloudType = "Tencent", Ak = "A", Sk = "S", BucketName = "demo-docs" })).Id);
        await AssertRefused(() => client.ShowBucketRegionAsync(project, new ShowBucketRegionReq { CloudType = "Tencent", Ak = "A", Sk = "S", BucketName = "nope" }), "OMS.1009");
        Assert.True((await client.CheckPrefixAsync(project, new CheckPrefixReq { CloudType = "AWS", Ak = "A", Sk = "S", BucketName = "demo-photos", DataCenter = "us-east-1", FileName = "2025/object-00" })).Exist);
        Assert.False((await client.CheckPrefixAsync(project, new CheckPrefixReq { CloudType = "AWS", Ak = "A", Sk = "S", BucketName = "demo-photos", DataCenter = "us-east-1", FileName = "2023/" })).Exist);

        ShowCdnInfoResponse cdn = await client.ShowCdnInfoAsync(project, new ShowCdnInfoReq
        {
            Ak = "A", Sk = "S", CloudType = "AWS", Region = "us-east-1", Bucket = "demo-photos",
            Prefix = new PrefixKeyInfo { Keys = ["2024/object-001.bin", "missing.bin"] },
            SourceCdn = new SourceCdnReq { Domain = "cdn.example.com", Protocol = CdnProtocol.Https, AuthenticationType = CdnAuthenticationType.None },
        });
        Assert.Equal([true, false], cdn.CheckedKeys!.Select(k => k.IsObjectExisting == true));

        await client.CheckUrlSourceListFileFormatAsync(project, new CheckUrlSourceListFileFormatReq { ObsBucket = "obs-lists", ListFileKey = "urls/list.txt", Ak = "A", Sk = "S", Region = "cn-north-4" });
        await AssertRefused(() => client.CheckUrlSourceListFileFormatAsync(project, new CheckUrlSourceListFileFormatReq { ObsBucket = "obs-lists", ListFileKey = "urls/list.csv", Ak = "A", Sk = "S", Region = "cn-north-4" }), "OMS.0064");

        Assert.Contains("Aliyun", await client.ShowCloudTypeAsync(project, "src"));
        Assert.Equal(["HuaweiCloud"], await client.ShowCloudTypeAsync(project, "dst"));
        Assert.Contains((await client.ShowRegionInfoAsync(project)).Single(s => s.ServiceName == "HuaweiCloud").RegionList!, r => r.Value == "cn-north-4");

        Assert.Equal(["v2", "v1"], (await client.ListApiVersionsAsync()).Versions!.Select(v => v.Id));
        Assert.Equal(ApiVersionStatus.Current, (await client.ShowApiInfoAsync("v2")).Status);
        await client.UpdatePrivacyAgreementRecordAsync(project);
    }

    private static CreateSyncTaskReq Sync(string bucket, string region) => new()
    {
        SrcCloudType = "Aliyun", SrcRegion = region, SrcBucket = bucket, SrcAk = "SRCAK", SrcSk = "SRCSK",
        DstAk = "DSTAK", DstSk = "DSTSK", DstRegion = "cn-north-4", DstBucket = "obs-sync",
    };

    private static StartSyncTaskReq Credentials() => new() { SrcAk = "SRCAK", SrcSk = "SRCSK", DstAk = "DSTAK", DstSk = "DSTSK" };
}

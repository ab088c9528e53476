using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Emulator;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>
/// Sync tasks through the CLI against the emulator (a sync task created and fed with events by the generated client):
/// list, show with this month's counts, start/stop with "already" outcomes, statistics; and the embedded emulator's
/// buckets and regions.
/// </summary>
public sealed class SyncLifecycleTests
{
    private const string ProjectId = "5a1b2c3d4e5f60718293a4b5c6d7e8f9";

    private static Task<JsonElement> JsonAsync(OmsEmulator emulator, params string[] args)
        => CliRunner.RunJsonAsync(Canary.Environment(ProjectId), emulator.BaseAddress, 0, args);

    [Fact]
    public async Task A_sync_task_is_listed_shown_stopped_started_and_counted()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions
        {
            AccessKey = Canary.AccessKey, SecretKey = Canary.SecretKey, ProjectId = ProjectId, SpeedFactor = 100, SeedDemoTasks = false,
        });
        string syncTaskId;
        using (OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = emulator.BaseAddress, ProjectId = ProjectId, Credentials = new HuaweiCloudCredentials(Canary.AccessKey, Canary.SecretKey),
        }))
        {
            syncTaskId = (await client.CreateSyncTaskAsync(new CreateSyncTaskReq
            {
                SrcCloudType = "Aliyun", SrcRegion = "cn-hangzhou", SrcBucket = "demo-logs", SrcAk = "CANARYSRCAK", SrcSk = Canary.SrcSecretKey,
                DstAk = "CANARYDSTAK", DstSk = Canary.DstSecretKey, DstRegion = "cn-north-4", DstBucket = "dst",
            })).SyncTaskId!;
            await client.CreateSyncEventsAsync(syncTaskId, new SyncObjectReq { ObjectKeys = new List<string> { "logs/a.log", "logs/b.log" } });
        }

        JsonElement list = await JsonAsync(emulator, "sync", "list", "--status", "synchronizing");
        Assert.Equal(syncTaskId, Assert.Single(list.GetProperty("tasks").EnumerateArray()).GetProperty("sync_task_id").GetString());

        JsonElement shown = await JsonAsync(emulator, "sync", "show", syncTaskId);
        Assert.Equal("SYNCHRONIZING", shown.GetProperty("status").GetString());
        Assert.Equal(2, shown.GetProperty("monthly_acceptance_request").GetInt64());

        Assert.Equal("already_running", (await JsonAsync(emulator, "sync", "start", syncTaskId)).GetProperty("result").GetString());
        Assert.Equal("stopped", (await JsonAsync(emulator, "sync", "stop", syncTaskId)).GetProperty("result").GetString());
        Assert.Equal("already_stopped", (await JsonAsync(emulator, "sync", "stop", syncTaskId)).GetProperty("result").GetString());
        Assert.Empty((await JsonAsync(emulator, "sync", "list", "--status", "synchronizing")).GetProperty("tasks").EnumerateArray());
        Assert.Equal("started", (await JsonAsync(emulator, "sync", "start", syncTaskId)).GetProperty("result").GetString());

        JsonElement stats = await JsonAsync(emulator, "sync", "stats", syncTaskId, "--type", "REQUEST", "--hours", "1");
        JsonElement requests = Assert.Single(stats.GetProperty("statistic_datas").EnumerateArray());
        Assert.Equal("REQUEST", requests.GetProperty("data_type").GetString());
        Assert.Equal(2, requests.GetProperty("data").EnumerateArray().Sum(point => point.GetProperty("statistic_num").GetInt64()));
        Assert.Equal("FIVE_MINUTES", stats.GetProperty("statistic_time_type").GetString());
    }

    [Fact]
    public async Task Buckets_and_regions_come_from_the_embedded_emulator()
    {
        CliResult buckets = await CliRunner.RunAsync("--json", "buckets", "list", "--cloud-type", "Aliyun");
        CliResult regions = await CliRunner.RunAsync("--json", "regions", "--cloud-type", "Aliyun");

        Assert.True(buckets.ExitCode == 0, buckets.ToString());
        using JsonDocument bucketList = JsonDocument.Parse(buckets.Stdout);
        Assert.Contains("demo-logs", bucketList.RootElement.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()));
        Assert.True(regions.ExitCode == 0, regions.ToString());
        using JsonDocument regionList = JsonDocument.Parse(regions.Stdout);
        JsonElement aliyun = Assert.Single(regionList.RootElement.EnumerateArray());
        Assert.Contains("cn-hangzhou", aliyun.GetProperty("region_list").EnumerateArray().Select(r => r.GetProperty("value").GetString()));
    }
}

using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary><c>oms sync …</c>, <c>oms buckets list</c> and <c>oms regions</c> against the stub.</summary>
[Collection(StubCliCollection.Name)]
public sealed class SyncAndSourceCommandTests
{
    private readonly StubCli _cli;

    public SyncAndSourceCommandTests(StubCli cli)
    {
        _cli = cli;
        _cli.Server.Reset();
    }

    [Fact]
    public async Task Sync_list_sends_the_status_and_prints_the_tasks()
    {
        _cli.Server.NextResponse = StubCli.Json("{\"count\":1,\"tasks\":[{\"sync_task_id\":\"s1\",\"status\":\"STOPPED\",\"src_bucket\":\"src\",\"dst_bucket\":\"dst\",\"create_time\":1704067200000}]}");

        CliResult result = await _cli.RunAsync("sync", "list", "--status", "stopped");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("s1", result.Stdout);
        Assert.Contains("2024-01-01 00:00Z", result.Stdout);
        Assert.Equal("/v2/" + StubCli.ProjectId + "/sync-tasks?limit=100&offset=0&status=STOPPED", Assert.Single(_cli.Server.Requests).RawTarget);
        _cli.AssertAllWellFormed();
    }

    [Fact]
    public async Task Sync_show_sends_the_current_time_and_prints_the_month()
    {
        _cli.Server.NextResponse = StubCli.Json("{\"sync_task_id\":\"s1\",\"status\":\"SYNCHRONIZING\",\"monthly_acceptance_request\":12,\"monthly_success_object\":11,\"monthly_size\":2048}");
        long before = System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        CliResult result = await _cli.RunAsync("sync", "show", "s1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("12 requested, 11 synchronized", result.Stdout);
        string target = Assert.Single(_cli.Server.Requests).RawTarget;
        long sent = long.Parse(target[(target.IndexOf("query_time=", System.StringComparison.Ordinal) + "query_time=".Length)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sent, before, System.DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Sync_start_sends_both_key_pairs_and_stop_of_a_stopped_task_is_success()
    {
        CliResult started = await _cli.RunAsync("--json", "sync", "start", "s1");
        Assert.True(started.ExitCode == 0, started.ToString());
        JsonElement body = StubCli.Body(Assert.Single(_cli.Server.Requests));
        Assert.Equal(Canary.SrcSecretKey, body.GetProperty("src_sk").GetString());
        Assert.Equal(Canary.DstSecretKey, body.GetProperty("dst_sk").GetString());

        _cli.Server.Reset();
        _cli.Server.Enqueue(
            new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.0066\",\"error_msg\":\"not running\"}"),
            StubCli.Json("{\"sync_task_id\":\"s1\",\"status\":\"STOPPED\"}"));
        CliResult stopped = await _cli.RunAsync("sync", "stop", "s1");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Contains("Sync task s1 is already stopped (OMS.0066", stopped.Stdout);
    }

    [Fact]
    public async Task Sync_stop_of_a_synchronizing_task_that_OMS_refuses_exits_3()
    {
        _cli.Server.Enqueue(
            new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.0061\",\"error_msg\":\"Invalid format for task parameters.\"}"),
            StubCli.Json("{\"sync_task_id\":\"s1\",\"status\":\"SYNCHRONIZING\"}"));

        CliResult result = await _cli.RunAsync("sync", "stop", "s1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error: OMS.0061", result.Stderr);
    }

    [Fact]
    public async Task Sync_stats_sends_the_series_and_the_window_and_prints_bytes()
    {
        _cli.Server.NextResponse = StubCli.Json(
            "{\"sync_task_id\":\"s1\",\"statistic_time_type\":\"ONE_HOUR\",\"statistic_datas\":[{\"data_type\":\"SIZE\",\"data\":[{\"time_stamp\":1704067200000,\"statistic_num\":2097152}]}]}");

        CliResult result = await _cli.RunAsync("sync", "stats", "s1", "--type", "size,success", "--hours", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2.00 MiB", result.Stdout);
        Assert.Contains("ONE_HOUR", result.Stdout);
        string target = Assert.Single(_cli.Server.Requests).RawTarget;
        Assert.Contains("data_type=SIZE%2CSUCCESS", target);
        Assert.Contains("start_time=", target);
        Assert.Contains("end_time=", target);
    }

    [Fact]
    public async Task Sync_stats_with_an_unknown_series_is_a_usage_error()
    {
        CliResult result = await _cli.RunAsync("sync", "stats", "s1", "--type", "BYTES");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("BYTES", result.Stderr);
        Assert.Empty(_cli.Server.Requests);
    }

    [Fact]
    public async Task Buckets_list_posts_the_source_keys_and_prints_one_name_a_line()
    {
        _cli.Server.NextResponse = StubCli.Json("[\"alpha\",\"beta\"]");

        CliResult result = await _cli.RunAsync("buckets", "list", "--cloud-type", "AWS");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("alpha\nbeta\n", result.Stdout.Replace("\r\n", "\n", System.StringComparison.Ordinal));
        Assert.Contains("2 buckets", result.Stderr);
        JsonElement body = StubCli.Body(Assert.Single(_cli.Server.Requests));
        Assert.Equal("AWS", body.GetProperty("cloud_type").GetString());
        Assert.Equal(Canary.SrcSecretKey, body.GetProperty("sk").GetString());
    }

    [Fact]
    public async Task Against_real_OMS_half_a_source_key_pair_is_a_usage_error_before_any_request()
    {
        CliResult buckets = await _cli.RunWithoutAsync("HUAWEICLOUD_OMS_SRC_SK", "buckets", "list");
        CliResult sync = await _cli.RunWithoutAsync("HUAWEICLOUD_OMS_SRC_SK", "sync", "start", "s1");

        Assert.Equal(2, buckets.ExitCode);
        Assert.Contains("--src-sk", buckets.Stderr);
        Assert.Equal(2, sync.ExitCode);
        Assert.Empty(_cli.Server.Requests);
    }

    [Fact]
    public async Task Regions_json_filters_one_vendor()
    {
        _cli.Server.NextResponse = StubCli.Json(
            "[{\"service_name\":\"Aliyun\",\"region_list\":[{\"value\":\"cn-hangzhou\",\"description\":\"Hangzhou\"}]},{\"service_name\":\"AWS\",\"region_list\":[{\"value\":\"us-east-1\"}]}]");

        CliResult result = await _cli.RunAsync("--json", "regions", "--cloud-type", "aws");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement vendor = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("us-east-1", vendor.GetProperty("region_list")[0].GetProperty("value").GetString());
        Assert.Equal("ShowRegionInfo", Assert.Single(_cli.Server.Requests).Operation);
    }

    [Fact]
    public async Task Regions_table_lists_vendor_and_region()
    {
        _cli.Server.NextResponse = StubCli.Json("[{\"service_name\":\"Aliyun\",\"region_list\":[{\"value\":\"cn-hangzhou\",\"description\":\"Hangzhou\"}]}]");

        CliResult result = await _cli.RunAsync("regions");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("cn-hangzhou", result.Stdout);
        Assert.Contains("Hangzhou", result.Stdout);
    }
}

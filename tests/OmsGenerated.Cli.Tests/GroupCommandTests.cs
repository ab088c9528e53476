using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary><c>oms groups …</c> against the stub: the requests sent, the output, the exit codes.</summary>
[Collection(StubCliCollection.Name)]
public sealed class GroupCommandTests
{
    private const string Monitoring = "{\"group_id\":\"g1\",\"status\":2,\"task_type\":\"PREFIX\",\"total_task_num\":4,\"complete_task_num\":1,\"total_num\":40,\"success_num\":10,\"total_size\":1000,\"complete_size\":250}";

    private readonly StubCli _cli;

    public GroupCommandTests(StubCli cli)
    {
        _cli = cli;
        _cli.Server.Reset();
    }

    [Fact]
    public async Task List_reads_every_page_and_prints_a_table()
    {
        _cli.Server.Enqueue(StubCli.Json("{\"count\":1,\"taskgroups\":[" + Monitoring + "]}"));

        CliResult result = await _cli.RunAsync("groups", "list", "--status", "monitoring");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("g1", result.Stdout);
        Assert.Contains("monitoring", result.Stdout);
        Assert.Contains("1 task group", result.Stdout);
        RecordedRequest request = Assert.Single(_cli.Server.Requests);
        Assert.Equal("/v2/" + StubCli.ProjectId + "/taskgroups?limit=100&offset=0&status=2", request.RawTarget);
        _cli.AssertAllWellFormed();
    }

    [Fact]
    public async Task List_with_an_unknown_status_is_a_usage_error_before_any_request()
    {
        CliResult result = await _cli.RunAsync("groups", "list", "--status", "nonsense");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("creation-failed", result.Stderr);
        Assert.Empty(_cli.Server.Requests);
    }

    [Fact]
    public async Task Show_json_prints_the_group()
    {
        _cli.Server.NextResponse = StubCli.Json(Monitoring);

        CliResult result = await _cli.RunAsync("--json", "groups", "show", "g1");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("g1", document.RootElement.GetProperty("group_id").GetString());
        Assert.Equal(4, document.RootElement.GetProperty("total_task_num").GetInt64());
    }

    [Fact]
    public async Task Create_sends_source_destination_and_prefixes_and_prints_the_id()
    {
        _cli.Server.NextResponse = StubCli.Json("{\"group_id\":\"g-new\"}");

        CliResult result = await _cli.RunAsync("--json", "groups", "create", "--src-region", "cn-hangzhou", "--src-bucket", "src",
            "--dst-region", "cn-north-4", "--dst-bucket", "dst", "--prefix", "logs/", "--prefix", "img/", "--description", "nightly");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument output = JsonDocument.Parse(result.Stdout);
        Assert.Equal("g-new", output.RootElement.GetProperty("groupId").GetString());
        RecordedRequest request = Assert.Single(_cli.Server.Requests);
        Assert.Equal("CreateTaskGroup", request.Operation);
        JsonElement body = StubCli.Body(request);
        Assert.Equal("PREFIX", body.GetProperty("task_type").GetString());
        Assert.Equal(new[] { "logs/", "img/" }, body.GetProperty("src_node").GetProperty("object_key").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal(Canary.SrcSecretKey, body.GetProperty("src_node").GetProperty("sk").GetString());
        Assert.Equal(Canary.DstSecretKey, body.GetProperty("dst_node").GetProperty("sk").GetString());
        _cli.AssertAllWellFormed();
    }

    [Fact]
    public async Task Create_without_a_source_bucket_is_a_usage_error()
    {
        CliResult result = await _cli.RunAsync("groups", "create", "--dst-region", "cn-north-4", "--dst-bucket", "dst");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--src-bucket", result.Stderr);
        Assert.Empty(_cli.Server.Requests);
    }

    [Fact]
    public async Task Start_sends_the_destination_keys()
    {
        CliResult result = await _cli.RunAsync("--json", "groups", "start", "g1");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument output = JsonDocument.Parse(result.Stdout);
        Assert.Equal("started", output.RootElement.GetProperty("result").GetString());
        RecordedRequest request = Assert.Single(_cli.Server.Requests);
        Assert.Equal("StartTaskGroup", request.Operation);
        Assert.Equal(Canary.DstSecretKey, StubCli.Body(request).GetProperty("dst_sk").GetString());
    }

    [Fact]
    public async Task Start_of_a_group_that_is_already_running_is_success()
    {
        _cli.Server.Enqueue(
            new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.0065\",\"error_msg\":\"already started\"}"),
            StubCli.Json(Monitoring));

        CliResult result = await _cli.RunAsync("groups", "start", "g1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("already running", result.Stdout);
    }

    [Fact]
    public async Task Start_wait_follows_the_group_until_it_completes()
    {
        _cli.Server.Enqueue(
            StubResponse.Ok(),
            StubCli.Json(Monitoring),
            StubCli.Json("{\"group_id\":\"g1\",\"status\":6,\"total_task_num\":4,\"complete_task_num\":4,\"total_num\":40,\"success_num\":40,\"total_size\":1000,\"complete_size\":1000}"));

        CliResult result = await _cli.RunAsync("groups", "start", "g1", "--wait", "--interval", "0.01");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("monitoring  25.0%", result.Stdout);
        Assert.Contains("Task group g1 completed: 40/40 objects", result.Stdout);
    }

    [Fact]
    public async Task Retry_wait_of_a_group_that_fails_again_exits_4_with_ndjson()
    {
        _cli.Server.Enqueue(
            StubResponse.Ok(),
            StubCli.Json("{\"group_id\":\"g1\",\"status\":5,\"error_reason\":{\"error_code\":\"TRF.0151\",\"error_msg\":\"source AK invalid\"}}"));

        CliResult result = await _cli.RunAsync("--json", "groups", "retry", "g1", "--failed-only", "--wait", "--interval", "0.01");

        Assert.Equal(4, result.ExitCode);
        string[] lines = result.Stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("retried", JsonDocument.Parse(lines[0]).RootElement.GetProperty("result").GetString());
        Assert.Equal(5, JsonDocument.Parse(lines[1]).RootElement.GetProperty("status").GetInt32());
        Assert.Equal("TRF.0151", JsonDocument.Parse(result.Stderr).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.True(StubCli.Body(_cli.Server.Requests[0]).GetProperty("migrate_failed_object").GetBoolean());
    }

    [Fact]
    public async Task Stop_of_a_paused_group_is_already_stopped()
    {
        _cli.Server.Enqueue(
            new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.0066\",\"error_msg\":\"not running\"}"),
            StubCli.Json("{\"group_id\":\"g1\",\"status\":3}"));

        CliResult result = await _cli.RunAsync("--json", "groups", "stop", "g1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("already_stopped", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Delete_of_an_unknown_group_prints_the_oms_error_and_the_catalog_advice()
    {
        _cli.Server.NextResponse = new StubResponse(400, StubResponse.Json, "{\"error_code\":\"OMS.1009\",\"error_msg\":\"No resources found.\"}");

        CliResult result = await _cli.RunAsync("groups", "delete", "nope");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error: OMS.1009", result.Stderr);
        Assert.Contains("advice:", result.Stderr);
        Assert.Equal("DeleteTaskGroup", Assert.Single(_cli.Server.Requests).Operation);
    }
}

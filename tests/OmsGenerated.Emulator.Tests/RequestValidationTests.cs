using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Bodies and parameters checked with the generated models: 400 OMS.0064 naming the field; routing errors.</summary>
public sealed class RequestValidationTests
{
    [Theory]
    [InlineData("dst_ak", """{"dst_ak":"%101%","dst_sk":"DSTSK"}""")]
    [InlineData("dst_sk", """{"dst_ak":"DSTAK"}""")]
    [InlineData("dst_ak", """{"dst_sk":"DSTSK","migrate_failed_object":true}""")]
    [InlineData("dst_ak", """{"dst_ak":"","dst_sk":"DSTSK"}""")]
    [InlineData("src_kms_key_id", """{"dst_ak":"A","dst_sk":"B","src_kms_key_id":"too-short"}""")]
    [InlineData("dst_crypto_type", """{"dst_ak":"A","dst_sk":"B","dst_crypto_type":"ROT13"}""")]
    public async Task An_invalid_StartTask_body_gets_400_OMS_0064_naming_the_field(string field, string json)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.PostAsync(
            TestClients.TasksPath(emulator) + "/1001/start",
            TestClients.Json(json.Replace("%101%", new string('a', 101), StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UTF-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Matches("^[0-9a-f]{32}$", string.Join(",", response.Headers.GetValues("X-Request-Id")));
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OMS.0064", body.RootElement.GetProperty("error_code").GetString());
        Assert.Equal("Invalid request parameters.", body.RootElement.GetProperty("error_msg").GetString());
        Assert.Equal("request parameter [" + field + "] invalid.", body.RootElement.GetProperty("error_detail").GetString());

        OmsClient client = TestClients.Create(emulator);
        Assert.Equal(MigrationTaskStatus.Stopped, (await client.ShowTaskAsync(emulator.ProjectId, 1001)).Status); // not started
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"dst_ak":"A","dst_sk":"B"} trailing""")]
    [InlineData("""{"dst_ak":"A","dst_sk":""")]
    public async Task A_StartTask_body_that_is_not_a_JSON_object_gets_400_OMS_0064(string json)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.PostAsync(TestClients.TasksPath(emulator) + "/1001/start", TestClients.Json(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"OMS.0064\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_client_surfaces_OMS_0064_with_the_field_in_ErrorDetail()
    {
        // The spec makes src_node.bucket optional (URL-list tasks have none), so the client sends it; OMS rejects it.
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false });
        OmsClient client = TestClients.Create(emulator);
        ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(() => client.CreateTaskAsync(emulator.ProjectId, new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { Region = "us-east-1" },
            DstNode = new DstNodeReq { Ak = "A", Sk = "S", Bucket = "d", Region = "cn-north-4" },
        }));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("OMS.0064", error.ErrorCode);
        Assert.Equal("request parameter [src_node.bucket] invalid.", error.ErrorDetail);
        Assert.Matches("^[0-9a-f]{32}$", error.RequestId);
    }

    [Theory]
    [InlineData("dst_node", """{"src_node":{"bucket":"b"}}""")]
    [InlineData("src_node", """{"dst_node":{"ak":"A","sk":"S","bucket":"b","region":"cn-north-4"}}""")]
    [InlineData("dst_node.bucket", """{"src_node":{"bucket":"b"},"dst_node":{"ak":"A","sk":"S","region":"cn-north-4"}}""")]
    [InlineData("src_node.ak", """{"src_node":{"bucket":"b","ak":"%101%"},"dst_node":{"ak":"A","sk":"S","bucket":"d","region":"cn-north-4"}}""")]
    [InlineData("bandwidth_policy.max_bandwidth", """{"src_node":{"bucket":"b"},"dst_node":{"ak":"A","sk":"S","bucket":"d","region":"r"},"bandwidth_policy":[{"start":"00:00","end":"01:00","max_bandwidth":5}]}""")]
    [InlineData("src_node.bucket", """{"src_node":{"region":"r"},"dst_node":{"ak":"A","sk":"S","bucket":"d","region":"r"}}""")]
    public async Task An_invalid_CreateTask_body_gets_400_OMS_0064_naming_the_field(string field, string json)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false });
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.PostAsync(TestClients.TasksPath(emulator),
            TestClients.Json(json.Replace("%101%", new string('k', 101), StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OMS.0064", body.RootElement.GetProperty("error_code").GetString());
        Assert.Equal("request parameter [" + field + "] invalid.", body.RootElement.GetProperty("error_detail").GetString());
    }

    [Fact]
    public async Task A_description_with_forbidden_characters_gets_OMS_0078()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false });
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.PostAsync(TestClients.TasksPath(emulator),
            TestClients.Json("""{"src_node":{"bucket":"b"},"dst_node":{"ak":"A","sk":"S","bucket":"d","region":"r"},"description":"a <b> c"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"OMS.0078\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?offset=10001", "offset")]
    [InlineData("?status=8", "status")]
    [InlineData("?status=x", "status")]
    public async Task Invalid_ListTasks_parameters_get_400_OMS_0064(string query, string field)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.GetAsync(TestClients.TasksPath(emulator) + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[" + field + "]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/{project}/tasks")]
    [InlineData("GET", "/v2/{project}/task-groups")]
    [InlineData("POST", "/v2/{project}/taskgroups/g1/stop")]
    [InlineData("GET", "/v2/{project}/objectstorage/buckets")]
    [InlineData("PUT", "/v2/{project}/tasks/1001")]
    [InlineData("GET", "/v2/{project}/tasks/1001/start")]
    [InlineData("POST", "/v2/{project}/tasks/1001/retry")]
    public async Task Unknown_APIs_get_404_APIGW_0101(string method, string path)
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{project}", emulator.ProjectId, StringComparison.Ordinal));
        using HttpResponseMessage response = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"APIGW.0101\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_id_that_is_not_a_number_gets_OMS_0064_and_an_unknown_one_OMS_1009()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using (HttpResponseMessage notNumber = await raw.GetAsync(TestClients.TasksPath(emulator) + "/abc"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
            Assert.Contains("[task_id]", await notNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        OmsClient client = TestClients.Create(emulator);
        foreach (Func<Task> call in new Func<Task>[]
        {
            () => client.ShowTaskAsync(emulator.ProjectId, 424242),
            () => client.StopTaskAsync(emulator.ProjectId, 424242),
            () => client.DeleteTaskAsync(emulator.ProjectId, 424242),
            () => client.StartTaskAsync(emulator.ProjectId, 424242, new StartTaskReq { DstAk = "A", DstSk = "B" }),
        })
        {
            ErrorResponseException error = await Assert.ThrowsAsync<ErrorResponseException>(call);
            Assert.Equal(400, error.StatusCode); // OMS.1009 is a 400, as the spec says
            Assert.Equal("OMS.1009", error.ErrorCode);
        }
    }
}

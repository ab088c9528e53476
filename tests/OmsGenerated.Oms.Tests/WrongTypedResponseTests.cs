using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Errors;
using OmsGenerated.Runtime.Json;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// A success body with a value of the wrong type is the typed <see cref="ApiErrorException"/> naming the JSON path
/// and the expected type (never a silent null or default), with the status and an excerpt; the value itself is not
/// in the read error.
/// </summary>
public sealed class WrongTypedResponseTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public WrongTypedResponseTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task An_object_where_a_string_is_declared_deep_in_a_list_names_its_path()
    {
        _server.Enqueue(JsonOk("""{"count":4,"tasks":[{"id":1},{"id":2,"error_reason":""},{"id":3},{"id":4,"src_node":{"bucket":{"secret-looking":"value-9f3c"}}}]}"""));
        using OmsClient client = Create(_server);

        ApiErrorException error = await Assert.ThrowsAnyAsync<ApiErrorException>(() => client.ListTasksAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("$.tasks[3].src_node.bucket", error.JsonPath);
        Assert.Contains("$.tasks[3].src_node.bucket", error.Message);
        Assert.Contains("string", error.Message);
        JsonReadException read = Assert.IsType<JsonReadException>(error.InnerException);
        Assert.Equal(JsonTokenType.StartObject, read.TokenType);
        Assert.DoesNotContain("value-9f3c", read.Message);
        Assert.Contains("\"count\":4", error.RawBodyExcerpt);
        Assert.Equal("ListTasks", Assert.Single(_server.Requests).Operation);
    }

    [Fact]
    public async Task A_boolean_sent_as_yes_is_an_error_not_false()
    {
        _server.Enqueue(JsonOk("""{"id":1001,"name":"t","is_query_over":"yes"}"""));
        using OmsClient client = Create(_server);

        ApiErrorException error = await Assert.ThrowsAnyAsync<ApiErrorException>(() => client.ShowTaskAsync(1001));

        Assert.Equal("$.is_query_over", error.JsonPath);
        Assert.Contains("not a boolean", error.Message);
    }

    [Fact]
    public async Task The_documented_lenient_forms_still_read()
    {
        _server.Enqueue(JsonOk("""{"id":"1001","name":7,"is_query_over":"false","error_reason":"","total_num":"3"}"""));
        using OmsClient client = Create(_server);

        TaskResp task = await client.ShowTaskAsync(1001);

        Assert.Equal(1001, task.Id);
        Assert.Equal("7", task.Name);
        Assert.False(task.IsQueryOver);
        Assert.Null(task.ErrorReason);
        Assert.Equal(3, task.TotalNum);
    }
}

using System.Text;
using System.Text.Json;
using OmsGenerated.Runtime.Json;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>What real OMS sends must deserialize: drifted types, unknown fields and values, and error_reason as "" or an object (LosslessModelTests: unknown fields are kept).</summary>
public sealed class TaskModelToleranceTests
{
    private static TaskResp Read(string json)
    {
        TaskResp? task = JsonRead.Document(Encoding.UTF8.GetBytes(json), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader));
        Assert.NotNull(task);
        return task!;
    }

    [Fact]
    public void Error_reason_as_an_empty_string_reads_as_null()
    {
        TaskResp task = Read("""{"id":191297407830872,"name":"t","status":5,"progress":1,"error_reason":""}""");

        Assert.Equal(191297407830872L, task.Id);
        Assert.Equal(MigrationTaskStatus.Succeeded, task.Status);
        Assert.Null(task.ErrorReason);
    }

    [Fact]
    public void Error_reason_as_an_object_reads_its_fields()
    {
        TaskResp task = Read("""{"id":1,"status":4,"error_reason":{"error_code":"TRF.0152","error_msg":"source AK/SK invalid"}}""");

        Assert.Equal(MigrationTaskStatus.Failed, task.Status);
        Assert.Equal("TRF.0152", task.ErrorReason?.ErrorCode);
        Assert.Equal("source AK/SK invalid", task.ErrorReason?.ErrorMsg);
    }

    [Fact]
    public void Unknown_fields_at_any_depth_do_not_disturb_the_known_ones()
    {
        TaskResp task = Read("""
            {"future_field":{"nested":[1,{"deep":true}],"x":null},"id":7,"extra":[[],[{}]],
             "src_node":{"bucket":"b","new_thing":{"a":1},"object_key":["k1","k2"]},"name":"after-unknowns"}
            """);

        Assert.Equal(7, task.Id);
        Assert.Equal("after-unknowns", task.Name);
        Assert.Equal("b", task.SrcNode?.Bucket);
        Assert.Equal(new[] { "k1", "k2" }, task.SrcNode?.ObjectKey);
    }

    [Fact]
    public void Unknown_enum_values_are_kept_not_rejected()
    {
        TaskResp task = Read("""{"id":1,"status":42,"task_type":"brand_new_type","task_priority":"URGENT"}""");

        Assert.Equal(42, task.Status?.Value);
        Assert.False(task.Status?.IsKnown);
        Assert.Equal("brand_new_type", task.TaskType?.Value);
        Assert.False(task.TaskType?.IsKnown);
        Assert.Equal("URGENT", task.TaskPriority?.Value);
    }

    [Fact]
    public void Drifted_scalar_types_are_read_leniently()
    {
        // numbers as strings, a boolean as a string, a number where a string is declared: read for what they say
        TaskResp task = Read("""{"id":"12","total_num":"100","progress":"0.5","is_query_over":"true","src_node":"","name":5}""");

        Assert.Equal(12, task.Id);
        Assert.Equal(100, task.TotalNum);
        Assert.Equal(0.5, task.Progress);
        Assert.True(task.IsQueryOver);
        Assert.Null(task.SrcNode);
        Assert.Equal("5", task.Name);
    }

    // Deliberate change (issue 9): a value that says something else than the description (here "n/a" for an object,
    // "yes" for a boolean) was read as null or false; it is now a read error naming where it is, never a silent default.
    [Theory]
    [InlineData("""{"id":1,"src_node":"n/a"}""", "$.src_node", "object")]
    [InlineData("""{"id":1,"is_query_over":"yes"}""", "$.is_query_over", "boolean")]
    [InlineData("""{"id":1.5}""", "$.id", "64-bit integer")]
    [InlineData("""{"id":1,"src_node":{"bucket":{"name":"b"}}}""", "$.src_node.bucket", "string")]
    [InlineData("""{"id":1,"src_node":{"object_key":["k",["nested"]]}}""", "$.src_node.object_key[1]", "string")]
    public void A_value_of_another_type_is_a_read_error_naming_its_path(string json, string path, string expected)
    {
        JsonReadException error = Assert.Throws<JsonReadException>(() => Read(json));

        Assert.Equal(path, error.JsonPath);
        Assert.Equal(expected, error.ExpectedType);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_list_response_with_mixed_tasks_reads_every_item()
    {
        ListTasksResponse? list = JsonRead.Document(
            Encoding.UTF8.GetBytes("""{"count":3,"tasks":[{"id":1,"error_reason":""},{"id":2,"error_reason":{"error_code":"TRF.0001"}},{"id":3,"status":99}]}"""),
            static (ref Utf8JsonReader reader) => ListTasksResponse.ReadJson(ref reader));

        Assert.NotNull(list);
        Assert.Equal(3, list!.Count);
        Assert.Equal(new long?[] { 1, 2, 3 }, list.Tasks!.ConvertAll(t => t.Id));
        Assert.Null(list.Tasks[0].ErrorReason);
        Assert.Equal("TRF.0001", list.Tasks[1].ErrorReason?.ErrorCode);
        Assert.False(list.Tasks[2].Status?.IsKnown);
    }

    [Fact]
    public void Truncated_or_invalid_json_yields_null_not_an_exception()
    {
        Assert.Null(JsonRead.Document(Encoding.UTF8.GetBytes("""{"id":1,"name":"t"""), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader)));
        Assert.Null(JsonRead.Document(Encoding.UTF8.GetBytes("<html>"), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader)));
        Assert.Null(JsonRead.Document(System.Array.Empty<byte>(), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader)));
    }
}

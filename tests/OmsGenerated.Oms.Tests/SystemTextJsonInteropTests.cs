using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// <c>JsonSerializer</c> gives the wire form of generated models and enums (their [JsonConverter] calls the generated
/// reader and writer), with reflection and with a source-generated context alike.
/// </summary>
public sealed class SystemTextJsonInteropTests
{
    [Fact]
    public void Serialize_writes_the_wire_names_and_values()
    {
        var body = new StartTaskReq { DstAk = "DSTAK", DstSk = "DSTSK", MigrateFailedObject = true };

        JsonNode written = JsonNode.Parse(JsonSerializer.Serialize(body))!;

        Assert.Equal("DSTAK", (string?)written["dst_ak"]);
        Assert.Equal("DSTSK", (string?)written["dst_sk"]);
        Assert.True((bool?)written["migrate_failed_object"]);
        Assert.Null(written["DstAk"]);
    }

    [Fact]
    public void Deserialize_reads_the_wire_form_including_enums_and_unknown_fields()
    {
        TaskResp task = JsonSerializer.Deserialize<TaskResp>("""{"id":7,"status":3,"task_type":"prefix","brand_new":[1]}""")!;

        Assert.Equal(7, task.Id);
        Assert.Equal(MigrationTaskStatus.Stopped, task.Status);
        Assert.Equal(TaskType.Prefix, task.TaskType);
        Assert.True(task.AdditionalData.ContainsKey("brand_new"));
    }

    [Fact]
    public void Enums_serialize_as_their_wire_value_inside_any_graph()
    {
        var values = new Dictionary<string, object> { ["status"] = MigrationTaskStatus.Stopped, ["type"] = TaskType.UrlList };

        string json = JsonSerializer.Serialize(values);

        Assert.Equal("""{"status":3,"type":"url_list"}""", json);
        Assert.Equal(TaskType.UrlList, JsonSerializer.Deserialize<TaskType>("\"url_list\""));
        Assert.Equal(new MigrationTaskStatus(99), JsonSerializer.Deserialize<MigrationTaskStatus>("99"));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_a_JsonException_with_the_path()
    {
        JsonException error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<List<TaskResp>>("""[{"id":1}, 42]"""));

        Assert.Equal("$[1]", error.Path);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TaskType>("[]")); // JsonReadException since issue 9
    }

    [Fact]
    public void A_source_generated_context_uses_the_same_converters()
    {
        TaskResp task = JsonSerializer.Deserialize("""{"id":9,"name":"n","src_node":{"bucket":"b"}}""", InteropContext.Default.TaskResp)!;

        Assert.Equal("b", task.SrcNode?.Bucket);
        JsonNode written = JsonNode.Parse(JsonSerializer.Serialize(task, InteropContext.Default.TaskResp))!;
        Assert.Equal("b", (string?)written["src_node"]!["bucket"]);
        Assert.Equal(9, (long?)written["id"]);
    }
}

[JsonSerializable(typeof(TaskResp))]
internal sealed partial class InteropContext : JsonSerializerContext
{
}

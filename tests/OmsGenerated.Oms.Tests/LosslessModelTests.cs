using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Serialization.Json;
using OmsGenerated.Runtime.Json;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// Generated models keep what the API description does not declare (Kiota's IAdditionalDataHolder): read → modify →
/// write loses nothing the server sent, at any depth, through our own JSON code and through Kiota's writer.
/// </summary>
public sealed class LosslessModelTests
{
    private const string WithUnknowns = """
        {"future_field":{"nested":[1,{"deep":true}],"x":null},"id":7,"extra":[[],[{}]],"big":123456789012345678901234567890,
         "src_node":{"bucket":"b","new_thing":{"a":1},"object_key":["k1","k2"]},"name":"after-unknowns"}
        """;

    private static TaskResp Read(string json)
        => JsonRead.Document(Encoding.UTF8.GetBytes(json), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader))
           ?? throw new InvalidOperationException("not read");

    private static string Write(TaskResp task)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            task.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Unknown_fields_at_any_depth_are_kept_and_written_back_unchanged()
    {
        TaskResp task = Read(WithUnknowns);

        Assert.Equal(new[] { "future_field", "extra", "big" }, task.AdditionalData.Keys);
        Assert.Equal(JsonValueKind.Object, Assert.IsType<JsonElement>(task.AdditionalData["future_field"]).ValueKind);
        Assert.Equal("123456789012345678901234567890", Assert.IsType<JsonElement>(task.AdditionalData["big"]).GetRawText());
        Assert.Equal("new_thing", Assert.Single(task.SrcNode!.AdditionalData.Keys));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WithUnknowns), JsonNode.Parse(Write(task))), Write(task));
    }

    [Fact]
    public void Changing_a_declared_property_keeps_the_unknown_ones()
    {
        TaskResp task = Read(WithUnknowns);
        task.Name = "renamed";
        task.SrcNode!.Bucket = "other";

        JsonNode written = JsonNode.Parse(Write(task))!;

        Assert.Equal("renamed", (string?)written["name"]);
        Assert.Equal("other", (string?)written["src_node"]!["bucket"]);
        Assert.Equal(1, (int?)written["src_node"]!["new_thing"]!["a"]);
        Assert.True((bool?)written["future_field"]!["nested"]![1]!["deep"]);
    }

    [Fact]
    public void Values_a_caller_adds_are_written_and_a_declared_name_is_never_written_twice()
    {
        var task = new TaskResp { Name = "declared" };
        task.AdditionalData["note"] = "hello";
        task.AdditionalData["count"] = 3;
        task.AdditionalData["ratio"] = 0.5;
        task.AdditionalData["flag"] = false;
        task.AdditionalData["node"] = new JsonObject { ["a"] = new JsonArray(1, 2) };
        task.AdditionalData["nothing"] = null!;
        task.AdditionalData["name"] = "shadow"; // declared: the property wins

        string json = Write(task);
        JsonNode written = JsonNode.Parse(json)!;

        Assert.Equal("hello", (string?)written["note"]);
        Assert.Equal(3, (int?)written["count"]);
        Assert.Equal(0.5, (double?)written["ratio"]);
        Assert.False((bool?)written["flag"]);
        Assert.Equal(2, (int?)written["node"]!["a"]![1]);
        Assert.True(written.AsObject().ContainsKey("nothing"));
        Assert.Equal("declared", (string?)written["name"]);
        Assert.Equal(2, json.Split("\"name\"").Length);
    }

    [Fact]
    public void A_value_without_a_json_form_is_an_argument_error_naming_the_key_not_the_value()
    {
        var task = new TaskResp();
        task.AdditionalData["when"] = new Uri("https://secret.example/?sk=SECRET-IN-URI");

        ArgumentException error = Assert.Throws<ArgumentException>(() => Write(task));

        Assert.Contains("AdditionalData[\"when\"]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_counts_undeclared_properties_but_never_prints_them()
    {
        TaskResp task = Read("""{"id":1,"leaked_sk":"SECRET-SK-VALUE","also":{"token":"SECRET-TOKEN"}}""");

        string text = task.ToString();

        Assert.Contains("2 undeclared properties", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked_sk", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kiota_serialization_writes_the_undeclared_properties_too()
    {
        TaskResp task = Read(WithUnknowns);
        using var writer = new JsonSerializationWriter();

        writer.WriteObjectValue(null, task);
        using var content = new StreamReader(writer.GetSerializedContent());
        JsonNode written = JsonNode.Parse(content.ReadToEnd())!;

        Assert.Equal(7, (long?)written["id"]);
        Assert.True((bool?)written["future_field"]!["nested"]![1]!["deep"]);
        Assert.Equal(1, (int?)written["src_node"]!["new_thing"]!["a"]);
    }
}

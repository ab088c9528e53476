using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Json;

namespace OmsGenerated.Emulator;

/// <summary>
/// Reads request bodies with the generated models (<c>ReadJson</c>) and checks them with their <c>Validate()</c>, so the
/// emulator enforces exactly what the spec declares. Problems become 400 OMS.0064 naming the JSON field.
/// </summary>
internal static class RequestBodies
{
    /// <summary>JSON property path of each generated model type, for naming nested fields in error_detail.</summary>
    private static readonly Dictionary<string, string> s_modelPaths = new(StringComparer.Ordinal)
    {
        ["StartTaskReq"] = string.Empty,
        ["CreateTaskReq"] = string.Empty,
        ["SrcNodeReq"] = "src_node.",
        ["DstNodeReq"] = "dst_node.",
        ["ListFile"] = "src_node.list_file.",
        ["BandwidthPolicyDto"] = "bandwidth_policy.",
        ["SourceCdnReq"] = "source_cdn.",
        ["SmnConfig"] = "smn_config.",
        ["TaskGroupSrcNode"] = "src_node.",
        ["TaskGroupDstNode"] = "dst_node.",
        ["PrefixKeyInfo"] = "prefix.",
    };

    /// <summary>Parses and validates a StartTask body; on failure <paramref name="error"/> is the 400 answer.</summary>
    public static StartTaskReq? ReadStartTask(byte[] body, out EmulatorResponse? error)
        => Read(body, static (ref Utf8JsonReader reader) => StartTaskReq.ReadJson(ref reader), static request => request.Validate(), out error);

    /// <summary>Parses and validates a CreateTask body; on failure <paramref name="error"/> is the 400 answer.</summary>
    public static CreateTaskReq? ReadCreateTask(byte[] body, out EmulatorResponse? error)
    {
        CreateTaskReq? request = Read(body, static (ref Utf8JsonReader reader) => CreateTaskReq.ReadJson(ref reader), static request => request.Validate(), out error);
        if (request is null)
        {
            return null;
        }

        // Rules OMS enforces beyond the generated constraints.
        if (request.Description is { } description && description.AsSpan().IndexOfAny("<>()\"'&^") >= 0)
        {
            error = OmsErrors.ForbiddenDescription();
            return null;
        }

        if (request.TaskType != TaskType.UrlList && string.IsNullOrEmpty(request.SrcNode.Bucket))
        {
            error = OmsErrors.InvalidParameter("src_node.bucket");
            return null;
        }

        return request;
    }

    /// <summary>Parses and validates any body with its generated model; on failure <paramref name="error"/> is the 400 answer.</summary>
    public static T? ReadModel<T>(byte[] body, JsonReadFunc<T?> read, Action<T> validate, out EmulatorResponse? error)
        where T : class
        => Read(body, read, validate, out error);

    /// <summary>Whether a description has characters OMS forbids (400 OMS.0078).</summary>
    public static bool HasForbiddenCharacters(string? description)
        => description is not null && description.AsSpan().IndexOfAny("<>()\"'&^") >= 0;

    /// <summary>The JSON name of the field an ArgumentException from a generated Validate() names, e.g. "StartTaskReq.dst_ak" → "dst_ak".</summary>
    public static string FieldOf(ArgumentException exception)
    {
        string name = exception.ParamName ?? string.Empty;
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return name.Length > 0 ? name : "body";
        }

        string model = name.Substring(0, dot);
        string field = name.Substring(dot + 1);
        return s_modelPaths.TryGetValue(model, out string? prefix) ? prefix + field : field;
    }

    private static T? Read<T>(byte[] body, JsonReadFunc<T?> read, Action<T> validate, out EmulatorResponse? error)
        where T : class
    {
        // Utf8JsonReader leaves string contents unchecked until a model reads them; check the whole body first, so
        // invalid UTF-8 anywhere is the same 400 as any other malformed body.
        if (!Utf8.IsValid(body))
        {
            error = OmsErrors.InvalidEncoding();
            return null;
        }

        T? value;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read())
            {
                error = OmsErrors.InvalidBody();
                return null;
            }

            value = read(ref reader);
            if (reader.Read())
            {
                error = OmsErrors.InvalidBody(); // trailing content after the object
                return null;
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException/FormatException: a generated reader met a token of the wrong kind or form.
            error = OmsErrors.InvalidBody();
            return null;
        }

        if (value is null)
        {
            error = OmsErrors.InvalidBody();
            return null;
        }

        try
        {
            validate(value);
        }
        catch (ArgumentException exception)
        {
            error = OmsErrors.InvalidParameter(FieldOf(exception));
            return null;
        }

        error = null;
        return value;
    }
}

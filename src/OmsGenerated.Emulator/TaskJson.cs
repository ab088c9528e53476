using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// Writes ShowTask and ListTasks answers with the generated models' <c>WriteJson</c>, adding <c>"error_reason": ""</c>
/// to tasks that have not failed, as live OMS does (the generated writer leaves out a null ErrorReason).
/// </summary>
internal static class TaskJson
{
    private static readonly byte[] s_emptyErrorReason = ""","error_reason":""}"""u8.ToArray();

    /// <summary>The ShowTask body.</summary>
    public static byte[] Task(TaskResp task) => TaskBytes(task);

    /// <summary>The ListTasks body: <c>{"tasks":[…],"count":n}</c>.</summary>
    public static byte[] List(IReadOnlyList<TaskResp> tasks, long count)
    {
        var buffer = new ArrayBufferWriter<byte>(1024 * (tasks.Count + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tasks"u8);
            foreach (TaskResp task in tasks)
            {
                writer.WriteRawValue(TaskBytes(task), skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count"u8, count);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] TaskBytes(TaskResp task)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            task.WriteJson(writer);
        }

        ReadOnlySpan<byte> json = buffer.WrittenSpan;
        if (task.ErrorReason is not null)
        {
            return json.ToArray();
        }

        // The object always has "id" first, so it is never empty: replace the closing brace with ,"error_reason":""}.
        if (json.Length < 3 || json[^1] != (byte)'}')
        {
            throw new InvalidOperationException("TaskResp.WriteJson did not write a non-empty JSON object.");
        }

        byte[] result = new byte[json.Length - 1 + s_emptyErrorReason.Length];
        json[..^1].CopyTo(result);
        s_emptyErrorReason.CopyTo(result.AsSpan(json.Length - 1));
        return result;
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using OmsGenerated.Runtime.Http;

namespace OmsGenerated.Runtime.Json;

/// <summary>Serializes a request body once, straight to UTF-8, into an exactly sized array.</summary>
public static class JsonBody
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static readonly JsonWriterOptions s_options = new() { SkipValidation = true };

    public static JsonBodyContent Create<T>(T value, Action<Utf8JsonWriter, T> write)
        => new(ToUtf8(value, write));

    /// <summary>A JSON body sent with the declared media type (a <c>+json</c> or vendor type) instead of <c>application/json</c>.</summary>
    public static JsonBodyContent Create<T>(T value, Action<Utf8JsonWriter, T> write, string contentType)
        => new(ToUtf8(value, write), contentType);

    public static Stream CreateStream<T>(T value, Action<Utf8JsonWriter, T> write)
        => new MemoryStream(ToUtf8(value, write), writable: false);

    public static byte[] ToUtf8<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, s_options);
        }
        else
        {
            writer.Reset(buffer);
        }

        // Taken off the thread while in use, so a write callback that re-enters gets fresh ones.
        t_buffer = null;
        t_writer = null;
        try
        {
            write(writer, value);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= 64 * 1024)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
                t_writer = writer;
            }
        }
    }
}

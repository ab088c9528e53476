using System;
using System.Buffers;
using System.Text.Json;

namespace OmsGenerated.Emulator;

/// <summary>Writes a generated model (or anything with a writer callback) to UTF-8 JSON bytes.</summary>
internal static class ModelJson
{
    public static byte[] Write<T>(T model, Action<T, Utf8JsonWriter> write, int initialCapacity = 256)
    {
        var buffer = new ArrayBufferWriter<byte>(initialCapacity);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(model, writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a generated model from a stored JSON element.</summary>
    public static T Read<T>(JsonElement element, OmsGenerated.Runtime.Json.JsonReadFunc<T?> read)
        where T : class
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        return read(ref reader) ?? throw new JsonException("A stored " + typeof(T).Name + " is null.");
    }
}

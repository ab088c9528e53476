using System;
using System.Text.Json;

namespace OmsGenerated.Runtime.Json;

/// <summary>Finds the discriminator value of a polymorphic JSON object before the object is read.</summary>
public static class Discriminator
{
    /// <summary>
    /// With <paramref name="reader"/> on a <see cref="JsonTokenType.StartObject"/>, returns the string value of the
    /// object's first top-level property named <paramref name="propertyName"/>, or null when there is none, it is not
    /// a string, or the buffer ends first. The reader is a copy: the caller's reader does not move, and when the
    /// discriminator comes first (as writers usually put it) only that property is looked at.
    /// </summary>
    public static string? Find(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool matches = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                return null;
            }

            if (matches)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return null;
    }
}

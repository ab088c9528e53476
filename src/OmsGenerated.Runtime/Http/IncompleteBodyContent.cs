using System;
using System.Net.Http;

namespace OmsGenerated.Runtime.Http;

/// <summary>The part of a success body that arrived before the body broke off; see <see cref="ResponseBufferingHandler"/>.</summary>
internal sealed class IncompleteBodyContent : ByteArrayContent
{
    public IncompleteBodyContent(byte[] buffer, int count)
        : base(buffer, 0, count)
    {
        Received = buffer.AsMemory(0, count);
    }

    /// <summary>The bytes that arrived.</summary>
    public ReadOnlyMemory<byte> Received { get; }
}

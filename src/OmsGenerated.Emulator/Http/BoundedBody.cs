using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OmsGenerated.Emulator.Http;

/// <summary>
/// Reads a request body into one array of exactly its size, never more than a limit. With a Content-Length the array
/// is allocated once; a chunked body grows by doubling up to the limit. No pooling: a pooled 12 MB buffer would keep
/// the memory after a burst of large bodies.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (reading stops at limit + 1 bytes).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > limit)
            {
                return null;
            }

            byte[] exact = new byte[declared];
            int filled = 0;
            while (filled < exact.Length)
            {
                int read = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new System.IO.IOException("The request body ended before Content-Length bytes.");
                }

                filled += read;
            }

            return exact;
        }

        byte[] buffer = new byte[16 * 1024];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1L));
            }

            int read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > limit)
        {
            return null;
        }

        return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Writes the <c>SDK-HMAC-SHA256</c> canonical request as UTF-8:
/// <c>METHOD\nCanonicalURI\nCanonicalQuery\nname:trim(value)\n…\n\nname;…\nPayloadHash</c>.
/// </summary>
/// <remarks>
/// <para>Path: percent-decoded, split on <c>/</c> (a decoded <c>%2F</c> too), every segment re-encoded, a trailing
/// <c>/</c> appended. As in the Python SDK (<c>quote(unquote(path), safe='~')</c>), bytes that are not valid UTF-8
/// become U+FFFD, and <c>.</c>/<c>..</c> are ordinary segments (<see cref="Uri"/> has already removed the ones the request
/// sends literally).</para>
/// <para>Query: names and values decoded to bytes (a <c>+</c> stays a <c>+</c>), sorted by name then value in byte order,
/// re-encoded as <c>name=value</c>. Encoding keeps <c>A-Z a-z 0-9 - _ . ~</c> and writes upper-case <c>%XX</c> otherwise.</para>
/// </remarks>
internal static class CanonicalRequest
{
    /// <summary>The header whose signed value replaces the body hash (e.g. <see cref="AkSkSigner.UnsignedPayload"/>).</summary>
    internal const string ContentSha256Name = "x-sdk-content-sha256";

    private const int HexHashLength = 64;
    private static readonly SearchValues<char> PathVerbatimChars = SearchValues.Create("-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
    private static readonly SearchValues<byte> PathVerbatim = SearchValues.Create("-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~"u8);
    private static readonly SearchValues<char> AsciiButPercent = SearchValues.Create(string.Concat(Enumerable.Range(0, 0x80).Where(c => c != '%').Select(c => (char)c)));
    private static readonly SearchValues<char> QueryVerbatim = SearchValues.Create("&-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");
    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;

    /// <summary>An upper bound of the bytes <see cref="Write"/> writes, and of the scratch space it needs.</summary>
    public static int MaxLength(string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> headers, out int scratchLength)
    {
        string query = uri.Query;
        scratchLength = 3 * Math.Max(uri.AbsolutePath.Length, query.Length);
        int length = Encoding.UTF8.GetByteCount(method) + MaxEncodedLength(uri.AbsolutePath, PathVerbatimChars) + 1
            + MaxEncodedLength(query, QueryVerbatim) + query.AsSpan().Count('&') + 1 + 6 + HexHashLength;
        foreach (KeyValuePair<string, string> header in headers)
        {
            string name = header.Key ?? throw new ArgumentException("A signed header name is null.", "signedHeaders");
            int value = Encoding.UTF8.GetByteCount(header.Value ?? string.Empty);
            length += (2 * Encoding.UTF8.GetByteCount(name)) + value + 3;
            if (name == ContentSha256Name)
            {
                length += value;
            }
        }

        return length;
    }

    /// <summary>Writes the canonical request into <paramref name="destination"/>; returns its length.</summary>
    public static int Write(
        string method,
        Uri uri,
        ReadOnlySpan<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        Span<byte> destination,
        Span<byte> scratch)
    {
        int pos = Encoding.UTF8.GetBytes(method, destination);
        for (int i = 0; i < pos; i++)
        {
            if ((uint)(destination[i] - 'a') <= 'z' - 'a')
            {
                destination[i] -= 'a' - 'A';
            }
        }

        destination[pos++] = (byte)'\n';
        pos += WritePath(uri.AbsolutePath, destination.Slice(pos), scratch);
        destination[pos++] = (byte)'\n';
        pos += WriteQuery(uri.Query, destination.Slice(pos), scratch);
        destination[pos++] = (byte)'\n';

        string? payloadHash = null;
        foreach (KeyValuePair<string, string> header in headers)
        {
            ReadOnlySpan<char> value = (header.Value ?? string.Empty).AsSpan().Trim();
            pos += Encoding.UTF8.GetBytes(header.Key, destination.Slice(pos));
            destination[pos++] = (byte)':';
            pos += Encoding.UTF8.GetBytes(value, destination.Slice(pos));
            destination[pos++] = (byte)'\n';
            if (header.Key == ContentSha256Name)
            {
                payloadHash = header.Value ?? string.Empty;
            }
        }

        destination[pos++] = (byte)'\n';
        for (int i = 0; i < headers.Length; i++)
        {
            if (i > 0)
            {
                destination[pos++] = (byte)';';
            }

            pos += Encoding.UTF8.GetBytes(headers[i].Key, destination.Slice(pos));
        }

        destination[pos++] = (byte)'\n';
        if (payloadHash is not null)
        {
            return pos + Encoding.UTF8.GetBytes(payloadHash.AsSpan().Trim(), destination.Slice(pos));
        }

        Span<byte> hash = stackalloc byte[32];
        AkSkSigner.Sha256(body, hash);
        AkSkSigner.WriteHexLower(hash, destination.Slice(pos, HexHashLength));
        return pos + HexHashLength;
    }

    /// <summary>Canonical URI of a raw (escaped) absolute path; <paramref name="scratch"/> holds the decoded bytes.</summary>
    public static int WritePath(string path, Span<byte> destination, Span<byte> scratch)
    {
        int pos = 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (ReadOnlySpan<byte> rest = scratch.Slice(0, PercentDecode(path, scratch)); !rest.IsEmpty;)
        {
            // Runs of unreserved bytes and '/' (usually the whole path) are copied as they are; a decoded %2F separates too.
            int run = rest.IndexOfAnyExcept(PathVerbatim);
            run = run < 0 ? rest.Length : run;
            rest.Slice(0, run).CopyTo(destination.Slice(pos));
            pos += run;
            rest = rest.Slice(run);
            if (!rest.IsEmpty)
            {
                Rune.DecodeFromUtf8(rest, out Rune rune, out int consumed); // invalid bytes give U+FFFD, as Python's unquote
                pos += WriteEncoded(utf8.Slice(0, rune.EncodeToUtf8(utf8)), destination.Slice(pos));
                rest = rest.Slice(consumed);
            }
        }

        if (pos == 0 || destination[pos - 1] != (byte)'/')
        {
            destination[pos++] = (byte)'/';
        }

        return pos;
    }

    /// <summary>Canonical query of a raw (escaped) query, with or without the leading <c>?</c>; <paramref name="scratch"/> holds the decoded bytes.</summary>
    public static int WriteQuery(string query, Span<byte> destination, Span<byte> scratch)
    {
        ReadOnlySpan<char> rest = query.AsSpan().TrimStart('?');
        int maxParameters = rest.Count('&') + 1;
        int[]? rented = null;

        // Per parameter: start and length of the decoded name, then of the decoded value, in scratch.
        Span<int> ranges = maxParameters <= 32 ? stackalloc int[maxParameters * 4] : (rented = ArrayPool<int>.Shared.Rent(maxParameters * 4));
        try
        {
            int count = 0;
            int decodedLength = 0;
            while (!rest.IsEmpty)
            {
                int amp = rest.IndexOf('&');
                ReadOnlySpan<char> pair = amp < 0 ? rest : rest.Slice(0, amp);
                rest = amp < 0 ? default : rest.Slice(amp + 1);
                if (pair.IsEmpty)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                Span<int> range = ranges.Slice(count++ * 4, 4);
                range[0] = decodedLength;
                range[1] = PercentDecode(eq < 0 ? pair : pair.Slice(0, eq), scratch.Slice(decodedLength));
                range[2] = decodedLength += range[1];
                range[3] = eq < 0 ? 0 : PercentDecode(pair.Slice(eq + 1), scratch.Slice(decodedLength));
                decodedLength += range[3];
            }

            // Insertion sort by (name, value) bytes: parameter lists are short.
            Span<int> moving = stackalloc int[4];
            for (int i = 1; i < count; i++)
            {
                ranges.Slice(i * 4, 4).CopyTo(moving);
                int j = i - 1;
                for (; j >= 0 && Compare(scratch, ranges.Slice(j * 4, 4), moving) > 0; j--)
                {
                    ranges.Slice(j * 4, 4).CopyTo(ranges.Slice((j + 1) * 4, 4));
                }

                moving.CopyTo(ranges.Slice((j + 1) * 4, 4));
            }

            int pos = 0;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    destination[pos++] = (byte)'&';
                }

                pos += WriteEncoded(scratch.Slice(ranges[i * 4], ranges[(i * 4) + 1]), destination.Slice(pos));
                destination[pos++] = (byte)'=';
                pos += WriteEncoded(scratch.Slice(ranges[(i * 4) + 2], ranges[(i * 4) + 3]), destination.Slice(pos));
            }

            return pos;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        static int Compare(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
        {
            int byName = bytes.Slice(a[0], a[1]).SequenceCompareTo(bytes.Slice(b[0], b[1]));
            return byName != 0 ? byName : bytes.Slice(a[2], a[3]).SequenceCompareTo(bytes.Slice(b[2], b[3]));
        }
    }

    /// <summary>Bytes of the escaped text: <c>%XX</c> decoded, other characters as UTF-8 (a lone surrogate as U+FFFD).</summary>
    private static int PercentDecode(ReadOnlySpan<char> s, Span<byte> destination)
    {
        int pos = 0;
        while (!s.IsEmpty)
        {
            int run = s.IndexOfAnyExcept(AsciiButPercent);
            run = run < 0 ? s.Length : run;
            pos += Encoding.ASCII.GetBytes(s.Slice(0, run), destination.Slice(pos));
            s = s.Slice(run);
            if (s.IsEmpty)
            {
                break;
            }

            if (s[0] == '%' && s.Length > 2 && IsHex(s[1]) && IsHex(s[2]))
            {
                destination[pos++] = (byte)((HexValue(s[1]) << 4) | HexValue(s[2]));
                s = s.Slice(3);
            }
            else
            {
                Rune.DecodeFromUtf16(s, out Rune rune, out int consumed); // '%' as itself; a lone surrogate gives U+FFFD
                pos += rune.EncodeToUtf8(destination.Slice(pos));
                s = s.Slice(consumed);
            }
        }

        return pos;
    }

    private static int WriteEncoded(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        int pos = 0;
        foreach (byte b in bytes)
        {
            if (b < 0x80 && IsUnreserved((char)b))
            {
                destination[pos++] = b;
            }
            else
            {
                destination[pos] = (byte)'%';
                destination[pos + 1] = UpperHex[b >> 4];
                destination[pos + 2] = UpperHex[b & 0xF];
                pos += 3;
            }
        }

        return pos;
    }

    /// <summary>Upper bound of the encoded bytes: verbatim characters 1, other ASCII 3, <c>%</c> and non-ASCII 9 (three <c>%XX</c>, e.g. U+FFFD for an invalid byte).</summary>
    private static int MaxEncodedLength(string s, SearchValues<char> verbatim)
    {
        int length = 1; // the path's trailing '/'
        ReadOnlySpan<char> rest = s;
        for (int i; (i = rest.IndexOfAnyExcept(verbatim)) >= 0; rest = rest.Slice(i + 1))
        {
            length += i + (rest[i] >= 0x80 || rest[i] == '%' ? 9 : 3);
        }

        return length + rest.Length;
    }

    private static bool IsUnreserved(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || c == '_' || c == '.' || c == '~';

    private static bool IsHex(char c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

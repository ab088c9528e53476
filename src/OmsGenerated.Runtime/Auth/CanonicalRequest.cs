using System;
using System.Buffers;
using System.Collections.Generic;
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
    private const string UnreservedChars = "-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~";
    private static readonly SearchValues<byte> Unreserved = SearchValues.Create(Encoding.ASCII.GetBytes(UnreservedChars));
    private static readonly SearchValues<char> PathVerbatimChars = SearchValues.Create(UnreservedChars + "/");
    private static readonly SearchValues<char> QueryVerbatimChars = SearchValues.Create(UnreservedChars + "&");

    /// <summary>An upper bound of the bytes <see cref="Write"/> writes, and of the scratch space it needs.</summary>
    public static int MaxLength(string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> headers, out int scratchLength)
    {
        string query = uri.Query;
        scratchLength = 3 * Math.Max(uri.AbsolutePath.Length, query.Length);
        int length = method.Length + MaxEncodedLength(uri.AbsolutePath, PathVerbatimChars) + 1
            + MaxEncodedLength(query, QueryVerbatimChars) + query.AsSpan().Count('&') + 1 + 6 + HexHashLength;
        foreach (KeyValuePair<string, string> header in headers)
        {
            // name:value\n, name; and (for x-sdk-content-sha256) the value again as the payload line
            string name = header.Key ?? throw new ArgumentException("A signed header name is null.", "signedHeaders");
            length += (2 * (Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(header.Value ?? string.Empty))) + 3;
        }

        return length;
    }

    /// <summary>Writes the canonical request into <paramref name="destination"/>; returns its length.</summary>
    public static int Write(
        string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body, Span<byte> destination, Span<byte> scratch)
    {
        if (Ascii.ToUpper(method, destination, out int pos) != OperationStatus.Done)
        {
            throw new ArgumentException("The HTTP method is not an ASCII token.", nameof(method));
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
        // Usually the whole path is unreserved characters and '/': copied as it is, no decoding.
        bool verbatim = path.AsSpan().IndexOfAnyExcept(PathVerbatimChars) < 0;
        int pos = verbatim ? Encoding.ASCII.GetBytes(path, destination) : 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (ReadOnlySpan<byte> rest = verbatim ? default : scratch.Slice(0, PercentDecode(path, scratch)); !rest.IsEmpty;)
        {
            Rune.DecodeFromUtf8(rest, out Rune rune, out int consumed); // invalid bytes give U+FFFD, as Python's unquote
            rest = rest.Slice(consumed);
            if (rune.Value == '/')
            {
                destination[pos++] = (byte)'/'; // a decoded %2F separates segments too
            }
            else
            {
                pos += WriteEncoded(utf8.Slice(0, rune.EncodeToUtf8(utf8)), destination.Slice(pos));
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
        if (rest.IsEmpty)
        {
            return 0;
        }

        int maxParameters = rest.Count('&') + 1;
        Span<Parameter> parameters = maxParameters <= 32 ? stackalloc Parameter[maxParameters] : new Parameter[maxParameters];
        int count = 0;
        int decoded = 0;
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
            int nameLength = PercentDecode(eq < 0 ? pair : pair.Slice(0, eq), scratch.Slice(decoded));
            int valueLength = eq < 0 ? 0 : PercentDecode(pair.Slice(eq + 1), scratch.Slice(decoded + nameLength));
            parameters[count++] = new Parameter(decoded, nameLength, decoded + nameLength, valueLength);
            decoded += nameLength + valueLength;
        }

        // Insertion sort by (name, value) bytes: parameter lists are short.
        for (int i = 1; i < count; i++)
        {
            Parameter moving = parameters[i];
            int j = i - 1;
            for (; j >= 0 && parameters[j].CompareTo(moving, scratch) > 0; j--)
            {
                parameters[j + 1] = parameters[j];
            }

            parameters[j + 1] = moving;
        }

        int pos = 0;
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                destination[pos++] = (byte)'&';
            }

            pos += WriteEncoded(scratch.Slice(parameters[i].NameStart, parameters[i].NameLength), destination.Slice(pos));
            destination[pos++] = (byte)'=';
            pos += WriteEncoded(scratch.Slice(parameters[i].ValueStart, parameters[i].ValueLength), destination.Slice(pos));
        }

        return pos;
    }

    /// <summary>Bytes of the escaped text: <c>%XX</c> decoded, other characters as UTF-8 (a lone surrogate as U+FFFD).</summary>
    private static int PercentDecode(ReadOnlySpan<char> s, Span<byte> destination)
    {
        int pos = 0;
        for (int i = 0; i < s.Length;)
        {
            if (s[i] == '%' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                destination[pos++] = (byte)((Uri.FromHex(s[i + 1]) << 4) | Uri.FromHex(s[i + 2]));
                i += 3;
            }
            else
            {
                Rune.DecodeFromUtf16(s.Slice(i), out Rune rune, out int consumed); // a lone surrogate gives U+FFFD
                pos += rune.EncodeToUtf8(destination.Slice(pos));
                i += consumed;
            }
        }

        return pos;
    }

    private static int WriteEncoded(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        int pos = 0;
        foreach (byte b in bytes)
        {
            if (Unreserved.Contains(b))
            {
                destination[pos++] = b;
            }
            else
            {
                destination[pos] = (byte)'%';
                destination[pos + 1] = (byte)"0123456789ABCDEF"[b >> 4];
                destination[pos + 2] = (byte)"0123456789ABCDEF"[b & 0xF];
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

    /// <summary>Where a query parameter's decoded name and value are in the scratch bytes.</summary>
    private readonly record struct Parameter(int NameStart, int NameLength, int ValueStart, int ValueLength)
    {
        public int CompareTo(Parameter other, ReadOnlySpan<byte> bytes)
        {
            int byName = bytes.Slice(NameStart, NameLength).SequenceCompareTo(bytes.Slice(other.NameStart, other.NameLength));
            return byName != 0 ? byName : bytes.Slice(ValueStart, ValueLength).SequenceCompareTo(bytes.Slice(other.ValueStart, other.ValueLength));
        }
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// The Huawei Cloud <c>SDK-HMAC-SHA256</c> AK/SK request signature (APIG "SDK" signing).
/// </summary>
/// <remarks>
/// <para>Canonical request: <c>METHOD\nCanonicalURI\nCanonicalQuery\nCanonicalHeaders\nSignedHeaders\nhex(SHA-256(body))</c>.</para>
/// <para>The path is percent-decoded, split on <c>/</c> and every segment re-encoded (unreserved
/// <c>A-Z a-z 0-9 - _ . ~</c> kept, everything else <c>%XX</c> upper-case, on UTF-8 bytes); a trailing <c>/</c> is appended.
/// Query parameters are decoded, sorted by name then value (UTF-8 byte order, which equals ordinal order outside
/// surrogate pairs) and re-encoded as <c>name=value</c>. A literal <c>+</c> is not a space.</para>
/// <para>String to sign: <c>SDK-HMAC-SHA256\n{X-Sdk-Date}\nhex(SHA-256(canonical request))</c>; signature:
/// lower-case hex <c>HMAC-SHA256(UTF-8(SK), string to sign)</c>.</para>
/// <para>The implementation works on stack or pooled buffers: the only allocation is the returned string (plus, once
/// per thread, the reused SHA-256 context). The HMAC is computed on that SHA-256 context (RFC 2104), so no key material
/// outlives a call.</para>
/// </remarks>
public static class AkSkSigner
{
    /// <summary>The algorithm name, also the Authorization scheme.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The <c>X-Sdk-Date</c> header name.</summary>
    public const string SdkDateHeader = "X-Sdk-Date";

    /// <summary>The custom format of <c>X-Sdk-Date</c> (always UTC).</summary>
    public const string SdkDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Lower-case hex SHA-256 of an empty body.</summary>
    public const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const int StackThreshold = 1024;
    private const int HashSize = 32;
    private const int Sha256BlockSize = 64;
    private const int HexHashSize = 64;
    private static ReadOnlySpan<byte> LowerHex => "0123456789abcdef"u8;
    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;
    private static ReadOnlySpan<byte> StringToSignPrefix => "SDK-HMAC-SHA256\n"u8;

    /// <summary>The characters a canonical path keeps as they are: the unreserved ones and <c>/</c>.</summary>
    private static readonly SearchValues<char> PathVerbatim = SearchValues.Create("-./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    /// <summary>Formats an instant as <c>yyyyMMddTHHmmssZ</c> in UTC, culture-independent.</summary>
    public static string FormatSdkDate(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        Span<char> chars = stackalloc char[16];
        Write4(chars, utc.Year);
        Write2(chars.Slice(4), utc.Month);
        Write2(chars.Slice(6), utc.Day);
        chars[8] = 'T';
        Write2(chars.Slice(9), utc.Hour);
        Write2(chars.Slice(11), utc.Minute);
        Write2(chars.Slice(13), utc.Second);
        chars[15] = 'Z';
        return new string(chars);

        static void Write2(Span<char> d, int v)
        {
            d[0] = (char)('0' + (v / 10));
            d[1] = (char)('0' + (v % 10));
        }

        static void Write4(Span<char> d, int v)
        {
            Write2(d, v / 100);
            Write2(d.Slice(2), v % 100);
        }
    }

    /// <summary>Computes the lower-case hex signature.</summary>
    /// <param name="method">HTTP method (upper-cased for signing).</param>
    /// <param name="uri">Absolute request URI; its path and query are canonicalised.</param>
    /// <param name="signedHeaders">The headers to sign: lower-case names, sorted ordinally, values as sent. Must include <c>x-sdk-date</c>.</param>
    /// <param name="body">The exact body bytes sent (empty when there is no body).</param>
    /// <param name="sdkDate">The exact <c>X-Sdk-Date</c> value sent.</param>
    /// <param name="secretKey">The secret key.</param>
    public static string ComputeSignature(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body,
        string sdkDate,
        string secretKey)
    {
        KeyValuePair<string, string>[]? rented = null;
        try
        {
            ReadOnlySpan<KeyValuePair<string, string>> headers = AsSpan(signedHeaders, ref rented);
            Span<byte> mac = stackalloc byte[HashSize];
            ComputeSignatureCore(method, uri, headers, body, sdkDate, secretKey, mac, default);
            Span<char> hex = stackalloc char[HexHashSize];
            WriteHexLower(mac, hex);
            return new string(hex);
        }
        finally
        {
            Return(rented, signedHeaders.Count);
        }
    }

    /// <summary>
    /// Signs and returns the complete <c>Authorization</c> value
    /// <c>SDK-HMAC-SHA256 Access={AK}, SignedHeaders=a;b;c, Signature={hex}</c> (a single string allocation).
    /// </summary>
    public static string CreateAuthorization(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body,
        string sdkDate,
        string accessKey,
        string secretKey)
    {
        KeyValuePair<string, string>[]? rented = null;
        try
        {
            return CreateAuthorization(method, uri, AsSpan(signedHeaders, ref rented), body, sdkDate, accessKey, secretKey);
        }
        finally
        {
            Return(rented, signedHeaders.Count);
        }
    }

    /// <summary>Builds <c>SDK-HMAC-SHA256 Access={AK}, SignedHeaders=a;b;c, Signature={hex}</c> from an already computed signature.</summary>
    public static string BuildAuthorization(string accessKey, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, string signature)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(signature);
        var sb = new StringBuilder(Algorithm.Length + accessKey.Length + signature.Length + 64);
        sb.Append(Algorithm).Append(" Access=").Append(accessKey).Append(", SignedHeaders=");
        for (int i = 0; i < signedHeaders.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(';');
            }

            sb.Append(signedHeaders[i].Key);
        }

        return sb.Append(", Signature=").Append(signature).ToString();
    }

    internal static string CreateAuthorization(
        string method,
        Uri uri,
        ReadOnlySpan<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body,
        string sdkDate,
        string accessKey,
        string secretKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        Span<byte> mac = stackalloc byte[HashSize];
        ComputeSignatureCore(method, uri, signedHeaders, body, sdkDate, secretKey, mac, default);

        // "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + names + ", Signature=" + hex
        int length = Algorithm.Length + 8 + accessKey.Length + 16 + 12 + HexHashSize;
        for (int i = 0; i < signedHeaders.Length; i++)
        {
            length += signedHeaders[i].Key.Length + (i > 0 ? 1 : 0);
        }

        char[]? rentedChars = null;
        Span<char> chars = length <= 512 ? stackalloc char[length] : (rentedChars = ArrayPool<char>.Shared.Rent(length));
        try
        {
            int pos = 0;
            Append(chars, ref pos, Algorithm);
            Append(chars, ref pos, " Access=");
            Append(chars, ref pos, accessKey);
            Append(chars, ref pos, ", SignedHeaders=");
            for (int i = 0; i < signedHeaders.Length; i++)
            {
                if (i > 0)
                {
                    chars[pos++] = ';';
                }

                Append(chars, ref pos, signedHeaders[i].Key);
            }

            Append(chars, ref pos, ", Signature=");
            WriteHexLower(mac, chars.Slice(pos, HexHashSize));
            pos += HexHashSize;
            return new string(chars.Slice(0, pos));
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }

        static void Append(Span<char> dest, ref int pos, string s)
        {
            s.AsSpan().CopyTo(dest.Slice(pos));
            pos += s.Length;
        }
    }

    /// <summary>The canonical request as a string (diagnostics and tests only: it contains signed header values).</summary>
    internal static string BuildCanonicalRequest(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body)
    {
        KeyValuePair<string, string>[]? rented = null;
        ReadOnlySpan<KeyValuePair<string, string>> headers = AsSpan(signedHeaders, ref rented);
        byte[] buffer = new byte[CanonicalRequestBound(method, uri, headers, out int scratch) + scratch];
        int length = WriteCanonicalRequest(method, uri, headers, body, buffer, scratch);
        Return(rented, signedHeaders.Count);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Lower-case hex SHA-256 of the canonical request (the third line of the string to sign).</summary>
    internal static string ComputeCanonicalRequestHash(
        string method,
        Uri uri,
        IReadOnlyList<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body)
    {
        KeyValuePair<string, string>[]? rented = null;
        ReadOnlySpan<KeyValuePair<string, string>> headers = AsSpan(signedHeaders, ref rented);
        Span<byte> mac = stackalloc byte[HashSize];
        Span<byte> canonicalHash = stackalloc byte[HashSize];
        ComputeSignatureCore(method, uri, headers, body, "19700101T000000Z", "unused", mac, canonicalHash);
        Return(rented, signedHeaders.Count);
        Span<char> hex = stackalloc char[HexHashSize];
        WriteHexLower(canonicalHash, hex);
        return new string(hex);
    }

    /// <summary>The canonical query string of a raw (escaped) query, with or without the leading <c>?</c>.</summary>
    internal static string BuildCanonicalQueryString(string query)
    {
        int bound = QueryBound(query, out int scratch);
        byte[] buffer = new byte[bound + scratch];
        int length = WriteCanonicalQuery(query, buffer.AsSpan(0, bound), buffer.AsSpan(bound));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>The canonical URI of a raw (escaped) absolute path.</summary>
    internal static string BuildCanonicalUri(string path)
    {
        byte[] buffer = new byte[PathBound(path)];
        int length = WriteCanonicalPath(path, buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>
    /// The whole algorithm. Writes the 32-byte HMAC into <paramref name="mac"/> and, when
    /// <paramref name="canonicalHash"/> is not empty, the 32-byte SHA-256 of the canonical request.
    /// </summary>
    internal static void ComputeSignatureCore(
        string method,
        Uri uri,
        ReadOnlySpan<KeyValuePair<string, string>> signedHeaders,
        ReadOnlySpan<byte> body,
        string sdkDate,
        string secretKey,
        Span<byte> mac,
        Span<byte> canonicalHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(sdkDate);
        ArgumentNullException.ThrowIfNull(secretKey);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(uri));
        }

        // 1. Canonical request -> SHA-256.
        Span<byte> requestHash = stackalloc byte[HashSize];
        int bound = CanonicalRequestBound(method, uri, signedHeaders, out int scratch);
        int total = bound + scratch;
        byte[]? rented = null;
        Span<byte> buffer = total <= StackThreshold ? stackalloc byte[total] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            int length = WriteCanonicalRequest(method, uri, signedHeaders, body, buffer.Slice(0, total), scratch);
            Sha256(buffer.Slice(0, length), requestHash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (!canonicalHash.IsEmpty)
        {
            requestHash.CopyTo(canonicalHash);
        }

        // 2. String to sign.
        int dateBytes = Encoding.UTF8.GetByteCount(sdkDate);
        int stsLength = StringToSignPrefix.Length + dateBytes + 1 + HexHashSize;
        byte[]? rentedSts = null;
        Span<byte> sts = stsLength <= 256 ? stackalloc byte[stsLength] : (rentedSts = ArrayPool<byte>.Shared.Rent(stsLength));
        StringToSignPrefix.CopyTo(sts);
        int p = StringToSignPrefix.Length;
        p += Encoding.UTF8.GetBytes(sdkDate, sts.Slice(p));
        sts[p++] = (byte)'\n';
        WriteHexLower(requestHash, sts.Slice(p, HexHashSize));
        p += HexHashSize;

        // 3. HMAC keyed with the SK bytes (wiped afterwards).
        int keyLength = Encoding.UTF8.GetByteCount(secretKey);
        byte[]? rentedKey = null;
        Span<byte> key = keyLength <= 256 ? stackalloc byte[keyLength] : (rentedKey = ArrayPool<byte>.Shared.Rent(keyLength));
        key = key.Slice(0, keyLength);
        try
        {
            Encoding.UTF8.GetBytes(secretKey, key);
            HmacSha256(key, sts.Slice(0, p), mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (rentedKey is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedKey);
            }

            if (rentedSts is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedSts);
            }
        }
    }

    // ---------------------------------------------------------------- crypto

    // Signing never awaits, so a thread's SHA-256 context is only ever used by one signature at a time.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>SHA-256 on this thread's reused context (a one-shot call creates and frees a native context each time).</summary>
    private static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        IncrementalHash sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            sha.AppendData(data);
            sha.GetHashAndReset(destination);
        }
        catch
        {
            DropSha256(sha);
            throw;
        }
    }

    /// <summary>
    /// HMAC-SHA256 (RFC 2104) on this thread's reused SHA-256 context:
    /// <c>SHA256((K ^ opad) || SHA256((K ^ ipad) || message))</c>, K being the key zero-padded to 64 bytes, or its
    /// SHA-256 when longer than 64 bytes.
    /// </summary>
    /// <remarks>
    /// One-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> fetches and
    /// frees a native MAC context per call (on OpenSSL the costliest of the three crypto steps), and a cached HMAC
    /// object would keep the secret key alive between calls. A hash context keeps no key material once
    /// <see cref="IncrementalHash.GetHashAndReset(Span{byte})"/> has reset it, and the padded key block is wiped here.
    /// </remarks>
    internal static void HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        if (destination.Length < HashSize)
        {
            throw new ArgumentException("The destination is shorter than 32 bytes.", nameof(destination));
        }

        IncrementalHash sha = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> block = stackalloc byte[Sha256BlockSize]; // K ^ ipad, then K ^ opad
        Span<byte> inner = stackalloc byte[HashSize];
        try
        {
            block.Clear();
            if (key.Length > Sha256BlockSize)
            {
                sha.AppendData(key);
                sha.GetHashAndReset(block);
            }
            else
            {
                key.CopyTo(block);
            }

            Span<ulong> words = MemoryMarshal.Cast<byte, ulong>(block);
            for (int i = 0; i < words.Length; i++)
            {
                words[i] ^= 0x3636363636363636UL; // ipad
            }

            sha.AppendData(block);
            sha.AppendData(message);
            sha.GetHashAndReset(inner);

            for (int i = 0; i < words.Length; i++)
            {
                words[i] ^= 0x3636363636363636UL ^ 0x5C5C5C5C5C5C5C5CUL; // ipad -> opad
            }

            sha.AppendData(block);
            sha.AppendData(inner);
            sha.GetHashAndReset(destination);
        }
        catch
        {
            DropSha256(sha); // it may hold part of the keyed input
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
            CryptographicOperations.ZeroMemory(inner);
        }
    }

    private static void DropSha256(IncrementalHash sha)
    {
        if (ReferenceEquals(t_sha256, sha))
        {
            t_sha256 = null;
        }

        sha.Dispose();
    }

    // ---------------------------------------------------------------- canonical request

    private static int CanonicalRequestBound(string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> headers, out int scratch)
    {
        int bound = Encoding.UTF8.GetByteCount(method) + 1;
        bound += PathBound(uri.AbsolutePath) + 1;
        bound += QueryBound(uri.Query, out scratch) + 1;
        for (int i = 0; i < headers.Length; i++)
        {
            string name = headers[i].Key ?? throw new ArgumentException("A signed header name is null.", "signedHeaders");
            int nameBytes = Encoding.UTF8.GetByteCount(name);
            bound += nameBytes + 1 + Encoding.UTF8.GetByteCount(headers[i].Value ?? string.Empty) + 1; // name:value\n
            bound += nameBytes + 1; // name; in SignedHeaders
        }

        return bound + 1 + 1 + HexHashSize;
    }

    private static int WriteCanonicalRequest(
        string method,
        Uri uri,
        ReadOnlySpan<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        Span<byte> buffer,
        int scratchLength)
    {
        Span<byte> scratch = buffer.Slice(buffer.Length - scratchLength);
        Span<byte> dest = buffer.Slice(0, buffer.Length - scratchLength);
        int pos = 0;

        // METHOD
        int methodStart = pos;
        pos += Encoding.UTF8.GetBytes(method, dest);
        for (int i = methodStart; i < pos; i++)
        {
            byte b = dest[i];
            if (b >= (byte)'a' && b <= (byte)'z')
            {
                dest[i] = (byte)(b - 32);
            }
        }

        dest[pos++] = (byte)'\n';

        // CanonicalURI
        pos += WriteCanonicalPath(uri.AbsolutePath, dest.Slice(pos));
        dest[pos++] = (byte)'\n';

        // CanonicalQueryString
        pos += WriteCanonicalQuery(uri.Query, dest.Slice(pos), scratch);
        dest[pos++] = (byte)'\n';

        // CanonicalHeaders: name:trimmed-value\n each, then the joining \n.
        for (int i = 0; i < headers.Length; i++)
        {
            pos += Encoding.UTF8.GetBytes(headers[i].Key, dest.Slice(pos));
            dest[pos++] = (byte)':';
            pos += Encoding.UTF8.GetBytes((headers[i].Value ?? string.Empty).AsSpan().Trim(), dest.Slice(pos));
            dest[pos++] = (byte)'\n';
        }

        dest[pos++] = (byte)'\n';

        // SignedHeaders
        for (int i = 0; i < headers.Length; i++)
        {
            if (i > 0)
            {
                dest[pos++] = (byte)';';
            }

            pos += Encoding.UTF8.GetBytes(headers[i].Key, dest.Slice(pos));
        }

        dest[pos++] = (byte)'\n';

        // Payload hash
        Span<byte> payloadHash = stackalloc byte[HashSize];
        Sha256(body, payloadHash);
        WriteHexLower(payloadHash, dest.Slice(pos, HexHashSize));
        return pos + HexHashSize;
    }

    // ---------------------------------------------------------------- path

    /// <summary>Upper bound of the canonical path bytes for a raw path.</summary>
    private static int PathBound(string path)
    {
        int bound = 1; // trailing '/'
        ReadOnlySpan<char> rest = path;
        while (true)
        {
            int i = rest.IndexOfAnyExcept(PathVerbatim);
            if (i < 0)
            {
                return bound + rest.Length;
            }

            bound += i + (rest[i] >= 0x80 ? 9 : 3);
            rest = rest.Slice(i + 1);
        }
    }

    /// <summary>Decodes the path and re-encodes every segment; a decoded '/' separates segments (as PY and NET do).</summary>
    private static int WriteCanonicalPath(string path, Span<byte> dest)
    {
        int pos = 0;
        int i = 0;
        Span<byte> utf8 = stackalloc byte[4];
        while (i < path.Length)
        {
            // Runs of unreserved characters and '/' (usually the whole path) are copied as they are.
            int run = path.AsSpan(i).IndexOfAnyExcept(PathVerbatim);
            if (run != 0)
            {
                run = run < 0 ? path.Length - i : run;
                pos += Encoding.ASCII.GetBytes(path.AsSpan(i, run), dest.Slice(pos));
                i += run;
                continue;
            }

            char c = path[i];
            if (c == '%' && TryDecodeHexPair(path, i + 1, out byte decoded))
            {
                i += 3;
                pos += WriteEncodedPathByte(decoded, dest.Slice(pos));
            }
            else if (c < 0x80)
            {
                i++;
                pos += WriteEncodedPathByte((byte)c, dest.Slice(pos));
            }
            else
            {
                int n = EncodeRune(path, ref i, utf8);
                for (int k = 0; k < n; k++)
                {
                    pos += WriteEncoded(utf8[k], dest.Slice(pos));
                }
            }
        }

        if (pos == 0 || dest[pos - 1] != (byte)'/')
        {
            dest[pos++] = (byte)'/';
        }

        return pos;
    }

    private static int WriteEncodedPathByte(byte b, Span<byte> dest)
    {
        if (b == (byte)'/')
        {
            dest[0] = b;
            return 1;
        }

        return WriteEncoded(b, dest);
    }

    // ---------------------------------------------------------------- query

    /// <summary>Upper bound of the canonical query bytes, and of the decoded scratch area.</summary>
    private static int QueryBound(string query, out int scratch)
    {
        int bound = 0;
        int decoded = 0;
        int parameters = 1;
        foreach (char c in query)
        {
            if (c >= 0x80)
            {
                bound += 9;
                decoded += 3;
            }
            else
            {
                bound += IsUnreserved(c) || c == '&' || c == '=' ? 1 : 3;
                decoded += 1;
                if (c == '&')
                {
                    parameters++;
                }
            }
        }

        // One '=' may be added per parameter; the scratch holds the decoded bytes.
        bound += parameters;
        scratch = decoded;
        return bound;
    }

    private static int WriteCanonicalQuery(string query, Span<byte> dest, Span<byte> scratch)
    {
        int start = query.Length > 0 && query[0] == '?' ? 1 : 0;
        if (start >= query.Length)
        {
            return 0;
        }

        int maxParams = 1;
        for (int i = start; i < query.Length; i++)
        {
            if (query[i] == '&')
            {
                maxParams++;
            }
        }

        // (nameStart, nameLength, valueStart, valueLength) into the decoded scratch bytes, per parameter.
        int[]? rentedRanges = null;
        Span<int> ranges = maxParams <= 32 ? stackalloc int[maxParams * 4] : (rentedRanges = ArrayPool<int>.Shared.Rent(maxParams * 4));
        Span<byte> decoded = scratch;
        try
        {
            int count = 0;
            int d = 0;
            int segmentStart = start;
            for (int i = start; i <= query.Length; i++)
            {
                if (i < query.Length && query[i] != '&')
                {
                    continue;
                }

                if (i > segmentStart)
                {
                    ReadOnlySpan<char> segment = query.AsSpan(segmentStart, i - segmentStart);
                    int eq = segment.IndexOf('=');
                    ReadOnlySpan<char> name = eq < 0 ? segment : segment.Slice(0, eq);
                    ReadOnlySpan<char> value = eq < 0 ? ReadOnlySpan<char>.Empty : segment.Slice(eq + 1);
                    int r = count * 4;
                    ranges[r] = d;
                    d += PercentDecode(name, decoded.Slice(d));
                    ranges[r + 1] = d - ranges[r];
                    ranges[r + 2] = d;
                    d += PercentDecode(value, decoded.Slice(d));
                    ranges[r + 3] = d - ranges[r + 2];
                    count++;
                }

                segmentStart = i + 1;
            }

            // Insertion sort of the range quadruples by (name, value) bytes; parameter lists are short.
            for (int i = 1; i < count; i++)
            {
                int n0 = ranges[i * 4], n1 = ranges[(i * 4) + 1], v0 = ranges[(i * 4) + 2], v1 = ranges[(i * 4) + 3];
                int j = i - 1;
                while (j >= 0 && Compare(decoded, ranges.Slice(j * 4, 4), n0, n1, v0, v1) > 0)
                {
                    ranges.Slice(j * 4, 4).CopyTo(ranges.Slice((j + 1) * 4, 4));
                    j--;
                }

                int t = (j + 1) * 4;
                ranges[t] = n0;
                ranges[t + 1] = n1;
                ranges[t + 2] = v0;
                ranges[t + 3] = v1;
            }

            int pos = 0;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    dest[pos++] = (byte)'&';
                }

                int r = i * 4;
                pos += WriteEncodedAll(decoded.Slice(ranges[r], ranges[r + 1]), dest.Slice(pos));
                dest[pos++] = (byte)'=';
                pos += WriteEncodedAll(decoded.Slice(ranges[r + 2], ranges[r + 3]), dest.Slice(pos));
            }

            return pos;
        }
        finally
        {
            if (rentedRanges is not null)
            {
                ArrayPool<int>.Shared.Return(rentedRanges);
            }
        }

        static int Compare(ReadOnlySpan<byte> decoded, ReadOnlySpan<int> a, int n0, int n1, int v0, int v1)
        {
            int c = decoded.Slice(a[0], a[1]).SequenceCompareTo(decoded.Slice(n0, n1));
            return c != 0 ? c : decoded.Slice(a[2], a[3]).SequenceCompareTo(decoded.Slice(v0, v1));
        }
    }

    private static int PercentDecode(ReadOnlySpan<char> s, Span<byte> dest)
    {
        int pos = 0;
        int i = 0;
        Span<byte> utf8 = stackalloc byte[4];
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '%' && i + 2 < s.Length && IsHex(s[i + 1]) && IsHex(s[i + 2]))
            {
                dest[pos++] = (byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 3;
            }
            else if (c < 0x80)
            {
                dest[pos++] = (byte)c;
                i++;
            }
            else
            {
                int n = EncodeRune(s, ref i, utf8);
                utf8.Slice(0, n).CopyTo(dest.Slice(pos));
                pos += n;
            }
        }

        return pos;
    }

    // ---------------------------------------------------------------- encoding helpers

    private static int WriteEncodedAll(ReadOnlySpan<byte> bytes, Span<byte> dest)
    {
        int pos = 0;
        foreach (byte b in bytes)
        {
            pos += WriteEncoded(b, dest.Slice(pos));
        }

        return pos;
    }

    private static int WriteEncoded(byte b, Span<byte> dest)
    {
        if (b < 0x80 && IsUnreserved((char)b))
        {
            dest[0] = b;
            return 1;
        }

        dest[2] = UpperHex[b & 0xF];
        dest[1] = UpperHex[b >> 4];
        dest[0] = (byte)'%';
        return 3;
    }

    private static bool IsUnreserved(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '-' || c == '_' || c == '.' || c == '~';

    private static bool IsHex(char c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool TryDecodeHexPair(string s, int index, out byte value)
    {
        if (index + 1 < s.Length && IsHex(s[index]) && IsHex(s[index + 1]))
        {
            value = (byte)((HexValue(s[index]) << 4) | HexValue(s[index + 1]));
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>UTF-8 encodes the (possibly surrogate-pair) character at <paramref name="i"/>; lone surrogates become U+FFFD.</summary>
    private static int EncodeRune(ReadOnlySpan<char> s, ref int i, Span<byte> utf8)
    {
        if (Rune.DecodeFromUtf16(s.Slice(i), out Rune rune, out int consumed) != OperationStatus.Done)
        {
            rune = Rune.ReplacementChar;
            consumed = Math.Max(consumed, 1);
        }

        i += consumed;
        return rune.EncodeToUtf8(utf8);
    }

    private static void WriteHexLower(ReadOnlySpan<byte> bytes, Span<byte> dest)
    {
        ReadOnlySpan<byte> hex = LowerHex;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            dest[2 * i] = hex[b >> 4];
            dest[(2 * i) + 1] = hex[b & 0xF];
        }
    }

    private static void WriteHexLower(ReadOnlySpan<byte> bytes, Span<char> dest)
    {
        ReadOnlySpan<byte> hex = LowerHex;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            dest[2 * i] = (char)hex[b >> 4];
            dest[(2 * i) + 1] = (char)hex[b & 0xF];
        }
    }

    // ---------------------------------------------------------------- header list helpers

    private static ReadOnlySpan<KeyValuePair<string, string>> AsSpan(
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ref KeyValuePair<string, string>[]? rented)
    {
        ArgumentNullException.ThrowIfNull(headers);
        switch (headers)
        {
            case KeyValuePair<string, string>[] array:
                return array;
            case List<KeyValuePair<string, string>> list:
                return CollectionsMarshal.AsSpan(list);
            default:
                int count = headers.Count;
                rented = ArrayPool<KeyValuePair<string, string>>.Shared.Rent(count);
                for (int i = 0; i < count; i++)
                {
                    rented[i] = headers[i];
                }

                return rented.AsSpan(0, count);
        }
    }

    private static void Return(KeyValuePair<string, string>[]? rented, int count)
    {
        if (rented is not null)
        {
            rented.AsSpan(0, count).Clear();
            ArrayPool<KeyValuePair<string, string>>.Shared.Return(rented);
        }
    }
}

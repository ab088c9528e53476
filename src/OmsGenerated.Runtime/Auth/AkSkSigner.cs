using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// The Huawei Cloud <c>SDK-HMAC-SHA256</c> AK/SK request signature (APIG "SDK" signing).
/// </summary>
/// <remarks>
/// String to sign: <c>SDK-HMAC-SHA256\n{X-Sdk-Date}\nhex(SHA-256(<see cref="CanonicalRequest"/>))</c>; signature:
/// lower-case hex <c>HMAC-SHA256(UTF-8(SK), string to sign)</c>. The only allocation is the returned string. The SK's
/// bytes exist on the stack (or in a pooled array) for the one-shot HMAC call and are zeroed after it, with the
/// canonical request; no keyed object outlives a call.
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

    /// <summary>The <c>X-Sdk-Content-Sha256</c> header: when signed, its value is the canonical request's payload line.</summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    /// <summary>The <see cref="ContentSha256Header"/> value that leaves the body out of the signature (non-JSON bodies, as the official SDKs do).</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private const int HashSize = 32;
    private const int HexHashSize = 64;
    private const int StackLimit = 1024;

    // An unkeyed SHA-256 context per thread, reset by every GetHashAndReset: it holds no key and no input between calls,
    // and saves the native context setup of a one-shot SHA256.HashData. Signing never awaits, so a thread never uses it
    // for two hashes at once.
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>Formats an instant as <c>yyyyMMddTHHmmssZ</c> in UTC, culture-independent.</summary>
    public static string FormatSdkDate(DateTimeOffset time) => time.UtcDateTime.ToString(SdkDateFormat, CultureInfo.InvariantCulture);

    /// <summary>Computes the lower-case hex signature.</summary>
    /// <param name="method">HTTP method (upper-cased for signing).</param>
    /// <param name="uri">Absolute request URI; its path and query are canonicalised.</param>
    /// <param name="signedHeaders">The headers to sign: lower-case names, sorted ordinally, values as sent. Must include <c>x-sdk-date</c>.</param>
    /// <param name="body">The exact body bytes sent (empty when there is no body; unused when <c>x-sdk-content-sha256</c> is signed).</param>
    /// <param name="sdkDate">The exact <c>X-Sdk-Date</c> value sent.</param>
    /// <param name="secretKey">The secret key.</param>
    public static string ComputeSignature(
        string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body, string sdkDate, string secretKey)
    {
        Span<char> signature = stackalloc char[HexHashSize];
        Sign(method, uri, AsSpan(signedHeaders), body, sdkDate, secretKey, signature);
        return new string(signature);
    }

    /// <summary>
    /// Signs and returns the complete <c>Authorization</c> value
    /// <c>SDK-HMAC-SHA256 Access={AK}, SignedHeaders=a;b;c, Signature={hex}</c> (a single string allocation).
    /// </summary>
    public static string CreateAuthorization(
        string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body, string sdkDate, string accessKey, string secretKey)
        => CreateAuthorization(method, uri, AsSpan(signedHeaders), body, sdkDate, accessKey, secretKey);

    internal static string CreateAuthorization(
        string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body, string sdkDate, string accessKey, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        Span<char> signature = stackalloc char[HexHashSize];
        Sign(method, uri, signedHeaders, body, sdkDate, secretKey, signature);
        var authorization = new DefaultInterpolatedStringHandler(0, 0, null, stackalloc char[256]);
        authorization.AppendLiteral(Algorithm + " Access=");
        authorization.AppendLiteral(accessKey);
        authorization.AppendLiteral(", SignedHeaders=");
        for (int i = 0; i < signedHeaders.Length; i++)
        {
            authorization.AppendLiteral(i > 0 ? ";" : string.Empty);
            authorization.AppendLiteral(signedHeaders[i].Key);
        }

        authorization.AppendLiteral(", Signature=");
        authorization.AppendFormatted((ReadOnlySpan<char>)signature);
        return authorization.ToStringAndClear();
    }

    /// <summary>SHA-256 on this thread's context.</summary>
    internal static void Sha256(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        IncrementalHash sha = t_sha256 ?? IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        t_sha256 = null; // a hash that throws halfway may leave input in the context: it is then not reused
        sha.AppendData(data);
        sha.GetHashAndReset(destination);
        t_sha256 = sha;
    }

    internal static void WriteHexLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ReadOnlySpan<byte> hex = "0123456789abcdef"u8;
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = hex[bytes[i] >> 4];
            destination[(2 * i) + 1] = hex[bytes[i] & 0xF];
        }
    }

    /// <summary>The whole algorithm: the 64 lower-case hex characters of the HMAC into <paramref name="signature"/>.</summary>
    private static void Sign(
        string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body, string sdkDate, string secretKey, Span<char> signature)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(sdkDate);
        ArgumentNullException.ThrowIfNull(secretKey);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URI must be absolute.", nameof(uri));
        }

        // One buffer: SK bytes | string to sign | canonical request | scratch for decoded path and query bytes.
        ReadOnlySpan<byte> prefix = "SDK-HMAC-SHA256\n"u8;
        int dateLength = Encoding.UTF8.GetByteCount(sdkDate);
        int stringToSignLength = prefix.Length + dateLength + 1 + HexHashSize;
        int canonicalLength = CanonicalRequest.MaxLength(method, uri, signedHeaders, out int scratchLength);
        int keyLength = Encoding.UTF8.GetByteCount(secretKey);
        int total = keyLength + stringToSignLength + canonicalLength + scratchLength;
        byte[]? rented = null;
        Span<byte> buffer = total <= StackLimit ? stackalloc byte[total] : (rented = ArrayPool<byte>.Shared.Rent(total));
        try
        {
            Span<byte> key = buffer.Slice(0, keyLength);
            Span<byte> stringToSign = buffer.Slice(keyLength, stringToSignLength);
            Span<byte> canonical = buffer.Slice(keyLength + stringToSignLength, canonicalLength);
            int written = CanonicalRequest.Write(method, uri, signedHeaders, body, canonical, buffer.Slice(keyLength + stringToSignLength + canonicalLength, scratchLength));

            Span<byte> hash = stackalloc byte[HashSize];
            Sha256(canonical.Slice(0, written), hash);
            prefix.CopyTo(stringToSign);
            Encoding.UTF8.GetBytes(sdkDate, stringToSign.Slice(prefix.Length));
            stringToSign[prefix.Length + dateLength] = (byte)'\n';
            WriteHexLower(hash, stringToSign.Slice(prefix.Length + dateLength + 1));

            Encoding.UTF8.GetBytes(secretKey, key);
            HMACSHA256.HashData(key, stringToSign, hash);
            Span<byte> hex = stackalloc byte[HexHashSize];
            WriteHexLower(hash, hex);
            Encoding.ASCII.GetChars(hex, signature);
        }
        finally
        {
            // The key, and the canonical request (it may carry a security token), stay neither in the pool nor on the stack.
            CryptographicOperations.ZeroMemory(buffer.Slice(0, total));
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<KeyValuePair<string, string>> AsSpan(IReadOnlyList<KeyValuePair<string, string>> headers) => headers switch
    {
        null => throw new ArgumentNullException(nameof(headers)),
        KeyValuePair<string, string>[] array => array,
        List<KeyValuePair<string, string>> list => CollectionsMarshal.AsSpan(list),
        _ => headers.ToArray(),
    };
}

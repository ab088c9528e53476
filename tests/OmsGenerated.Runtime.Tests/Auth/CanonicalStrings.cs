using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>The runtime's canonical request, and its parts, as strings (they contain signed header values: tests only).</summary>
internal static class CanonicalStrings
{
    public static string Request(string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body)
    {
        KeyValuePair<string, string>[] headers = signedHeaders.ToArray();
        int length = CanonicalRequest.MaxLength(method, uri, headers, out int scratch);
        byte[] buffer = new byte[length + scratch];
        int written = CanonicalRequest.Write(method, uri, headers, body, buffer.AsSpan(scratch), buffer.AsSpan(0, scratch));
        return Encoding.UTF8.GetString(buffer, scratch, written);
    }

    /// <summary>Lower-case hex SHA-256 of the canonical request (the third line of the string to sign).</summary>
    public static string RequestHash(string method, Uri uri, IReadOnlyList<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Request(method, uri, signedHeaders, body))));

    /// <summary>The canonical query string of a raw (escaped) query, with or without the leading <c>?</c>.</summary>
    public static string Query(string query)
    {
        byte[] buffer = new byte[(query.Length * 14) + 2];
        int written = CanonicalRequest.WriteQuery(query, buffer.AsSpan(query.Length * 3), buffer.AsSpan(0, query.Length * 3));
        return Encoding.UTF8.GetString(buffer, query.Length * 3, written);
    }

    /// <summary>The canonical URI of a raw (escaped) absolute path.</summary>
    public static string Uri(string path)
    {
        byte[] buffer = new byte[(path.Length * 12) + 1];
        int written = CanonicalRequest.WritePath(path, buffer.AsSpan(path.Length * 3), buffer.AsSpan(0, path.Length * 3));
        return Encoding.UTF8.GetString(buffer, path.Length * 3, written);
    }
}

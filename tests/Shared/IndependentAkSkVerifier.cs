using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace OmsGenerated.Tests.Shared;

/// <summary>
/// A deliberately separate, simple, string-based checker of Huawei Cloud <c>SDK-HMAC-SHA256</c> signatures, for test
/// servers that receive requests from generated clients. It shares no code with the runtime signer: if both agree,
/// two independent readings of the algorithm agree.
/// </summary>
/// <remarks>
/// Rules (Huawei API signing guide; PY/NET/GO SDK signers): canonical request is
/// <c>METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nhex(sha256(body))</c>; the path is percent-decoded, split on '/',
/// segments re-encoded (A-Z a-z 0-9 - _ . ~ kept, others %XX upper-case on UTF-8) and a '/' appended; query pairs
/// are decoded, sorted by name then value and re-encoded; headers are <c>name:trim(value)\n</c>; the string to sign
/// is <c>SDK-HMAC-SHA256\n{x-sdk-date}\nhex(sha256(canonical))</c>; the signature is hex HMAC-SHA256 keyed by the SK.
/// </remarks>
public static class IndependentAkSkVerifier
{
    private const string Scheme = "SDK-HMAC-SHA256";

    /// <summary>Checks the received request's Authorization header.</summary>
    /// <param name="method">Request method.</param>
    /// <param name="pathAndQuery">Raw request target as received, e.g. <c>/v2/p/tasks?limit=10</c>.</param>
    /// <param name="headersCaseInsensitive">Received headers (names case-insensitive), including Authorization.</param>
    /// <param name="body">Received body bytes.</param>
    /// <param name="accessKey">Expected AK.</param>
    /// <param name="secretKey">SK.</param>
    /// <param name="reason">Why verification failed (never contains the SK); empty on success.</param>
    public static bool Verify(
        string method,
        string pathAndQuery,
        IReadOnlyDictionary<string, string> headersCaseInsensitive,
        byte[] body,
        string accessKey,
        string secretKey,
        out string reason)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, string> pair in headersCaseInsensitive)
        {
            headers[pair.Key] = pair.Value;
        }

        if (!headers.TryGetValue("Authorization", out string? authorization))
        {
            reason = "missing Authorization header";
            return false;
        }

        if (!authorization.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            reason = "Authorization scheme is not " + Scheme;
            return false;
        }

        string access = string.Empty, signedHeaders = string.Empty, signature = string.Empty;
        string[] parts = authorization.Substring(Scheme.Length + 1).Split(", ");
        if (parts.Length != 3)
        {
            reason = "Authorization must have exactly Access, SignedHeaders and Signature";
            return false;
        }

        foreach (string part in parts)
        {
            int eq = part.IndexOf('=');
            if (eq <= 0)
            {
                reason = "malformed Authorization part";
                return false;
            }

            string key = part.Substring(0, eq);
            string val = part.Substring(eq + 1);
            switch (key)
            {
                case "Access": access = val; break;
                case "SignedHeaders": signedHeaders = val; break;
                case "Signature": signature = val; break;
                default:
                    reason = "unexpected Authorization part '" + key + "'";
                    return false;
            }
        }

        if (access != accessKey)
        {
            reason = "unexpected access key";
            return false;
        }

        if (signature.Length != 64)
        {
            reason = "signature is not 64 hex characters";
            return false;
        }

        string[] signedNames = signedHeaders.Split(';');
        if (Array.IndexOf(signedNames, "x-sdk-date") < 0)
        {
            reason = "x-sdk-date is not signed";
            return false;
        }

        var canonicalHeaders = new StringBuilder();
        string previous = string.Empty;
        foreach (string name in signedNames)
        {
            if (name.Length == 0 || name != name.ToLowerInvariant())
            {
                reason = "signed header names must be non-empty and lower-case";
                return false;
            }

            if (string.CompareOrdinal(previous, name) >= 0)
            {
                reason = "signed header names must be sorted and unique";
                return false;
            }

            previous = name;
            if (!headers.TryGetValue(name, out string? value))
            {
                reason = "signed header '" + name + "' is missing from the request";
                return false;
            }

            canonicalHeaders.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        // A signed X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD for a non-JSON body) replaces the body hash.
        string payloadHash = Array.IndexOf(signedNames, "x-sdk-content-sha256") >= 0
            ? headers["x-sdk-content-sha256"].Trim()
            : Hex(SHA256.HashData(body));

        string date = headers["x-sdk-date"];

        string path = pathAndQuery;
        string query = string.Empty;
        int q = pathAndQuery.IndexOf('?');
        if (q >= 0)
        {
            path = pathAndQuery.Substring(0, q);
            query = pathAndQuery.Substring(q + 1);
        }

        string canonicalRequest =
            method.ToUpperInvariant() + "\n"
            + CanonicalUri(path) + "\n"
            + CanonicalQuery(query) + "\n"
            + canonicalHeaders + "\n"
            + signedHeaders + "\n"
            + payloadHash;

        string stringToSign = Scheme + "\n" + date + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        string expected = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            reason = "signature mismatch (canonical request sha256 "
                + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))) + ")";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>Canonical URI of a raw path.</summary>
    public static string CanonicalUri(string rawPath)
    {
        string decoded = Uri.UnescapeDataString(rawPath.Length == 0 ? "/" : rawPath);
        string[] segments = decoded.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Encode(segments[i]);
        }

        string result = string.Join("/", segments);
        return result.EndsWith('/') ? result : result + "/";
    }

    /// <summary>Canonical query string of a raw query (without '?').</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string item in rawQuery.Split('&'))
        {
            if (item.Length == 0)
            {
                continue;
            }

            int eq = item.IndexOf('=');
            string name = eq < 0 ? item : item.Substring(0, eq);
            string value = eq < 0 ? string.Empty : item.Substring(eq + 1);
            pairs.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        pairs.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Key, b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });

        var sb = new StringBuilder();
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(Encode(pair.Key)).Append('=').Append(Encode(pair.Value));
        }

        return sb.ToString();
    }

    private static string Encode(string s)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(s))
        {
            char c = (char)b;
            bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OmsGenerated.Emulator;

/// <summary>The outcome of checking a request's AK/SK signature.</summary>
internal enum SignatureCheck
{
    /// <summary>The signature and X-Sdk-Date are valid.</summary>
    Valid,

    /// <summary>The signature is missing, malformed, for another AK or wrong.</summary>
    Invalid,

    /// <summary>X-Sdk-Date is further from the emulator's clock than allowed.</summary>
    DateOutOfRange,
}

/// <summary>
/// Checks <c>SDK-HMAC-SHA256</c> signatures the way Huawei Cloud API Gateway does, from the request exactly as received
/// (raw request target, header values and body bytes). Independent of the runtime's signer, so a bug there shows up here.
/// </summary>
/// <remarks>
/// Canonical request: <c>METHOD\nURI\nQUERY\nHEADERS\nSIGNED\nhex(sha256(body))</c>. The path is percent-decoded, split on
/// '/', each segment re-encoded (A-Z a-z 0-9 - _ . ~ kept, everything else %XX upper-case over UTF-8) and a '/' appended;
/// query pairs are decoded, sorted by name then value and re-encoded; headers are <c>name:trim(value)\n</c> for the
/// names listed in SignedHeaders (which must include x-sdk-date). String to sign:
/// <c>SDK-HMAC-SHA256\n{X-Sdk-Date}\nhex(sha256(canonical request))</c>; signature: hex HMAC-SHA256 keyed by the SK.
/// </remarks>
internal static class AkSkVerifier
{
    private const string Scheme = "SDK-HMAC-SHA256";
    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static SignatureCheck Verify(
        string method,
        string rawTarget,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body,
        string accessKey,
        string secretKey,
        DateTimeOffset now,
        TimeSpan maxClockSkew,
        out string reason)
    {
        if (!headers.TryGetValue("Authorization", out string? authorization) || authorization.Length == 0)
        {
            reason = "missing Authorization header";
            return SignatureCheck.Invalid;
        }

        if (!TryParseAuthorization(authorization, out string access, out string signedHeaders, out string signature, out reason))
        {
            return SignatureCheck.Invalid;
        }

        if (!string.Equals(access, accessKey, StringComparison.Ordinal))
        {
            reason = "unknown access key";
            return SignatureCheck.Invalid;
        }

        string[] signedNames = signedHeaders.Split(';');
        if (Array.IndexOf(signedNames, "x-sdk-date") < 0 || !headers.TryGetValue("X-Sdk-Date", out string? sdkDate))
        {
            reason = "x-sdk-date is missing or not signed";
            return SignatureCheck.Invalid;
        }

        if (!DateTimeOffset.TryParseExact(sdkDate.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset date))
        {
            reason = "X-Sdk-Date is not in the form yyyyMMddTHHmmssZ";
            return SignatureCheck.Invalid;
        }

        if ((now - date).Duration() > maxClockSkew)
        {
            reason = "X-Sdk-Date " + sdkDate + " is more than " + maxClockSkew.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)
                + " minutes from the server time " + now.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
            return SignatureCheck.DateOutOfRange;
        }

        var canonicalHeaders = new StringBuilder();
        string previous = string.Empty;
        foreach (string name in signedNames)
        {
            if (name.Length == 0 || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal) || string.CompareOrdinal(previous, name) >= 0)
            {
                reason = "SignedHeaders must be lower-case, sorted and unique";
                return SignatureCheck.Invalid;
            }

            previous = name;
            if (!headers.TryGetValue(name, out string? value))
            {
                reason = "signed header '" + name + "' is not in the request";
                return SignatureCheck.Invalid;
            }

            canonicalHeaders.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        string path = rawTarget;
        string query = string.Empty;
        int q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            path = rawTarget.Substring(0, q);
            query = rawTarget.Substring(q + 1);
        }

        string canonicalRequest = method.ToUpperInvariant() + "\n"
            + CanonicalUri(path) + "\n"
            + CanonicalQuery(query) + "\n"
            + canonicalHeaders + "\n"
            + signedHeaders + "\n"
            + Hex(SHA256.HashData(body));
        string stringToSign = Scheme + "\n" + sdkDate + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        string expected = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            reason = "signature mismatch";
            return SignatureCheck.Invalid;
        }

        reason = string.Empty;
        return SignatureCheck.Valid;
    }

    /// <summary>The canonical URI of a raw (still percent-encoded) path.</summary>
    public static string CanonicalUri(string rawPath)
    {
        string decoded = Uri.UnescapeDataString(rawPath.Length == 0 ? "/" : rawPath);
        string[] segments = decoded.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Encode(segments[i]);
        }

        string result = string.Join('/', segments);
        return result.EndsWith('/') ? result : result + "/";
    }

    /// <summary>The canonical query string of a raw query (without '?').</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var pairs = new List<(string Name, string Value)>();
        foreach (string item in rawQuery.Split('&'))
        {
            if (item.Length == 0)
            {
                continue;
            }

            int eq = item.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? item : item.Substring(0, eq);
            string value = eq < 0 ? string.Empty : item.Substring(eq + 1);
            pairs.Add((Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        pairs.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Name, b.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder();
        foreach ((string name, string value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Encode(name)).Append('=').Append(Encode(value));
        }

        return builder.ToString();
    }

    private static bool TryParseAuthorization(string authorization, out string access, out string signedHeaders, out string signature, out string reason)
    {
        access = signedHeaders = signature = string.Empty;
        if (!authorization.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            reason = "Authorization scheme is not " + Scheme;
            return false;
        }

        string[] parts = authorization.Substring(Scheme.Length + 1).Split(',');
        if (parts.Length != 3)
        {
            reason = "Authorization must have exactly Access, SignedHeaders and Signature";
            return false;
        }

        foreach (string rawPart in parts)
        {
            string part = rawPart.Trim();
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                reason = "malformed Authorization part";
                return false;
            }

            string value = part.Substring(eq + 1);
            switch (part.Substring(0, eq))
            {
                case "Access": access = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default:
                    reason = "unexpected Authorization part";
                    return false;
            }
        }

        if (access.Length == 0 || signedHeaders.Length == 0 || signature.Length != 64)
        {
            reason = "Authorization lacks Access, SignedHeaders or a 64-character Signature";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            char c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}

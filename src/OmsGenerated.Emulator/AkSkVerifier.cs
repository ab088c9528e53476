using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OmsGenerated.Runtime.Auth;

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
/// (raw request target, header values and body bytes): the Authorization header's form, the access key, the signed
/// header list (lower-case, sorted, unique, with x-sdk-date), X-Sdk-Content-Sha256 and the clock window are checked here;
/// the signature itself is recomputed with the runtime's <see cref="AkSkSigner"/>.
/// </summary>
/// <remarks>
/// The emulator is a stand-in for the gateway, not a test oracle: the end-to-end tests check the client's signatures
/// against <c>tests/Shared/IndependentAkSkVerifier</c>, an implementation that shares no code with the runtime.
/// </remarks>
internal static class AkSkVerifier
{
    private const string Scheme = AkSkSigner.Algorithm;
    private const string DateFormat = AkSkSigner.SdkDateFormat;

    /// <summary>Only the path and query of a request target are signed; the origin just makes it an absolute URI.</summary>
    private static readonly Uri RequestOrigin = new("http://emulator.invalid");

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

        var signed = new List<KeyValuePair<string, string>>(signedNames.Length);
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

            signed.Add(new KeyValuePair<string, string>(name, value));
        }

        if (!CheckContentSha256(headers, signedNames, body, out reason))
        {
            return SignatureCheck.Invalid;
        }

        if (!Uri.TryCreate(RequestOrigin, rawTarget, out Uri? uri))
        {
            reason = "the request target is not a valid URI";
            return SignatureCheck.Invalid;
        }

        string expected = AkSkSigner.ComputeSignature(method, uri, signed, body, sdkDate, secretKey);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            reason = "signature mismatch";
            return SignatureCheck.Invalid;
        }

        reason = string.Empty;
        return SignatureCheck.Valid;
    }

    /// <summary>
    /// X-Sdk-Content-Sha256 replaces the body hash in the canonical request (the SDKs send <c>UNSIGNED-PAYLOAD</c> for a
    /// body that is neither JSON nor BSON). The signer honours it only when it is among the signed headers, and so does
    /// this check: every official SDK signs it (they sign every header but Content-Type and names with '_'), and an
    /// unsigned one could be added or removed on the way without the signature saying so. A signed value other than
    /// <c>UNSIGNED-PAYLOAD</c> must be the body's hash, or it would let a changed body through.
    /// </summary>
    private static bool CheckContentSha256(IReadOnlyDictionary<string, string> headers, string[] signedNames, ReadOnlySpan<byte> body, out string reason)
    {
        reason = string.Empty;
        if (!headers.TryGetValue(AkSkSigner.ContentSha256Header, out string? value))
        {
            return true;
        }

        if (Array.IndexOf(signedNames, "x-sdk-content-sha256") < 0)
        {
            reason = "X-Sdk-Content-Sha256 is sent but not signed";
            return false;
        }

        value = value.Trim();
        if (value == AkSkSigner.UnsignedPayload || string.Equals(value, Convert.ToHexString(SHA256.HashData(body)), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        reason = "X-Sdk-Content-Sha256 is neither UNSIGNED-PAYLOAD nor the body's SHA-256";
        return false;
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
}

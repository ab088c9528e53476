using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OmsGenerated.Runtime.Errors;

/// <summary>The credential values a request carried in its headers, to blank them out of what a response echoes.</summary>
internal static class RequestSecrets
{
    private const string Redacted = "***";

    // Shorter values (a test token "x") would blank unrelated text; real tokens, AKs and signatures are far longer.
    private const int MinimumLength = 8;

    private static readonly string[] s_wholeValueHeaders = ["X-Auth-Token", "X-Security-Token"];

    public static List<string> Of(HttpRequestMessage? request)
    {
        var secrets = new List<string>();
        if (request is null)
        {
            return secrets;
        }

        foreach (var name in s_wholeValueHeaders)
        {
            if (request.Headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    Add(secrets, value);
                }
            }
        }

        if (request.Headers.NonValidated.TryGetValues("Authorization", out var authorization))
        {
            foreach (var value in authorization)
            {
                // "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=..., Signature=<hex>", or "Bearer <token>"
                Add(secrets, value);
                foreach (var part in value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = part.IndexOf('=', StringComparison.Ordinal);
                    if (part.StartsWith("Access=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("Signature=", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(secrets, part.Substring(equals + 1));
                    }
                    else if (equals < 0)
                    {
                        Add(secrets, part); // the credential of a scheme-and-token value
                    }
                }
            }
        }

        return secrets;
    }

    public static string Redact(string text, List<string> secrets)
    {
        // Longest first, so a whole header value goes before a part of it.
        secrets.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Add(List<string> secrets, string value)
    {
        value = value.Trim();
        if (value.Length >= MinimumLength && !value.StartsWith("SDK-HMAC-", StringComparison.OrdinalIgnoreCase))
        {
            secrets.Add(value);
        }
    }
}

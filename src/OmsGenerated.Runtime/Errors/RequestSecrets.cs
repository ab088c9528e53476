using System;
using System.Collections.Generic;
using System.Net.Http;

namespace OmsGenerated.Runtime.Errors;

/// <summary>
/// The credential values a request carried, in its headers (token, security token, the AK and signature of
/// <c>Authorization</c>) and in its JSON body (string fields named like credentials: <c>dst_sk</c>,
/// <c>src_security_token</c>, <c>source_cdn_authentication_key</c>, <c>connection_string</c>, …), to blank them out of
/// what a response echoes.
/// </summary>
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

        if (request.Content is Http.JsonBodyContent json)
        {
            AddJsonCredentials(secrets, json.Utf8Json.Span);
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

    private static readonly HashSet<string> s_credentialWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ak", "sk", "token", "key", "secret", "password", "passwd", "credential", "credentials", "auth", "signature",
    };

    private static void AddJsonCredentials(List<string> secrets, ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(utf8Json);
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case System.Text.Json.JsonTokenType.String when property is not null && NamesACredential(property):
                        Add(secrets, reader.GetString()!);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            // not JSON after all: nothing more to find
        }
    }

    /// <summary>Whether a field name has a credential word as one of its parts (snake_case, kebab-case or camelCase).</summary>
    private static bool NamesACredential(string name)
    {
        if (name.Equals("connection_string", StringComparison.OrdinalIgnoreCase) || name.Equals("connectionString", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int start = 0;
        for (int i = 1; i <= name.Length; i++)
        {
            bool boundary = i == name.Length || name[i] is '_' or '-' || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            if (i > start && s_credentialWords.Contains(name.Substring(start, i - start)))
            {
                return true;
            }

            start = i < name.Length && name[i] is '_' or '-' ? i + 1 : i;
        }

        return false;
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

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

    /// <summary>
    /// The credentials of <paramref name="request"/> that occur in <paramref name="echoedIn"/> (a response body): only
    /// those need blanking, and looking for them without materialising the others keeps the error path cheap.
    /// </summary>
    public static List<string>? Of(HttpRequestMessage? request, ReadOnlySpan<byte> echoedIn)
    {
        List<string>? secrets = null;
        if (request is null || echoedIn.Length < MinimumLength)
        {
            return secrets;
        }

        // Looked up by name: enumerating all headers would format every parsed one (User-Agent, Host) into text.
        foreach (var name in s_wholeValueHeaders)
        {
            if (request.Headers.NonValidated.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    AddIfEchoed(ref secrets, value.AsSpan(), echoedIn);
                }
            }
        }

        if (request.Headers.NonValidated.TryGetValues("Authorization", out var authorization))
        {
            foreach (var value in authorization)
            {
                AddAuthorizationCredentials(ref secrets, value, echoedIn);
            }
        }

        if (request.Options.TryGetValue(Auth.ApiAuthentication.SecretsKey, out var applied))
        {
            foreach (var value in applied)
            {
                AddIfEchoed(ref secrets, value.AsSpan(), echoedIn);
            }
        }

        if (request.Content is Http.JsonBodyContent json && MayEchoAJsonString(json.Utf8Json.Span, echoedIn))
        {
            AddJsonCredentials(ref secrets, json.Utf8Json.Span, echoedIn);
        }

        return secrets;
    }

    /// <summary>"SDK-HMAC-SHA256 Access=&lt;AK&gt;, SignedHeaders=..., Signature=&lt;hex&gt;", or "Bearer &lt;token&gt;".</summary>
    private static void AddAuthorizationCredentials(ref List<string>? secrets, string value, ReadOnlySpan<byte> echoedIn)
    {
        var rest = value.AsSpan();
        if (rest.StartsWith("SDK-HMAC-", StringComparison.Ordinal)
            && TryAddParameterIfEchoed(ref secrets, rest, " Access=", echoedIn)
            && TryAddParameterIfEchoed(ref secrets, rest, " Signature=", echoedIn))
        {
            return; // the signature's two credentials, found directly (the scheme and SignedHeaders name no secret)
        }

        AddIfEchoed(ref secrets, rest, echoedIn);
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(' ', ',');
            var part = end < 0 ? rest : rest.Slice(0, end);
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest.Slice(end + 1);
            if (part.IsEmpty)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            if (part.StartsWith("Access=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("Signature=", StringComparison.OrdinalIgnoreCase))
            {
                AddIfEchoed(ref secrets, part.Slice(equals + 1), echoedIn);
            }
            else if (equals < 0)
            {
                AddIfEchoed(ref secrets, part, echoedIn); // the credential of a scheme-and-token value
            }
        }
    }

    /// <summary>The value of <c>name=value</c> (up to the next space or comma) in an SDK-HMAC Authorization value, as
    /// signers write it; false when it is not there in that form.</summary>
    private static bool TryAddParameterIfEchoed(ref List<string>? secrets, ReadOnlySpan<char> authorization, string name, ReadOnlySpan<byte> echoedIn)
    {
        var at = authorization.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var parameter = authorization.Slice(at + name.Length);
        var end = parameter.IndexOfAny(' ', ',');
        AddIfEchoed(ref secrets, end < 0 ? parameter : parameter.Slice(0, end), echoedIn);
        return true;
    }

    /// <summary>
    /// Whether some string value of the JSON (as its raw bytes between the quotes) of at least
    /// <see cref="MinimumLength"/> bytes occurs in <paramref name="echoedIn"/>: a cheap test that is true whenever
    /// <see cref="AddJsonCredentials"/> could find something, so the tokenizing pass runs only then. JSON strings are
    /// delimited the same way wherever they occur, so splitting at unescaped quotes finds every string the reader finds.
    /// </summary>
    private static bool MayEchoAJsonString(ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> echoedIn)
    {
        var rest = utf8Json;
        while (true)
        {
            var open = rest.IndexOf((byte)'"');
            if (open < 0)
            {
                return false;
            }

            rest = rest.Slice(open + 1);
            var length = StringLength(rest);
            if (length < 0)
            {
                return true; // unterminated: let the reader decide
            }

            var candidate = rest.Slice(0, length);
            rest = rest.Slice(length + 1);
            if (candidate.Length >= MinimumLength && !IsPropertyName(rest) && echoedIn.IndexOf(candidate) >= 0)
            {
                return true;
            }
        }
    }

    /// <summary>Whether the string just read is a property name (what follows it, after whitespace, is a colon): only values are credentials.</summary>
    private static bool IsPropertyName(ReadOnlySpan<byte> afterString)
    {
        var next = afterString.IndexOfAnyExcept(" \t\r\n"u8);
        return next >= 0 && afterString[next] == (byte)':';
    }

    /// <summary>The length of the JSON string that starts at <paramref name="afterQuote"/> (up to its closing quote), or -1.</summary>
    private static int StringLength(ReadOnlySpan<byte> afterQuote)
    {
        var i = 0;
        while (i < afterQuote.Length)
        {
            var next = afterQuote.Slice(i).IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (afterQuote[i] == (byte)'"')
            {
                return i;
            }

            i += 2; // a backslash and the byte it escapes
        }

        return -1;
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

    private static void AddJsonCredentials(ref List<string>? secrets, ReadOnlySpan<byte> utf8Json, ReadOnlySpan<byte> echoedIn)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(utf8Json);
            var nameStart = -1L;
            var nameLength = 0;
            string? escapedName = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.PropertyName:
                        // kept as a position: the name is decoded only for a value the response repeats
                        nameStart = reader.TokenStartIndex;
                        nameLength = reader.ValueSpan.Length;
                        escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
                        break;
                    case System.Text.Json.JsonTokenType.String when nameStart >= 0 && !reader.HasValueSequence && !reader.ValueIsEscaped
                                                                   && reader.ValueSpan.Length >= MinimumLength && echoedIn.IndexOf(reader.ValueSpan) >= 0:
                        // Only a value the response repeats is worth naming; then the field name decides.
                        var name = escapedName ?? System.Text.Encoding.UTF8.GetString(utf8Json.Slice((int)nameStart + 1, nameLength));
                        if (NamesACredential(name))
                        {
                            AddIfEchoed(ref secrets, reader.GetString().AsSpan(), echoedIn);
                        }

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

    private static void AddIfEchoed(ref List<string>? secrets, ReadOnlySpan<char> value, ReadOnlySpan<byte> echoedIn)
    {
        value = value.Trim();
        if (value.Length < MinimumLength || value.StartsWith("SDK-HMAC-", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        const int StackBytes = 256;
        var maxBytes = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = maxBytes > StackBytes ? System.Buffers.ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[StackBytes];
        var length = 0;
        try
        {
            length = System.Text.Encoding.UTF8.GetBytes(value, utf8);
            if (echoedIn.IndexOf(utf8.Slice(0, length)) >= 0)
            {
                (secrets ??= new List<string>()).Add(value.ToString());
            }
        }
        finally
        {
            utf8.Slice(0, length).Clear(); // the credential's bytes do not stay behind on the stack or in the pool
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

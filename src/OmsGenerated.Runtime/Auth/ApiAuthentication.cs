using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// How a generated client authenticates one request, from the security schemes its document declares: set on the
/// request (<see cref="OptionsKey"/>) by the generated method and applied by the transport just before sending, so a
/// token provider is awaited on the send path. A header or cookie the request already carries (set per call) is kept.
/// Every value sent is recorded for <see cref="Errors.ApiErrorException"/> to blank out of echoed error bodies.
/// </summary>
public abstract class ApiAuthentication
{
    public static readonly HttpRequestOptionsKey<ApiAuthentication> OptionsKey = new("OmsGenerated.Authentication");

    internal static readonly HttpRequestOptionsKey<List<string>> SecretsKey = new("OmsGenerated.AuthenticationSecrets");

    private protected ApiAuthentication()
    {
    }

    public static ApiAuthentication ApiKey(ApiKeyCredential credential, string name, ApiKeyLocation location)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ApiKeyAuthentication(credential, name, location);
    }

    public static ApiAuthentication Bearer(BearerTokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new BearerAuthentication(credential);
    }

    public static ApiAuthentication Basic(BasicCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new BasicAuthentication(credential);
    }

    /// <summary>Every one of <paramref name="parts"/> (an OpenAPI security requirement naming several schemes).</summary>
    public static ApiAuthentication All(params ApiAuthentication[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Length == 1 ? parts[0] : new AllAuthentication(parts);
    }

    /// <summary>Applies the authentication set on <paramref name="request"/>, if any.</summary>
    public static ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(OptionsKey, out var authentication)
            ? authentication.ApplyToAsync(request, cancellationToken)
            : ValueTask.CompletedTask;
    }

    private protected abstract ValueTask ApplyToAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    public override string ToString() => GetType().Name;

    private protected static void Record(HttpRequestMessage request, string secret)
    {
        if (!request.Options.TryGetValue(SecretsKey, out var secrets))
        {
            secrets = new List<string>(1);
            request.Options.Set(SecretsKey, secrets);
        }

        secrets.Add(secret);
    }

    private protected static void SetAuthorization(HttpRequestMessage request, string scheme, string parameter)
    {
        if (request.Headers.Authorization is null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + parameter);
            Record(request, parameter);
        }
    }

    private sealed class ApiKeyAuthentication(ApiKeyCredential credential, string name, ApiKeyLocation location) : ApiAuthentication
    {
        private protected override async ValueTask ApplyToAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = await credential.GetAsync(cancellationToken).ConfigureAwait(false);
            switch (location)
            {
                case ApiKeyLocation.Header:
                    if (!request.Headers.NonValidated.Contains(name))
                    {
                        // a name that is not a valid header name (from a hostile document) is refused here, not sent
                        if (!request.Headers.TryAddWithoutValidation(name, key))
                        {
                            throw new InvalidOperationException("The API key header name of the API description is not a valid HTTP header name.");
                        }

                        Record(request, key);
                    }

                    break;
                case ApiKeyLocation.Query:
                    var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to add the API key to.");
                    var text = uri.OriginalString;
                    var separator = text.Contains('?', StringComparison.Ordinal) ? "&" : "?";
                    request.RequestUri = new Uri(text + separator + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
                    Record(request, Uri.EscapeDataString(key));
                    Record(request, key);
                    break;
                default:
                    var cookie = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(key);
                    if (request.Headers.NonValidated.TryGetValues("Cookie", out var existing))
                    {
                        cookie = string.Join("; ", existing) + "; " + cookie;
                        request.Headers.Remove("Cookie");
                    }

                    request.Headers.TryAddWithoutValidation("Cookie", cookie);
                    Record(request, Uri.EscapeDataString(key));
                    Record(request, key);
                    break;
            }
        }
    }

    private sealed class BearerAuthentication(BearerTokenCredential credential) : ApiAuthentication
    {
        private protected override async ValueTask ApplyToAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is null)
            {
                SetAuthorization(request, "Bearer", await credential.GetAsync(cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private sealed class BasicAuthentication(BasicCredential credential) : ApiAuthentication
    {
        private protected override ValueTask ApplyToAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            SetAuthorization(request, "Basic", credential.Encoded);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class AllAuthentication(ApiAuthentication[] parts) : ApiAuthentication
    {
        private protected override async ValueTask ApplyToAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var part in parts)
            {
                await part.ApplyToAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

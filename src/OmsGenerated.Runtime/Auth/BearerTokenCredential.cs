using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// A token sent as <c>Authorization: Bearer …</c>: OpenAPI's <c>http</c> <c>bearer</c> scheme, and OAuth2 and OpenID
/// Connect, whose token the application obtains (with MSAL, Duende.IdentityModel, …) and hands over through the provider.
/// </summary>
public sealed class BearerTokenCredential : ApiSecret
{
    public BearerTokenCredential(string token)
        : base(token)
    {
    }

    /// <param name="tokenProvider">Called for every request; it should cache the token and refresh it before it expires.</param>
    public BearerTokenCredential(Func<CancellationToken, ValueTask<string>> tokenProvider)
        : base(tokenProvider)
    {
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>The key of an OpenAPI <c>apiKey</c> security scheme (sent in the header, query parameter or cookie the scheme names).</summary>
public sealed class ApiKeyCredential : ApiSecret
{
    public ApiKeyCredential(string key)
        : base(key)
    {
    }

    /// <param name="keyProvider">Called for every request; it should cache the key.</param>
    public ApiKeyCredential(Func<CancellationToken, ValueTask<string>> keyProvider)
        : base(keyProvider)
    {
    }
}

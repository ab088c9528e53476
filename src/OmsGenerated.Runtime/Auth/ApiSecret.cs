using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// A secret string, fixed or fetched when a request is sent (an OAuth2 access token from a cache that refreshes it).
/// The value is reachable only by the send path: <see cref="ToString"/> prints <c>***</c>.
/// </summary>
public abstract class ApiSecret
{
    private readonly Func<CancellationToken, ValueTask<string>> _provider;

    private protected ApiSecret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _provider = _ => new ValueTask<string>(value);
    }

    private protected ApiSecret(Func<CancellationToken, ValueTask<string>> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
    }

    /// <exception cref="InvalidOperationException">The provider returned an empty value.</exception>
    internal async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        var value = await _provider(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException("The " + GetType().Name + " provider returned an empty value.")
            : value;
    }

    public sealed override string ToString() => GetType().Name + " ***";
}

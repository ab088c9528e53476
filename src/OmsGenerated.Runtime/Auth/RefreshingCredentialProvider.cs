using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Caches temporary credentials and fetches new ones shortly before they expire: one fetch at a time, however many
/// requests are waiting; every other call returns the cached credentials without awaiting anything.
/// </summary>
/// <remarks>
/// When a refresh fails while the cached credentials have not expired yet, they keep being used and the next call tries
/// again. When nothing valid is cached, the failure becomes a <see cref="HuaweiCloudCredentialsException"/> whose message
/// names the failing exception's type only (the failure itself is its <see cref="Exception.InnerException"/>).
/// </remarks>
public sealed class RefreshingCredentialProvider : IHuaweiCloudCredentialProvider, IDisposable
{
    /// <summary>How long before expiry a refresh starts by default (5 minutes).</summary>
    public static readonly TimeSpan DefaultRefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, ValueTask<ExpiringCredentials>> _fetch;
    private readonly TimeSpan _refreshBeforeExpiry;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile CachedCredentials? _current;

    /// <param name="fetch">Obtains new temporary credentials (for example from IAM's security-token API).</param>
    /// <param name="refreshBeforeExpiry">How long before expiry to refresh; defaults to <see cref="DefaultRefreshBeforeExpiry"/>.</param>
    /// <param name="timeProvider">The clock; defaults to <see cref="TimeProvider.System"/>.</param>
    public RefreshingCredentialProvider(
        Func<CancellationToken, ValueTask<ExpiringCredentials>> fetch,
        TimeSpan? refreshBeforeExpiry = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        TimeSpan margin = refreshBeforeExpiry ?? DefaultRefreshBeforeExpiry;
        if (margin < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(refreshBeforeExpiry), "The refresh margin must not be negative.");
        }

        _fetch = fetch;
        _refreshBeforeExpiry = margin;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        CachedCredentials? current = _current;
        if (current is not null && _timeProvider.GetUtcNow() < current.RefreshAt)
        {
            return new ValueTask<HuaweiCloudCredentials>(current.Value.Credentials);
        }

        return RefreshAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _refreshGate.Dispose();

    private async ValueTask<HuaweiCloudCredentials> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CachedCredentials? current = _current;
            if (current is not null && _timeProvider.GetUtcNow() < current.RefreshAt)
            {
                return current.Value.Credentials; // another caller refreshed while this one waited
            }

            ExpiringCredentials? next;
            try
            {
                next = await _fetch(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                if (current is not null && _timeProvider.GetUtcNow() < current.Value.ExpiresAt)
                {
                    return current.Value.Credentials;
                }

                throw new HuaweiCloudCredentialsException(
                    "Refreshing the temporary Huawei Cloud credentials failed (" + e.GetType().FullName + ") and no unexpired credentials are cached.",
                    e);
            }

            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (next is null)
            {
                throw new HuaweiCloudCredentialsException("The credential refresh returned null.");
            }

            if (next.ExpiresAt <= now)
            {
                throw new HuaweiCloudCredentialsException(
                    "The credential refresh returned credentials that expired at " + next.ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + ".");
            }

            // Credentials that live shorter than twice the margin are refreshed at half their remaining life instead.
            TimeSpan margin = TimeSpan.FromTicks(Math.Min(_refreshBeforeExpiry.Ticks, (next.ExpiresAt - now).Ticks / 2));
            _current = new CachedCredentials(next, next.ExpiresAt - margin);
            return next.Credentials;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private sealed record CachedCredentials(ExpiringCredentials Value, DateTimeOffset RefreshAt);
}

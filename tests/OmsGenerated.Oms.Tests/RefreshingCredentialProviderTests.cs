using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class RefreshingCredentialProviderTests : IClassFixture<StubServerFixture>
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly OmsStubServer _server;

    public RefreshingCredentialProviderTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task Credentials_are_cached_until_the_margin_before_expiry_then_fetched_again()
    {
        var clock = new ManualTimeProvider(s_start);
        int fetches = 0;
        using var provider = new RefreshingCredentialProvider(
            _ =>
            {
                fetches++;
                var credentials = new HuaweiCloudCredentials("AK" + fetches, "SK" + fetches, securityToken: "TOKEN" + fetches);
                return new ValueTask<ExpiringCredentials>(new ExpiringCredentials(credentials, clock.GetUtcNow().AddHours(1)));
            },
            refreshBeforeExpiry: TimeSpan.FromMinutes(5),
            timeProvider: clock);

        Assert.Equal("AK1", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKey);
        clock.Advance(TimeSpan.FromMinutes(54));
        ValueTask<HuaweiCloudCredentials> cached = provider.GetCredentialsAsync(CancellationToken.None);
        Assert.True(cached.IsCompletedSuccessfully); // served from the cache without awaiting
        Assert.Equal("AK1", (await cached).AccessKey);
        Assert.Equal(1, fetches);

        clock.Advance(TimeSpan.FromMinutes(1)); // 5 minutes before expiry
        Assert.Equal("AK2", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKey);
        Assert.Equal("AK2", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKey);
        Assert.Equal(2, fetches);

        clock.Advance(TimeSpan.FromHours(2)); // long past expiry
        Assert.Equal("TOKEN3", (await provider.GetCredentialsAsync(CancellationToken.None)).SecurityToken);
        Assert.Equal(3, fetches);
    }

    [Fact]
    public async Task Short_lived_credentials_are_refreshed_at_half_their_life_not_on_every_call()
    {
        var clock = new ManualTimeProvider(s_start);
        int fetches = 0;
        using var provider = new RefreshingCredentialProvider(
            _ =>
            {
                fetches++;
                return new ValueTask<ExpiringCredentials>(new ExpiringCredentials(Canary.Credentials(), clock.GetUtcNow().AddMinutes(4)));
            },
            timeProvider: clock);

        await provider.GetCredentialsAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1.9));
        await provider.GetCredentialsAsync(CancellationToken.None);
        Assert.Equal(1, fetches);
        clock.Advance(TimeSpan.FromMinutes(0.2));
        await provider.GetCredentialsAsync(CancellationToken.None);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        int fetches = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var provider = new RefreshingCredentialProvider(async _ =>
        {
            Interlocked.Increment(ref fetches);
            await release.Task;
            return new ExpiringCredentials(Canary.Credentials(), DateTimeOffset.UtcNow.AddHours(1));
        });

        Task<HuaweiCloudCredentials>[] callers = new Task<HuaweiCloudCredentials>[8];
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = provider.GetCredentialsAsync(CancellationToken.None).AsTask();
        }

        release.SetResult();
        HuaweiCloudCredentials[] results = await Task.WhenAll(callers);
        Assert.Equal(1, fetches);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_unexpired_credentials_and_otherwise_throws_without_secrets()
    {
        var clock = new ManualTimeProvider(s_start);
        bool fail = false;
        using var provider = new RefreshingCredentialProvider(
            _ => fail
                ? throw new HttpRequestException("IAM answered 503")
                : new ValueTask<ExpiringCredentials>(new ExpiringCredentials(Canary.Credentials(securityToken: Canary.SecurityToken), clock.GetUtcNow().AddMinutes(30))),
            timeProvider: clock);

        HuaweiCloudCredentials first = await provider.GetCredentialsAsync(CancellationToken.None);
        fail = true;
        clock.Advance(TimeSpan.FromMinutes(27)); // inside the refresh margin, not expired
        Assert.Same(first, await provider.GetCredentialsAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(3)); // expired
        HuaweiCloudCredentialsException ex = await Assert.ThrowsAsync<HuaweiCloudCredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Equal("Refreshing the temporary Huawei Cloud credentials failed (System.Net.Http.HttpRequestException) and no unexpired credentials are cached.", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Canary.AssertAbsent(ex.ToString(), "refresh failure");

        fail = false;
        Assert.NotSame(first, await provider.GetCredentialsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Credentials_that_are_already_expired_are_refused()
    {
        using var provider = new RefreshingCredentialProvider(
            _ => new ValueTask<ExpiringCredentials>(new ExpiringCredentials(Canary.Credentials(), s_start)),
            timeProvider: new ManualTimeProvider(s_start));
        HuaweiCloudCredentialsException ex = await Assert.ThrowsAsync<HuaweiCloudCredentialsException>(() => provider.GetCredentialsAsync(CancellationToken.None).AsTask());
        Assert.Equal("The credential refresh returned credentials that expired at 2026-12-04T08:00:00.0000000+00:00.", ex.Message);
    }

    [Fact]
    public async Task Cancellation_reaches_the_fetch()
    {
        using var provider = new RefreshingCredentialProvider(async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetCredentialsAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task The_signing_handler_awaits_the_provider_for_every_request()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        int fetches = 0;
        using var provider = new RefreshingCredentialProvider(
            async ct =>
            {
                await Task.Yield(); // a real asynchronous fetch
                fetches++;
                string secret = fetches == 1 ? Canary.SecretKey : Canary.WrongSecretKey;
                return new ExpiringCredentials(new HuaweiCloudCredentials(Canary.AccessKey, secret, securityToken: Canary.SecurityToken), clock.GetUtcNow().AddMinutes(15));
            },
            timeProvider: clock);

        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = _server.BaseAddress,
            ProjectId = Canary.ProjectId,
            CredentialProvider = provider,
            Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
        });

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());
        await client.StartTaskAsync(Canary.TaskId, Canary.Body());
        Assert.Equal(1, fetches);

        clock.Advance(TimeSpan.FromMinutes(20)); // expired: the next request fetches (and here gets a key the stub rejects)
        await Assert.ThrowsAnyAsync<Exception>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));
        Assert.Equal(2, fetches);

        Assert.Equal(3, _server.Requests.Count);
        for (int i = 0; i < 2; i++)
        {
            StartTaskEndToEndTests.AssertWellFormedStartTask(_server.Requests[i]);
            Assert.Equal(Canary.SecurityToken, _server.Requests[i].Header("X-Security-Token"));
            Assert.Equal(Canary.ProjectId, _server.Requests[i].Header("X-Project-Id"));
        }

        Assert.False(_server.Requests[2].AuthValid);
    }
}

using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>The signing handler over an <see cref="IHuaweiCloudCredentialProvider"/>: awaited per request, on both send paths.</summary>
public class AkSkSigningHandlerCredentialProviderTests
{
    private static readonly DateTimeOffset OmsInstant = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void AssertVerifies(CapturedRequest r, string ak, string sk)
        => Assert.True(IndependentAkSkVerifier.Verify(r.Method, r.PathAndQuery, r.Headers, r.Body, ak, sk, out string reason), reason);

    /// <summary>Completes asynchronously every time and counts the calls, returning the credentials of the moment.</summary>
    private sealed class SlowProvider : IHuaweiCloudCredentialProvider
    {
        public HuaweiCloudCredentials Current { get; set; } = new("AK1", "SK1");

        public int Calls { get; private set; }

        public CancellationToken LastToken { get; private set; }

        public async ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            Calls++;
            LastToken = cancellationToken;
            await Task.Yield();
            return Current;
        }
    }

    [Fact]
    public async Task An_asynchronous_provider_is_awaited_for_every_request()
    {
        var provider = new SlowProvider();
        var inner = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new AkSkSigningHandler(provider, new FakeTimeProvider(OmsInstant)) { InnerHandler = inner });
        using var cts = new CancellationTokenSource();

        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://oms.example.com/v2/p/tasks") { Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json") }, cts.Token)).Dispose();
        AssertVerifies(inner.Last, "AK1", "SK1");
        Assert.Equal(cts.Token, provider.LastToken);

        provider.Current = new HuaweiCloudCredentials("AK2", "SK2", "proj", "tok");
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/p/tasks"), CancellationToken.None)).Dispose();
        AssertVerifies(inner.Last, "AK2", "SK2");
        Assert.Equal("tok", inner.Last.Headers["X-Security-Token"]);
        Assert.Equal("proj", inner.Last.Headers["X-Project-Id"]);
        Assert.Equal(2, provider.Calls);
    }

    [Fact]
    public void The_synchronous_send_path_uses_the_provider_too()
    {
        var provider = new SlowProvider();
        var inner = new CapturingHandler();
        using var invoker = new HttpMessageInvoker(new AkSkSigningHandler(provider, new FakeTimeProvider(OmsInstant)) { InnerHandler = inner });

        invoker.Send(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/p/tasks"), CancellationToken.None).Dispose();
        AssertVerifies(inner.Last, "AK1", "SK1");
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task A_provider_failure_reaches_the_caller_and_nothing_is_sent()
    {
        var inner = new CapturingHandler();
        using var provider = new RefreshingCredentialProvider(_ => throw new HttpRequestException("IAM down"));
        using var invoker = new HttpMessageInvoker(new AkSkSigningHandler(provider) { InnerHandler = inner });

        await Assert.ThrowsAsync<HuaweiCloudCredentialsException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/p/tasks"), CancellationToken.None));
        Assert.Empty(inner.Requests);
    }

    [Fact]
    public void A_null_provider_is_rejected()
        => Assert.Throws<ArgumentNullException>(() => new AkSkSigningHandler((IHuaweiCloudCredentialProvider)null!));
}

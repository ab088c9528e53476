using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class TokenAuthHandlerTests
{
    private static (HttpMessageInvoker, CapturingHandler) Create(TokenAuthHandler handler)
    {
        var inner = new CapturingHandler();
        handler.InnerHandler = inner;
        return (new HttpMessageInvoker(handler), inner);
    }

    [Fact]
    public async Task Fixed_token_and_project_are_added()
    {
        var (invoker, inner) = Create(new TokenAuthHandler("tok-123", "proj"));

        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/v2/proj/tasks"), CancellationToken.None)).Dispose();

        Assert.Equal("tok-123", inner.Last.Headers["X-Auth-Token"]);
        Assert.Equal("proj", inner.Last.Headers["X-Project-Id"]);
        Assert.False(inner.Last.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Asynchronous_provider_is_awaited_per_request()
    {
        int calls = 0;
        var (invoker, inner) = Create(new TokenAuthHandler(async ct =>
        {
            await Task.Yield();
            return "tok-" + Interlocked.Increment(ref calls);
        }));

        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/a"), CancellationToken.None)).Dispose();
        Assert.Equal("tok-1", inner.Last.Headers["X-Auth-Token"]);
        (await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/a"), CancellationToken.None)).Dispose();
        Assert.Equal("tok-2", inner.Last.Headers["X-Auth-Token"]);
        Assert.False(inner.Last.Headers.ContainsKey("X-Project-Id"));
    }

    [Fact]
    public async Task Existing_token_and_project_are_kept()
    {
        var (invoker, inner) = Create(new TokenAuthHandler(_ => throw new InvalidOperationException("must not be called"), "proj"));
        var request = new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/a");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "preset");
        request.Headers.TryAddWithoutValidation("X-Project-Id", "other");

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.Equal("preset", inner.Last.Headers["X-Auth-Token"]);
        Assert.Equal("other", inner.Last.Headers["X-Project-Id"]);
    }

    [Fact]
    public async Task Empty_token_fails_without_content()
    {
        var (invoker, _) = Create(new TokenAuthHandler(_ => new ValueTask<string>(string.Empty)));

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/a"), CancellationToken.None));
        Assert.Throws<ArgumentException>(() => new TokenAuthHandler(" "));
        Assert.Throws<ArgumentNullException>(() => new TokenAuthHandler((Func<CancellationToken, ValueTask<string>>)null!));
    }

    [Fact]
    public void Synchronous_send_adds_the_token()
    {
        var (invoker, inner) = Create(new TokenAuthHandler(async _ =>
        {
            await Task.Delay(1);
            return "slow-token";
        }, "proj"));

        invoker.Send(new HttpRequestMessage(HttpMethod.Get, "https://oms.example.com/a"), CancellationToken.None).Dispose();

        Assert.Equal("slow-token", inner.Last.Headers["X-Auth-Token"]);
        Assert.Equal("proj", inner.Last.Headers["X-Project-Id"]);
    }
}

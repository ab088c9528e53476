using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OmsGenerated.Runtime.Errors;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// A redirect to another origin (two Kestrel servers on two ports) never carries credentials or signatures there:
/// the OMS client does not follow it and reports it as the typed error with its status and Location.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private static readonly string[] s_credentialHeaders = ["X-Auth-Token", "X-Security-Token", "Authorization"];

    private RecordingServer _other = null!;
    private RecordingServer _origin = null!;
    private int _status = 302;

    public async Task InitializeAsync()
    {
        _other = await RecordingServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"id\":666,\"name\":\"from the other origin\",\"status\":2}");
        });
        _origin = await RecordingServer.StartAsync(context =>
        {
            context.Response.StatusCode = _status;
            context.Response.Headers.Location = new Uri(_other.BaseAddress, context.Request.Path.Value!.TrimStart('/') + "?sig=abc").ToString();
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _origin.DisposeAsync();
        await _other.DisposeAsync();
    }

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (int status in new[] { 301, 302, 303, 307, 308 })
        {
            data.Add(status, "aksk");
            data.Add(status, "token");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OmsClientFactory_does_not_follow_a_redirect_to_another_origin(int status, string auth)
    {
        _status = status;
        using OmsClient client = OmsClientFactory.Create(Options(auth));

        ApiErrorException error = await Assert.ThrowsAnyAsync<ApiErrorException>(() => client.ShowTaskAsync(Canary.TaskId));

        AssertRedirectReported(error, status);
        AssertOriginSawCredentialsAndOtherOriginNothing(auth);
    }

    [Theory]
    [InlineData("aksk")]
    [InlineData("token")]
    public async Task AddOmsClient_does_not_follow_a_redirect_to_another_origin(string auth)
    {
        var services = new ServiceCollection();
        OmsClientOptions configured = Options(auth);
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = configured.Endpoint;
            o.ProjectId = configured.ProjectId;
            o.Credentials = configured.Credentials;
            o.AuthToken = configured.AuthToken;
            o.Retry.MaxRetryAttempts = 0;
        }, getVariable: _ => null);
        using ServiceProvider provider = services.BuildServiceProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();

        ApiErrorException error = await Assert.ThrowsAnyAsync<ApiErrorException>(() => client.StartTaskAsync(Canary.TaskId, Canary.Body()));

        AssertRedirectReported(error, 302);
        AssertOriginSawCredentialsAndOtherOriginNothing(auth);
    }

    [Theory]
    [InlineData("aksk")]
    [InlineData("token")]
    public async Task A_transport_that_follows_redirects_is_refused_before_anything_is_sent(string auth)
    {
        using OmsClient client = OmsClientFactory.Create(Options(auth), new SocketsHttpHandler()); // AllowAutoRedirect defaults to true

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ShowTaskAsync(Canary.TaskId));

        Assert.Contains("AllowAutoRedirect", error.Message);
        Assert.Empty(_origin.Requests);
        Assert.Empty(_other.Requests);
    }

    [Fact]
    public async Task An_HttpClientHandler_that_follows_redirects_is_refused_too()
    {
        using OmsClient client = OmsClientFactory.Create(Options("token"), new HttpClientHandler());

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.ShowTaskAsync(Canary.TaskId));

        Assert.Empty(_origin.Requests);
        Assert.Empty(_other.Requests);
    }

    private OmsClientOptions Options(string auth) => new()
    {
        Endpoint = _origin.BaseAddress,
        ProjectId = Canary.ProjectId,
        Credentials = auth == "aksk" ? Canary.Credentials(securityToken: Canary.SecurityToken) : null,
        AuthToken = auth == "token" ? Canary.AuthToken : null,
        Retry = new OmsRetryOptions { MaxRetryAttempts = 0 },
    };

    private void AssertRedirectReported(ApiErrorException error, int status)
    {
        Assert.Equal(status, error.StatusCode);
        Assert.NotNull(error.Location);
        Assert.Equal(_other.BaseAddress.Authority, error.Location!.Authority);
        Assert.Contains("was not followed", error.Message);
        Assert.DoesNotContain("sig=abc", error.Message);
        Assert.DoesNotContain("666", error.Message);
    }

    private void AssertOriginSawCredentialsAndOtherOriginNothing(string auth)
    {
        // The first origin did get authenticated requests (so the test would catch credentials being carried along).
        IReadOnlyDictionary<string, string> first = Assert.Single(_origin.Requests);
        Assert.True(first.ContainsKey(auth == "aksk" ? "Authorization" : "X-Auth-Token"));
        if (auth == "aksk")
        {
            Assert.True(first.ContainsKey("X-Security-Token"));
            Assert.True(first.ContainsKey("X-Sdk-Date"));
        }

        Assert.Empty(_other.Requests);
    }

    [Fact]
    public async Task Control_a_following_transport_does_carry_custom_credential_headers_to_the_other_origin()
    {
        // Why the guard exists: HttpClient drops Authorization on a redirect, but not X-Auth-Token or X-Security-Token.
        using var client = new HttpClient(new SocketsHttpHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_origin.BaseAddress, "v2/p/tasks/1"));
        request.Headers.TryAddWithoutValidation("X-Auth-Token", Canary.AuthToken);
        request.Headers.TryAddWithoutValidation("X-Security-Token", Canary.SecurityToken);
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", "20260101T000000Z");

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        IReadOnlyDictionary<string, string> leaked = Assert.Single(_other.Requests);
        Assert.Contains(leaked.Keys, name => s_credentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(Canary.AuthToken, leaked["X-Auth-Token"]);
    }
}

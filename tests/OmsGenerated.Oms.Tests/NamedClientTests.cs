using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public sealed class NamedClientTests : IAsyncLifetime
{
    private OmsStubServer _primary = null!;
    private OmsStubServer _backup = null!;

    public async Task InitializeAsync()
    {
        _primary = await OmsStubServer.StartAsync(new OmsStubServerOptions { AccessKey = Canary.AccessKey, SecretKey = Canary.SecretKey });
        _backup = await OmsStubServer.StartAsync(new OmsStubServerOptions { AccessKey = "BACKUPAK", SecretKey = "BACKUPSK", AuthToken = Canary.AuthToken });
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _backup.DisposeAsync();
    }

    [Fact]
    public async Task Named_clients_call_their_own_endpoints_with_their_own_credentials()
    {
        IConfigurationRoot configuration = TestConfiguration.FromJson($$"""
            {
              "Oms": {
                "Primary": { "Endpoint": "{{_primary.BaseAddress}}", "ProjectId": "{{Canary.ProjectId}}", "AccessKey": "{{Canary.AccessKey}}", "SecretKey": "{{Canary.SecretKey}}" },
                "Backup": { "Endpoint": "{{_backup.BaseAddress}}", "ProjectId": "backup-project", "AccessKey": "BACKUPAK", "SecretKey": "BACKUPSK" }
              }
            }
            """);
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(services, "primary", configuration.GetSection("Oms:Primary"), configure: null, TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.Register(services, "backup", configuration.GetSection("Oms:Backup"), o => o.Retry.MaxRetryAttempts = 0, TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();

        IOmsClientFactory factory = provider.GetRequiredService<IOmsClientFactory>();
        OmsClient primary = factory.CreateClient("primary");
        OmsClient backup = factory.CreateClient("backup");
        Assert.Equal(_primary.BaseAddress.ToString().TrimEnd('/'), primary.BaseUrl);
        Assert.Equal(_backup.BaseAddress.ToString().TrimEnd('/'), backup.BaseUrl);
        Assert.Equal("backup-project", backup.ProjectId);

        await primary.StartTaskAsync(Canary.TaskId, Canary.Body());
        await backup.StartTaskAsync(Canary.TaskId, Canary.Body());
        await backup.StartTaskAsync(Canary.TaskId, Canary.Body());

        RecordedRequest toPrimary = Assert.Single(_primary.Requests);
        Assert.True(toPrimary.AuthValid, toPrimary.AuthFailure);
        Assert.Equal(Canary.ProjectId, toPrimary.ProjectId);
        Assert.Equal(2, _backup.Requests.Count);
        Assert.All(_backup.Requests, r =>
        {
            Assert.True(r.AuthValid, r.AuthFailure);
            Assert.Equal("backup-project", r.ProjectId);
            Assert.StartsWith("SDK-HMAC-SHA256 Access=BACKUPAK,", r.Header("Authorization"), StringComparison.Ordinal);
        });

        IOptionsMonitor<OmsClientOptions> monitor = provider.GetRequiredService<IOptionsMonitor<OmsClientOptions>>();
        Assert.Equal(0, monitor.Get("backup").Retry.MaxRetryAttempts);
        Assert.Equal(4, monitor.Get("primary").Retry.MaxRetryAttempts);
    }

    [Fact]
    public async Task Named_and_unnamed_clients_live_side_by_side()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = _primary.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.Credentials = Canary.Credentials();
        }, TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.Register(services, "hk", TestConfiguration.FromPairs(("Region", "ap-southeast-1"), ("AccessKey", "A"), ("SecretKey", "S")), null, TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.Register(services, "token", configuration: null, o =>
        {
            o.Endpoint = _backup.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.AuthToken = Canary.AuthToken;
        }, TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();
        IOmsClientFactory factory = provider.GetRequiredService<IOmsClientFactory>();

        Assert.Equal("https://oms.ap-southeast-1.myhuaweicloud.com", factory.CreateClient("hk").BaseUrl);
        Assert.Equal(new Uri("https://oms.ap-southeast-1.myhuaweicloud.com"), provider.GetRequiredService<IHttpClientFactory>().CreateClient("OmsClient.hk").BaseAddress);

        await provider.GetRequiredService<OmsClient>().StartTaskAsync(Canary.TaskId, Canary.Body());
        await factory.CreateClient("token").StartTaskAsync(Canary.TaskId, Canary.Body());
        await factory.CreateClient(string.Empty).StartTaskAsync(Canary.TaskId, Canary.Body());

        Assert.Equal(2, _primary.Requests.Count);
        Assert.All(_primary.Requests, r => Assert.Equal("aksk", r.AuthMode));
        Assert.Equal("token", Assert.Single(_backup.Requests).AuthMode);
    }

    [Fact]
    public void An_unregistered_name_is_an_error_listing_the_registered_ones()
    {
        var services = new ServiceCollection();
        services.AddOmsClient("eu", o => o.Credentials = Canary.Credentials());
        services.AddOmsClient("asia", o => o.Credentials = Canary.Credentials());
        using ServiceProvider provider = services.BuildServiceProvider();

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOmsClientFactory>().CreateClient("us"));
        Assert.Equal("No OMS client named 'us' is registered (AddOmsClient(name, …)). Registered: 'asia', 'eu'.", ex.Message);
        Assert.Throws<ArgumentException>(() => services.AddOmsClient(" ", o => { }));
    }

    [Fact]
    public void Registering_a_name_twice_adds_only_the_configuration()
    {
        var services = new ServiceCollection();
        IHttpClientBuilder first = OmsServiceCollectionExtensions.Register(services, "x", null, o => o.Credentials = Canary.Credentials(), TestConfiguration.NoEnvironment);
        IHttpClientBuilder second = OmsServiceCollectionExtensions.Register(services, "x", TestConfiguration.FromPairs(("Region", "cn-north-12")), null, TestConfiguration.NoEnvironment);
        Assert.Equal("OmsClient.x", first.Name);
        Assert.Equal("OmsClient.x", second.Name);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal("https://oms.cn-north-12.myhuaweicloud.com", provider.GetRequiredService<IOmsClientFactory>().CreateClient("x").BaseUrl);
        Assert.Single(provider.GetServices<IValidateOptions<OmsClientOptions>>());
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmsGenerated.Tests.Shared;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class DependencyInjectionTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public DependencyInjectionTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    private static Func<string, string?> Env(IReadOnlyDictionary<string, string> values)
        => name => values.TryGetValue(name, out string? value) ? value : null;

    private static readonly Func<string, string?> s_noEnvironment = _ => null;

    [Fact]
    public async Task AddOmsClient_resolves_a_working_typed_client()
    {
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddOmsClient(o =>
        {
            o.Endpoint = _server.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.Credentials = Canary.Credentials();
            o.AuthToken = null;
        });
        Assert.Equal(nameof(OmsClient), builder.Name);

        using ServiceProvider provider = services.BuildServiceProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();
        Assert.Equal(_server.BaseAddress.ToString().TrimEnd('/'), client.BaseUrl);
        Assert.Equal(Canary.ProjectId, client.ProjectId);

        await client.StartTaskAsync(Canary.TaskId, Canary.Body());

        StartTaskEndToEndTests.AssertWellFormedStartTask(Assert.Single(_server.Requests));
    }

    [Fact]
    public async Task AddOmsClient_with_a_token()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Endpoint = _server.BaseAddress;
            o.ProjectId = Canary.ProjectId;
            o.AuthToken = Canary.AuthToken;
        }, s_noEnvironment);

        using ServiceProvider provider = services.BuildServiceProvider();
        await provider.GetRequiredService<OmsClient>().StartTaskAsync(Canary.TaskId, Canary.Body());

        StartTaskEndToEndTests.AssertWellFormedStartTask(Assert.Single(_server.Requests), "token");
    }

    [Fact]
    public void Without_an_endpoint_the_region_endpoint_is_used()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Region = OmsRegion.ApSoutheast3;
            o.Credentials = Canary.Credentials();
            o.Timeout = TimeSpan.FromSeconds(42);
        }, s_noEnvironment);

        using ServiceProvider provider = services.BuildServiceProvider();
        OmsClient client = provider.GetRequiredService<OmsClient>();
        Assert.Equal("https://oms.ap-southeast-3.myhuaweicloud.com", client.BaseUrl);
        Assert.Null(client.ProjectId);

        HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OmsClient));
        Assert.Equal(new Uri("https://oms.ap-southeast-3.myhuaweicloud.com"), httpClient.BaseAddress);
        // the total timeout (42 s) is enforced by the resilience pipeline, not by HttpClient.Timeout
        Assert.Equal(System.Threading.Timeout.InfiniteTimeSpan, httpClient.Timeout);
    }

    [Fact]
    public void Environment_variables_are_the_defaults_and_configure_wins()
    {
        var environment = new Dictionary<string, string>
        {
            ["HUAWEICLOUD_SDK_AK"] = Canary.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = Canary.SecretKey,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = Canary.ProjectId,
            ["HUAWEICLOUD_SDK_REGION"] = "la-north-2",
        };

        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, configure: null, Env(environment));
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            OmsClient client = provider.GetRequiredService<OmsClient>();
            Assert.Equal("https://oms.la-north-2.myhuaweicloud.com", client.BaseUrl);
            Assert.Equal(Canary.ProjectId, client.ProjectId);
            OmsClientOptions options = provider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
            Assert.Equal(Canary.AccessKey, options.Credentials?.AccessKey);
            Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        }

        var overridden = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(overridden, o => o.Region = OmsRegion.CnEast3, Env(environment));
        using (ServiceProvider provider = overridden.BuildServiceProvider())
        {
            Assert.Equal("https://oms.cn-east-3.myhuaweicloud.com", provider.GetRequiredService<OmsClient>().BaseUrl);
        }
    }

    [Fact]
    public void Invalid_options_fail_on_first_use_without_secrets_in_the_message()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o =>
        {
            o.Credentials = Canary.Credentials(securityToken: Canary.SecurityToken);
            o.AuthToken = Canary.AuthToken;
        }, s_noEnvironment);

        using ServiceProvider provider = services.BuildServiceProvider();
        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OmsClient>());
        Assert.Contains("exactly one", ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "OptionsValidationException.ToString()");
    }

    [Fact]
    public void Calling_AddOmsClient_twice_adds_only_the_configuration()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.AddOmsClient(services, o => o.Credentials = Canary.Credentials(), s_noEnvironment);
        IHttpClientBuilder second = OmsServiceCollectionExtensions.AddOmsClient(services, o => o.Region = OmsRegion.AfSouth1, s_noEnvironment);
        Assert.Equal(nameof(OmsClient), second.Name);

        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal("https://oms.af-south-1.myhuaweicloud.com", provider.GetRequiredService<OmsClient>().BaseUrl);
        Assert.Single(provider.GetServices<IValidateOptions<OmsClientOptions>>());
    }
}

using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class ConfigurationBindingTests
{
    private static ServiceProvider Build(IConfiguration section, Func<string, string?>? environment = null)
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(services, Options.DefaultName, section, configure: null, environment ?? TestConfiguration.NoEnvironment);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Every_setting_binds_from_appsettings_json()
    {
        IConfigurationRoot configuration = TestConfiguration.FromJson($$"""
            {
              "Oms": {
                "Region": "ap-southeast-1",
                "ProjectId": "{{Canary.ProjectId}}",
                "Timeout": "00:00:42",
                "Retry": { "MaxRetryAttempts": 2, "BaseDelay": "00:00:00.050", "MaxDelay": "00:00:03", "AttemptTimeout": "00:00:07" },
                "AccessKey": "{{Canary.AccessKey}}",
                "SecretKey": "{{Canary.SecretKey}}",
                "SecurityToken": "{{Canary.SecurityToken}}"
              }
            }
            """);

        using ServiceProvider provider = Build(configuration.GetSection("Oms"));
        OmsClientOptions options = provider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
        Assert.Same(OmsRegion.ApSoutheast1, options.Region);
        Assert.Null(options.Endpoint);
        Assert.Equal(Canary.ProjectId, options.ProjectId);
        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeout);
        Assert.Equal(2, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Retry.AttemptTimeout);
        Assert.Equal(Canary.AccessKey, options.Credentials?.AccessKey);
        Assert.Equal(Canary.SecretKey, options.Credentials?.SecretKey);
        Assert.Equal(Canary.SecurityToken, options.Credentials?.SecurityToken);
        Assert.Contains("from configuration Oms:AccessKey/SecretKey", options.ToString(), StringComparison.Ordinal);
        Canary.AssertAbsent(options.ToString(), "options bound from configuration");

        OmsClient client = provider.GetRequiredService<OmsClient>();
        Assert.Equal("https://oms.ap-southeast-1.myhuaweicloud.com", client.BaseUrl);
        Assert.Equal(Canary.ProjectId, client.ProjectId);
    }

    [Fact]
    public void An_endpoint_from_configuration_overrides_the_region()
    {
        IConfigurationRoot configuration = TestConfiguration.FromPairs(
            ("Oms:Region", "la-north-2"), ("Oms:Endpoint", "http://127.0.0.1:5999/"), ("Oms:AccessKey", Canary.AccessKey), ("Oms:SecretKey", Canary.SecretKey));
        using ServiceProvider provider = Build(configuration.GetSection("Oms"));
        Assert.Equal("http://127.0.0.1:5999", provider.GetRequiredService<OmsClient>().BaseUrl);
    }

    [Theory]
    [InlineData("xx-yy-1")]
    [InlineData("cn-north-5")]
    public void An_unknown_region_is_an_error_naming_the_key_and_the_valid_ids(string region)
    {
        IConfigurationRoot configuration = TestConfiguration.FromPairs(("Oms:Region", region), ("Oms:AccessKey", Canary.AccessKey), ("Oms:SecretKey", Canary.SecretKey));
        using ServiceProvider provider = Build(configuration.GetSection("Oms"));

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OmsClientOptions>>().Value);
        Assert.Contains("Oms:Region: '" + region + "' is not an OMS region. Valid: cn-north-1, cn-north-4,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("af-south-1.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OmsClient>());
    }

    [Fact]
    public void Unusable_values_are_reported_together_each_with_its_key()
    {
        IConfigurationRoot configuration = TestConfiguration.FromJson($$"""
            { "Clients": { "Oms": {
                "Endpoint": "not a url",
                "Timeout": "30s",
                "Retry": { "MaxRetryAttempts": "many", "AttemptTimeout": "00:00:00.001" },
                "AccessKey": "{{Canary.AccessKey}}"
            } } }
            """);
        using ServiceProvider provider = Build(configuration.GetSection("Clients:Oms"));

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OmsClientOptions>>().Value);
        Assert.Contains("Clients:Oms:Endpoint: the value is not an absolute http or https URL.", ex.Failures);
        Assert.Contains("Clients:Oms:Timeout: '30s' is not a time span (use [d.]hh:mm:ss[.fff], for example 00:00:30).", ex.Failures);
        Assert.Contains("Clients:Oms:Retry:MaxRetryAttempts: 'many' is not a whole number.", ex.Failures);
        Assert.Contains("Clients:Oms:Retry:AttemptTimeout must be between 10 ms and 1 day.", ex.Failures);
        Assert.Contains("Clients:Oms:SecretKey is missing; Clients:Oms:AccessKey/SecretKey come as a pair.", ex.Failures);
        Canary.AssertAbsent(ex.ToString(), "validation of configuration");
    }

    [Fact]
    public void A_value_set_in_code_is_named_as_a_property_not_a_key()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(
            services,
            Options.DefaultName,
            TestConfiguration.FromPairs(("Oms:Retry:MaxRetryAttempts", "50"), ("Oms:AccessKey", "AK"), ("Oms:SecretKey", "SK")).GetSection("Oms"),
            o => o.Timeout = TimeSpan.Zero,
            TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OmsClientOptions>>().Value);
        Assert.Contains("Oms:Retry:MaxRetryAttempts must be between 0 and 20.", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("Timeout must be between 10 ms and 1 day", StringComparison.Ordinal));
    }

    [Fact]
    public void Configure_registered_after_the_section_wins()
    {
        var services = new ServiceCollection();
        IConfiguration section = TestConfiguration.FromPairs(("Oms:Region", "cn-east-3"), ("Oms:AccessKey", "AK"), ("Oms:SecretKey", "SK")).GetSection("Oms");
        OmsServiceCollectionExtensions.Register(services, Options.DefaultName, section, configure: null, TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.AddOmsClient(services, o => o.Region = OmsRegion.TrWest1, TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Equal("https://oms.tr-west-1.myhuaweicloud.com", provider.GetRequiredService<OmsClient>().BaseUrl);
    }

    [Fact]
    public void The_section_beats_the_environment_for_region_and_project()
    {
        var environment = new Dictionary<string, string>
        {
            ["HUAWEICLOUD_SDK_REGION"] = "cn-north-9",
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "env-project",
            ["HUAWEICLOUD_SDK_AK"] = "ENVAK",
            ["HUAWEICLOUD_SDK_SK"] = "ENVSK",
        };
        using ServiceProvider provider = Build(
            TestConfiguration.FromPairs(("Oms:Region", "sa-brazil-1"), ("Oms:ProjectId", "config-project")).GetSection("Oms"),
            TestConfiguration.Environment(environment));

        OmsClientOptions options = provider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
        Assert.Same(OmsRegion.SaBrazil1, options.Region);
        Assert.Equal("config-project", options.ResolveProjectId());
        Assert.Equal("ENVAK", options.Credentials?.AccessKey);
    }

    [Fact]
    public void A_reloaded_section_reaches_IOptionsMonitor()
    {
        IConfigurationRoot configuration = TestConfiguration.FromPairs(("Oms:Region", "cn-east-2"), ("Oms:AccessKey", "AK"), ("Oms:SecretKey", "SK"));
        using ServiceProvider provider = Build(configuration.GetSection("Oms"));
        IOptionsMonitor<OmsClientOptions> monitor = provider.GetRequiredService<IOptionsMonitor<OmsClientOptions>>();
        Assert.Same(OmsRegion.CnEast2, monitor.CurrentValue.Region);

        configuration["Oms:Region"] = "cn-east-4";
        configuration.Reload();
        Assert.Same(OmsRegion.CnEast4, monitor.CurrentValue.Region);
    }

    [Fact]
    public void OmsRegion_binds_from_its_id_with_ConfigurationBinder()
    {
        IConfigurationRoot configuration = TestConfiguration.FromPairs(("App:Home", "ME-EAST-1"), ("App:Replicas:0", "cn-north-4"), ("App:Replicas:1", "af-south-1"));
        AppSettings settings = configuration.GetSection("App").Get<AppSettings>()!;
        Assert.Same(OmsRegion.MeEast1, settings.Home);
        Assert.Equal(new[] { OmsRegion.CnNorth4, OmsRegion.AfSouth1 }, settings.Replicas);

        IConfigurationRoot bad = TestConfiguration.FromPairs(("App:Home", "mars-1"));
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => bad.GetSection("App").Get<AppSettings>());
        Assert.Contains("App:Home", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'mars-1' is not an OMS region. Valid region IDs: cn-north-1,", ex.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OmsRegion_converts_to_and_from_text_through_TypeDescriptor()
    {
        System.ComponentModel.TypeConverter converter = System.ComponentModel.TypeDescriptor.GetConverter(typeof(OmsRegion));
        Assert.IsType<OmsRegionConverter>(converter);
        Assert.Same(OmsRegion.ApSoutheast5, converter.ConvertFromInvariantString("ap-southeast-5"));
        Assert.Equal("ap-southeast-5", converter.ConvertToInvariantString(OmsRegion.ApSoutheast5));
        Assert.Throws<ArgumentException>(() => converter.ConvertFromInvariantString("nowhere"));
    }

    [Fact]
    public async Task A_host_with_an_unknown_region_fails_at_start_naming_the_key()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oms:Region"] = "xx-yy-1",
            ["Oms:AccessKey"] = Canary.AccessKey,
            ["Oms:SecretKey"] = Canary.SecretKey,
        });
        builder.Services.AddOmsClient(builder.Configuration.GetSection("Oms"));
        using IHost host = builder.Build();

        OptionsValidationException ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Oms:Region: 'xx-yy-1' is not an OMS region. Valid: " + OmsRegion.ValidIds + ".", ex.Failures);
        Canary.AssertAbsent(ex.ToString(), "host start failure");
    }

    [Fact]
    public async Task A_host_with_valid_configuration_starts()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Oms:Region"] = "cn-south-1",
            ["Oms:AccessKey"] = Canary.AccessKey,
            ["Oms:SecretKey"] = Canary.SecretKey,
        });
        builder.Services.AddOmsClient(builder.Configuration.GetSection("Oms"));
        using IHost host = builder.Build();

        await host.StartAsync();
        Assert.Equal("https://oms.cn-south-1.myhuaweicloud.com", host.Services.GetRequiredService<OmsClient>().BaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public void Without_a_host_IStartupValidator_reports_every_invalid_client()
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(services, "a", TestConfiguration.FromPairs(("Region", "bad-1")), configure: null, TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.Register(services, "b", configuration: null, o => o.Credentials = Canary.Credentials(), TestConfiguration.NoEnvironment);
        OmsServiceCollectionExtensions.Register(services, "c", TestConfiguration.FromPairs(("Timeout", "soon")), configure: null, TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();

        AggregateException ex = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(2, ex.InnerExceptions.Count);
        Assert.Contains(ex.InnerExceptions, e => e.Message.Contains("Region: 'bad-1' is not an OMS region", StringComparison.Ordinal));
        Assert.Contains(ex.InnerExceptions, e => e.Message.Contains("Timeout: 'soon' is not a time span", StringComparison.Ordinal));
    }

    private sealed class AppSettings
    {
        public OmsRegion? Home { get; set; }

        public List<OmsRegion> Replicas { get; set; } = new();
    }
}

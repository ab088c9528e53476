using System;
using System.Collections.Generic;
using System.Threading;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class OmsClientOptionsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in values)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out string? value) ? value : null;
    }

    [Fact]
    public void Defaults_are_cn_north_4_and_60_seconds()
    {
        var options = new OmsClientOptions();
        Assert.Same(OmsRegion.CnNorth4, options.Region);
        Assert.Null(options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.Equal(new Uri("https://oms.cn-north-4.myhuaweicloud.com"), options.ResolveEndpoint());
    }

    [Fact]
    public void FromEnvironment_reads_the_HUAWEICLOUD_SDK_variables()
    {
        OmsClientOptions options = OmsClientOptions.FromEnvironment(Env(
            ("HUAWEICLOUD_SDK_AK", Canary.AccessKey),
            ("HUAWEICLOUD_SDK_SK", Canary.SecretKey),
            ("HUAWEICLOUD_SDK_PROJECT_ID", Canary.ProjectId),
            ("HUAWEICLOUD_SDK_SECURITY_TOKEN", Canary.SecurityToken),
            ("HUAWEICLOUD_SDK_REGION", "la-north-2")));

        Assert.Same(OmsRegion.LaNorth2, options.Region);
        Assert.Equal(Canary.ProjectId, options.ProjectId);
        Assert.NotNull(options.Credentials);
        Assert.Equal(Canary.AccessKey, options.Credentials!.AccessKey);
        Assert.Equal(Canary.SecretKey, options.Credentials.SecretKey);
        Assert.Equal(Canary.SecurityToken, options.Credentials.SecurityToken);
        Assert.Equal(Canary.ProjectId, options.Credentials.ProjectId);
        Assert.Null(options.AuthToken);
        options.Validate();
        Canary.AssertAbsent(options.ToString(), "OmsClientOptions.ToString()");
    }

    [Fact]
    public void FromEnvironment_without_variables_has_no_credentials_and_the_default_region()
    {
        OmsClientOptions options = OmsClientOptions.FromEnvironment(_ => null);
        Assert.Null(options.Credentials);
        Assert.Null(options.ProjectId);
        Assert.Same(OmsRegion.CnNorth4, options.Region);
    }

    [Fact]
    public void FromEnvironment_rejects_an_unknown_region_listing_the_valid_ones()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => OmsClientOptions.FromEnvironment(Env(("HUAWEICLOUD_SDK_REGION", "mars-1"))));
        Assert.Contains("HUAWEICLOUD_SDK_REGION", ex.Message, StringComparison.Ordinal);
        Assert.Contains("mars-1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("af-south-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_requires_an_authentication_mode()
    {
        var options = new OmsClientOptions();
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("Credentials", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AuthToken", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_both_authentication_modes_without_printing_them()
    {
        var options = new OmsClientOptions { Credentials = Canary.Credentials(securityToken: Canary.SecurityToken), AuthToken = Canary.AuthToken };
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("exactly one", ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "validation exception");
        Canary.AssertAbsent(options.ToString(), "OmsClientOptions.ToString()");
    }

    [Fact]
    public void Validate_lists_every_problem()
    {
        var options = new OmsClientOptions
        {
            Credentials = Canary.Credentials(projectId: "aaaa"),
            ProjectId = "bbbb",
            Endpoint = new Uri("ftp://example.com/"),
            Timeout = TimeSpan.Zero,
        };

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("Endpoint", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ProjectId differs", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout", ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "validation exception");
    }

    [Fact]
    public void Validate_rejects_an_endpoint_with_user_information_and_ToString_hides_it()
    {
        var options = new OmsClientOptions { AuthToken = Canary.AuthToken, Endpoint = new Uri("https://user:" + Canary.SecretKey + "@oms.example.com/") };
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("user information", ex.Message, StringComparison.Ordinal);
        Canary.AssertAbsent(ex.ToString(), "validation exception");
        Canary.AssertAbsent(options.ToString(), "OmsClientOptions.ToString()");
    }

    [Fact]
    public void Validate_rejects_a_blank_token()
    {
        var options = new OmsClientOptions { AuthToken = "  " };
        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(options.Validate);
        Assert.Contains("AuthToken", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_timeout_is_valid()
    {
        var options = new OmsClientOptions { AuthToken = Canary.AuthToken, Timeout = Timeout.InfiniteTimeSpan };
        options.Validate();
    }

    [Fact]
    public void Endpoint_overrides_the_region_and_project_falls_back_to_the_credentials()
    {
        var options = new OmsClientOptions
        {
            Region = OmsRegion.ApSoutheast3,
            Endpoint = new Uri("http://127.0.0.1:8080/"),
            Credentials = Canary.Credentials(projectId: Canary.ProjectId),
        };

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), options.ResolveEndpoint());
        Assert.Equal(Canary.ProjectId, options.ResolveProjectId());
        options.Endpoint = null;
        Assert.Equal(new Uri("https://oms.ap-southeast-3.myhuaweicloud.com"), options.ResolveEndpoint());
    }

    [Fact]
    public void ToString_describes_the_settings_without_secrets()
    {
        var aksk = new OmsClientOptions { Credentials = Canary.Credentials(securityToken: Canary.SecurityToken), ProjectId = Canary.ProjectId };
        string text = aksk.ToString();
        Assert.Contains("cn-north-4", text, StringComparison.Ordinal);
        Assert.Contains(Canary.ProjectId, text, StringComparison.Ordinal);
        Assert.Contains("AK/SK", text, StringComparison.Ordinal);
        Canary.AssertAbsent(text, "OmsClientOptions.ToString()");

        var token = new OmsClientOptions { AuthToken = Canary.AuthToken };
        Assert.Contains("X-Auth-Token ***", token.ToString(), StringComparison.Ordinal);
        Canary.AssertAbsent(token.ToString(), "OmsClientOptions.ToString()");

        HuaweiCloudCredentials credentials = Canary.Credentials(securityToken: Canary.SecurityToken);
        Canary.AssertAbsent(credentials.ToString(), "HuaweiCloudCredentials.ToString()");
    }

    [Fact]
    public void StartTaskReq_ToString_masks_credentials()
    {
        string text = Canary.Body().ToString();
        Assert.Contains("MigrateFailedObject = true", text, StringComparison.Ordinal);
        Canary.AssertAbsent(text, "StartTaskReq.ToString()");
    }
}

using System;
using System.Collections.Generic;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Runtime.Tests.Auth;

public class HuaweiCloudCredentialsTests
{
    private const string CanaryAk = "CANARYAKID0123456789";
    private const string CanarySk = "canary-SK-do-not-print-9f8e7d";
    private const string CanaryToken = "canary-TOKEN-do-not-print-1a2b3c";

    [Fact]
    public void Properties_round_trip()
    {
        var c = new HuaweiCloudCredentials("ak", "sk", "proj", "tok");

        Assert.Equal("ak", c.AccessKey);
        Assert.Equal("sk", c.SecretKey);
        Assert.Equal("proj", c.ProjectId);
        Assert.Equal("tok", c.SecurityToken);
    }

    [Fact]
    public void Empty_optional_values_mean_none()
    {
        var c = new HuaweiCloudCredentials("ak", "sk", "", "");

        Assert.Null(c.ProjectId);
        Assert.Null(c.SecurityToken);
    }

    [Fact]
    public void ToString_masks_everything_secret()
    {
        var c = new HuaweiCloudCredentials(CanaryAk, CanarySk, "proj-123", CanaryToken);

        Assert.Equal(
            "HuaweiCloudCredentials { AccessKey = CANA***, SecretKey = ***, ProjectId = proj-123, SecurityToken = *** }",
            c.ToString());
        Assert.Equal(
            "HuaweiCloudCredentials { AccessKey = CANA***, SecretKey = ***, ProjectId = (none), SecurityToken = (none) }",
            new HuaweiCloudCredentials(CanaryAk, CanarySk).ToString());
        Assert.Equal(
            "HuaweiCloudCredentials { AccessKey = ***, SecretKey = ***, ProjectId = (none), SecurityToken = (none) }",
            new HuaweiCloudCredentials("ABCD", CanarySk).ToString());
    }

    [Fact]
    public void Secret_canary_never_appears_in_strings_or_exceptions()
    {
        var texts = new List<string>
        {
            new HuaweiCloudCredentials(CanaryAk, CanarySk, "p", CanaryToken).ToString(),
            $"{new HuaweiCloudCredentials(CanaryAk, CanarySk, null, CanaryToken)}",
        };

        // Invalid values: the offending value and the other values must not be echoed.
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(CanaryAk + " \r\n", CanarySk, null, CanaryToken)).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(CanaryAk, "  ", null, CanaryToken)).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials("", CanarySk, null, CanaryToken)).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(null!, CanarySk)).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(CanaryAk, null!)).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(CanaryAk, CanarySk, null, CanaryToken + "\n")).ToString());
        texts.Add(Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(CanaryAk, CanarySk, "bad project", CanaryToken)).ToString());

        foreach (string text in texts)
        {
            Assert.DoesNotContain(CanaryAk, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CanarySk, text, StringComparison.Ordinal);
            Assert.DoesNotContain(CanaryToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Exceptions_name_the_parameter()
    {
        Assert.Equal("accessKey", Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials(" ", "sk")).ParamName);
        Assert.Equal("secretKey", Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials("ak", "")).ParamName);
        Assert.Equal("securityToken", Assert.ThrowsAny<ArgumentException>(() => new HuaweiCloudCredentials("ak", "sk", null, "a b")).ParamName);
    }

    [Fact]
    public void FromEnvironment_reads_all_four_variables()
    {
        var env = new Dictionary<string, string?>
        {
            ["HUAWEICLOUD_SDK_AK"] = "ak",
            ["HUAWEICLOUD_SDK_SK"] = "sk",
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "proj",
            ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "tok",
        };

        HuaweiCloudCredentials? c = HuaweiCloudCredentials.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.NotNull(c);
        Assert.Equal("ak", c.AccessKey);
        Assert.Equal("sk", c.SecretKey);
        Assert.Equal("proj", c.ProjectId);
        Assert.Equal("tok", c.SecurityToken);
    }

    [Fact]
    public void FromEnvironment_optional_variables_may_be_missing_or_empty()
    {
        var env = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = "ak", ["HUAWEICLOUD_SDK_SK"] = "sk", ["HUAWEICLOUD_SDK_PROJECT_ID"] = "" };

        HuaweiCloudCredentials? c = HuaweiCloudCredentials.FromEnvironment(name => env.GetValueOrDefault(name));

        Assert.NotNull(c);
        Assert.Null(c.ProjectId);
        Assert.Null(c.SecurityToken);
    }

    [Theory]
    [InlineData(null, "sk")]
    [InlineData("ak", null)]
    [InlineData("", "sk")]
    [InlineData("ak", "  ")]
    [InlineData(null, null)]
    public void FromEnvironment_returns_null_without_ak_or_sk(string? ak, string? sk)
    {
        var env = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = ak, ["HUAWEICLOUD_SDK_SK"] = sk };

        Assert.Null(HuaweiCloudCredentials.FromEnvironment(name => env.GetValueOrDefault(name)));
    }

    [Fact]
    public void FromEnvironment_defaults_to_the_process_environment()
    {
        // Only checks that the default lookup is wired; the outcome depends on the machine.
        HuaweiCloudCredentials? c = HuaweiCloudCredentials.FromEnvironment();
        Assert.Equal(
            !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_AK"))
                && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_SK")),
            c is not null);
    }
}

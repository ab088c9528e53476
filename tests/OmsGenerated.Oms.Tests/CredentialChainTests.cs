using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Auth;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>The credential chain of AddOmsClient: code, then HUAWEICLOUD_SDK_AK/SK, then the configuration section, then the credentials file.</summary>
public sealed class CredentialChainTests : IDisposable
{
    private readonly TemporaryFile _profile = new("[basic]\nak = FILEAK\nsk = FILESK\nproject_id = file-project\n");

    public void Dispose() => _profile.Dispose();

    private Dictionary<string, string> Environment(bool withKeys) => withKeys
        ? new() { ["HUAWEICLOUD_SDK_AK"] = "ENVAK", ["HUAWEICLOUD_SDK_SK"] = "ENVSK", ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = _profile.Path }
        : new() { ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = _profile.Path };

    private static IConfiguration Section(bool withKeys) => withKeys
        ? TestConfiguration.FromPairs(("Oms:AccessKey", "CONFIGAK"), ("Oms:SecretKey", "CONFIGSK")).GetSection("Oms")
        : TestConfiguration.FromPairs(("Oms:Region", "cn-north-4")).GetSection("Oms");

    private static OmsClientOptions Resolve(IConfiguration section, Action<OmsClientOptions>? configure, Func<string, string?> environment)
    {
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(services, Options.DefaultName, section, configure, environment);
        using ServiceProvider provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OmsClientOptions>>().Value;
    }

    private static IEnumerable<string> Failures(IConfiguration section, Func<string, string?> environment)
        => Assert.Throws<OptionsValidationException>(() => Resolve(section, null, environment)).Failures;

    [Theory]
    [InlineData(true, true, true, "CODEAK", null)]
    [InlineData(false, true, true, "ENVAK", "HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK")]
    [InlineData(false, false, true, "CONFIGAK", "configuration Oms:AccessKey/SecretKey")]
    [InlineData(false, false, false, "FILEAK", "the credentials file '{file}' [basic]")]
    public void The_first_source_with_a_key_pair_wins(bool inCode, bool inEnvironment, bool inConfiguration, string expectedAccessKey, string? expectedSource)
    {
        OmsClientOptions options = Resolve(
            Section(inConfiguration),
            inCode ? o => o.Credentials = new HuaweiCloudCredentials("CODEAK", "CODESK") : null,
            TestConfiguration.Environment(Environment(inEnvironment)));

        Assert.Equal(expectedAccessKey, options.Credentials?.AccessKey);
        string description = options.ToString();
        if (expectedSource is null)
        {
            Assert.DoesNotContain(" from ", description, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(" from " + expectedSource.Replace("{file}", _profile.Path, StringComparison.Ordinal), description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_project_of_the_credentials_file_is_used_when_none_is_configured()
    {
        OmsClientOptions options = Resolve(Section(false), null, TestConfiguration.Environment(Environment(false)));
        Assert.Equal("file-project", options.ResolveProjectId());
    }

    [Fact]
    public void A_token_or_a_provider_set_in_code_beats_keys_found_elsewhere()
    {
        OmsClientOptions token = Resolve(Section(true), o => o.AuthToken = Canary.AuthToken, TestConfiguration.Environment(Environment(true)));
        Assert.Null(token.Credentials);
        Assert.Empty(token.GetValidationErrors());

        using var provider = new RefreshingCredentialProvider(_ => new ValueTask<ExpiringCredentials>(new ExpiringCredentials(Canary.Credentials(), DateTimeOffset.UtcNow.AddHours(1))));
        OmsClientOptions withProvider = Resolve(Section(true), o => o.CredentialProvider = provider, TestConfiguration.Environment(Environment(true)));
        Assert.Null(withProvider.Credentials);
        Assert.Contains("AK/SK from provider RefreshingCredentialProvider", withProvider.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_nothing_found_the_error_lists_what_was_tried()
    {
        using var home = new TemporaryFile("unused");
        IEnumerable<string> failures = Failures(Section(false), TestConfiguration.Environment(new Dictionary<string, string> { ["HOME"] = home.DirectoryPath }));
        string expectedFile = System.IO.Path.Combine(home.DirectoryPath, ".huaweicloud", "credentials");
        Assert.Equal(
            "No authentication is configured: set Credentials, CredentialProvider or AuthToken; no AK/SK was found in HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, the credentials file '" + expectedFile + "' [basic] (no such file).",
            Assert.Single(failures));
    }

    [Fact]
    public void A_credentials_file_that_was_asked_for_must_exist()
    {
        string missing = System.IO.Path.Combine(_profile.DirectoryPath, "missing");
        Assert.Contains(
            "HUAWEICLOUD_SDK_CREDENTIALS_FILE: the credentials file '" + missing + "' does not exist.",
            Failures(Section(false), TestConfiguration.Environment(new Dictionary<string, string> { ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] = missing })));
        Assert.Contains(
            "Oms:CredentialsFile: the credentials file '" + missing + "' does not exist.",
            Failures(TestConfiguration.FromPairs(("Oms:CredentialsFile", missing)).GetSection("Oms"), TestConfiguration.NoEnvironment));
    }

    [Fact]
    public void A_malformed_credentials_file_fails_validation_naming_file_and_line()
    {
        using var broken = new TemporaryFile("[basic]\nak = " + Canary.AccessKey + "\n" + Canary.SecretKey + "\n");
        var services = new ServiceCollection();
        OmsServiceCollectionExtensions.Register(services, Options.DefaultName, TestConfiguration.FromPairs(("Oms:CredentialsFile", broken.Path)).GetSection("Oms"), null, TestConfiguration.NoEnvironment);
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("The Huawei Cloud credentials file '" + broken.Path + "' line 3: expected 'key = value', a [section] header or a comment.", ex.Failures);
        Canary.AssertAbsent(ex.ToString(), "validation of a malformed credentials file");
    }

    [Fact]
    public void Environment_keys_do_not_carry_a_project_that_could_disagree_with_the_configured_one()
    {
        var environment = new Dictionary<string, string>
        {
            ["HUAWEICLOUD_SDK_AK"] = "ENVAK",
            ["HUAWEICLOUD_SDK_SK"] = "ENVSK",
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = "env-project",
        };
        OmsClientOptions options = Resolve(TestConfiguration.FromPairs(("Oms:ProjectId", "config-project")).GetSection("Oms"), null, TestConfiguration.Environment(environment));
        Assert.Empty(options.GetValidationErrors());
        Assert.Equal("config-project", options.ResolveProjectId());
    }
}

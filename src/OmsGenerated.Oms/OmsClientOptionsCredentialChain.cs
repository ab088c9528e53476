using System;
using System.IO;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Oms;

/// <summary>
/// Picks the credentials of every <see cref="OmsClientOptions"/> in dependency injection, as the Huawei Cloud SDKs'
/// default provider chain does: what the code set (<see cref="OmsClientOptions.Credentials"/>,
/// <see cref="OmsClientOptions.CredentialProvider"/> or <see cref="OmsClientOptions.AuthToken"/>), else
/// <c>HUAWEICLOUD_SDK_AK</c>/<c>_SK</c>, else the configuration section's <c>AccessKey</c>/<c>SecretKey</c>, else the
/// <c>[basic]</c> section of the Huawei Cloud credentials file.
/// </summary>
/// <remarks>Runs after every configure step, so the order in which they were registered does not matter here.</remarks>
internal sealed class OmsClientOptionsCredentialChain : IPostConfigureOptions<OmsClientOptions>
{
    private readonly Func<string, string?> _getVariable;

    public OmsClientOptionsCredentialChain(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public void PostConfigure(string? name, OmsClientOptions options)
    {
        if (options.Credentials is not null || options.CredentialProvider is not null || options.AuthToken is not null)
        {
            return;
        }

        if (options.EnvironmentCredentials is { } fromEnvironment)
        {
            options.Credentials = fromEnvironment;
            options.CredentialSource = HuaweiCloudCredentials.AccessKeyVariable + "/" + HuaweiCloudCredentials.SecretKeyVariable;
            return;
        }

        if (options.ConfigurationCredentials is { } fromConfiguration)
        {
            options.Credentials = fromConfiguration;
            options.CredentialSource = "configuration " + options.ConfigurationCredentialsKeys;
            return;
        }

        string searched = HuaweiCloudCredentials.AccessKeyVariable + "/" + HuaweiCloudCredentials.SecretKeyVariable
            + (options.ConfigurationCredentialsKeys is null ? "" : ", configuration " + options.ConfigurationCredentialsKeys);
        bool explicitFile = options.CredentialsFile is not null || !string.IsNullOrWhiteSpace(_getVariable(HuaweiCloudCredentialsFile.PathVariable));
        string? path = options.CredentialsFile ?? HuaweiCloudCredentialsFile.DefaultPath(_getVariable);
        if (path is null)
        {
            options.CredentialSearch = searched + " (no home directory for a credentials file)";
            return;
        }

        string fileSource = "the credentials file '" + path + "' [" + HuaweiCloudCredentialsFile.BasicSection + "]";
        if (!File.Exists(path))
        {
            if (explicitFile)
            {
                options.ConfigurationErrors.Add(
                    (options.ConfigurationKeys.TryGetValue(nameof(OmsClientOptions.CredentialsFile), out string? key) ? key
                        : options.CredentialsFile is not null ? nameof(OmsClientOptions.CredentialsFile) : HuaweiCloudCredentialsFile.PathVariable)
                    + ": the credentials file '" + path + "' does not exist.");
            }

            options.CredentialSearch = searched + ", " + fileSource + " (no such file)";
            return;
        }

        try
        {
            options.Credentials = HuaweiCloudCredentialsFile.Load(path);
        }
        catch (HuaweiCloudCredentialsFileException e)
        {
            options.ConfigurationErrors.Add(e.Message);
            options.CredentialSearch = searched + ", " + fileSource;
            return;
        }

        if (options.Credentials is null)
        {
            options.CredentialSearch = searched + ", " + fileSource + " (no such section)";
            return;
        }

        options.CredentialSource = fileSource;
    }
}

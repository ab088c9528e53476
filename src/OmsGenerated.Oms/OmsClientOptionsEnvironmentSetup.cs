using System;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Oms;

/// <summary>
/// The first configuration step of every <see cref="OmsClientOptions"/> (unnamed and named) in dependency injection:
/// region and project ID from the <c>HUAWEICLOUD_SDK_*</c> environment variables, and their AK/SK as a candidate of the
/// credential chain (<see cref="OmsClientOptionsCredentialChain"/>).
/// </summary>
internal sealed class OmsClientOptionsEnvironmentSetup : IConfigureNamedOptions<OmsClientOptions>
{
    private readonly Func<string, string?> _getVariable;

    public OmsClientOptionsEnvironmentSetup(Func<string, string?> getVariable)
    {
        _getVariable = getVariable;
    }

    public void Configure(OmsClientOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OmsClientOptions options)
    {
        options.ApplyEnvironmentSettings(_getVariable, options.ConfigurationErrors);
        try
        {
            // The project ID lives in options.ProjectId, so a configured one cannot disagree with a copy in the credentials.
            HuaweiCloudCredentials? credentials = HuaweiCloudCredentials.FromEnvironment(_getVariable);
            options.EnvironmentCredentials = credentials is null
                ? null
                : new HuaweiCloudCredentials(credentials.AccessKey, credentials.SecretKey, projectId: null, credentials.SecurityToken);
        }
        catch (ArgumentException e)
        {
            options.ConfigurationErrors.Add("HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN: " + OmsClientOptionsConfigurationSetup.WithoutParameterName(e.Message));
        }
    }
}

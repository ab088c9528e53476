using System;
using Microsoft.Extensions.Options;

namespace OmsGenerated.Oms;

/// <summary>The first configuration step of <see cref="OmsClientOptions"/> in dependency injection: the <c>HUAWEICLOUD_SDK_*</c> environment variables.</summary>
internal sealed class OmsClientOptionsEnvironmentSetup : IConfigureOptions<OmsClientOptions>
{
    private readonly Func<string, string?>? _getVariable;

    public OmsClientOptionsEnvironmentSetup(Func<string, string?>? getVariable)
    {
        _getVariable = getVariable;
    }

    public void Configure(OmsClientOptions options) => options.ApplyEnvironment(_getVariable);
}

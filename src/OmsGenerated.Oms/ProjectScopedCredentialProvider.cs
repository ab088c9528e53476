using System;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Oms;

/// <summary>
/// Gives the credentials of another provider the configured project ID when they have none, so that
/// <c>X-Project-Id</c> is sent and signed as with fixed credentials. The copy is made once per credentials instance.
/// </summary>
internal sealed class ProjectScopedCredentialProvider : IHuaweiCloudCredentialProvider
{
    private readonly IHuaweiCloudCredentialProvider _inner;
    private readonly string _projectId;
    private volatile Scoped? _last;

    public ProjectScopedCredentialProvider(IHuaweiCloudCredentialProvider inner, string projectId)
    {
        _inner = inner;
        _projectId = projectId;
    }

    public ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ValueTask<HuaweiCloudCredentials> pending = _inner.GetCredentialsAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<HuaweiCloudCredentials>(Scope(pending.Result)) : AwaitAndScopeAsync(pending);
    }

    private async ValueTask<HuaweiCloudCredentials> AwaitAndScopeAsync(ValueTask<HuaweiCloudCredentials> pending)
        => Scope(await pending.ConfigureAwait(false));

    private HuaweiCloudCredentials Scope(HuaweiCloudCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.ProjectId is not null)
        {
            return credentials;
        }

        Scoped? last = _last;
        if (last is not null && ReferenceEquals(last.Source, credentials))
        {
            return last.WithProject;
        }

        var scoped = new HuaweiCloudCredentials(credentials.AccessKey, credentials.SecretKey, _projectId, credentials.SecurityToken);
        _last = new Scoped(credentials, scoped);
        return scoped;
    }

    private sealed record Scoped(HuaweiCloudCredentials Source, HuaweiCloudCredentials WithProject);
}

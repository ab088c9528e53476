using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Supplies the AK/SK credentials to sign a request with; <see cref="AkSkSigningHandler"/> asks for them on every request.
/// </summary>
/// <remarks>
/// Implementations that fetch temporary credentials (a security token from IAM or an agency) cache them and return the
/// cached value until shortly before it expires, as <see cref="RefreshingCredentialProvider"/> does. A failure must be
/// reported with an exception whose message contains no secret.
/// </remarks>
public interface IHuaweiCloudCredentialProvider
{
    /// <summary>The credentials to use now.</summary>
    /// <param name="cancellationToken">Cancels a fetch in progress.</param>
    ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

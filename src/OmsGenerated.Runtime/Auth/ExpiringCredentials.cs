using System;
using System.Globalization;

namespace OmsGenerated.Runtime.Auth;

/// <summary>Temporary credentials (typically with a security token) and the moment they stop working.</summary>
public sealed class ExpiringCredentials
{
    /// <param name="credentials">The credentials.</param>
    /// <param name="expiresAt">When the credentials expire.</param>
    public ExpiringCredentials(HuaweiCloudCredentials credentials, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        Credentials = credentials;
        ExpiresAt = expiresAt;
    }

    /// <summary>The credentials.</summary>
    public HuaweiCloudCredentials Credentials { get; }

    /// <summary>When the credentials expire.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>A masked description (see <see cref="HuaweiCloudCredentials.ToString"/>).</summary>
    public override string ToString()
        => "ExpiringCredentials { " + Credentials + ", ExpiresAt = " + ExpiresAt.ToString("O", CultureInfo.InvariantCulture) + " }";
}

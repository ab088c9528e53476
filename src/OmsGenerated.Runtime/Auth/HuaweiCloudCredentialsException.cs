using System;

namespace OmsGenerated.Runtime.Auth;

/// <summary>Credentials could not be obtained (for example a refresh of temporary credentials failed). The message never contains a secret.</summary>
public sealed class HuaweiCloudCredentialsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HuaweiCloudCredentialsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public HuaweiCloudCredentialsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

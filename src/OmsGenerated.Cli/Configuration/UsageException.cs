using System;

namespace OmsGenerated.Cli.Configuration;

/// <summary>Invalid arguments or configuration (exit code 2). The message is shown as is and never contains a secret.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

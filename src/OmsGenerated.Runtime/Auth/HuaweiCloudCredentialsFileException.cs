using System;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// The Huawei Cloud credentials file cannot be used. The message names the file and, for a syntax error, the line; it
/// never quotes the file's content.
/// </summary>
public sealed class HuaweiCloudCredentialsFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public HuaweiCloudCredentialsFileException(string message, string filePath, int? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
    }

    /// <summary>The credentials file.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of a syntax error, or <see langword="null"/>.</summary>
    public int? LineNumber { get; }
}

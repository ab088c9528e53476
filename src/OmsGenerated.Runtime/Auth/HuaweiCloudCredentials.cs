using System;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Huawei Cloud AK/SK credentials (optionally temporary, with a security token) plus an optional project ID.
/// </summary>
/// <remarks>
/// The secret key and the security token are never printed: <see cref="ToString"/> masks them, and validation
/// errors never include any of the values.
/// </remarks>
public sealed class HuaweiCloudCredentials
{
    /// <summary>Environment variable holding the access key.</summary>
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";

    /// <summary>Environment variable holding the secret key.</summary>
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";

    /// <summary>Environment variable holding the project ID.</summary>
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";

    /// <summary>Environment variable holding the security token of temporary credentials.</summary>
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

    /// <param name="accessKey">The access key (AK). Required.</param>
    /// <param name="secretKey">The secret key (SK). Required.</param>
    /// <param name="projectId">Optional project ID, sent as <c>X-Project-Id</c>. Empty means none.</param>
    /// <param name="securityToken">Optional security token of temporary credentials, sent as <c>X-Security-Token</c>. Empty means none.</param>
    /// <exception cref="ArgumentException">A value is missing or contains characters that cannot go into an HTTP header. The message never contains the value.</exception>
    public HuaweiCloudCredentials(string accessKey, string secretKey, string? projectId = null, string? securityToken = null)
    {
        if (string.IsNullOrWhiteSpace(accessKey))
        {
            throw new ArgumentException("The access key must not be null, empty or whitespace.", nameof(accessKey));
        }

        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ArgumentException("The secret key must not be null, empty or whitespace.", nameof(secretKey));
        }

        if (!IsHeaderToken(accessKey))
        {
            throw new ArgumentException("The access key contains whitespace or control characters.", nameof(accessKey));
        }

        if (string.IsNullOrEmpty(projectId))
        {
            projectId = null;
        }
        else if (!IsHeaderToken(projectId))
        {
            throw new ArgumentException("The project ID contains whitespace or control characters.", nameof(projectId));
        }

        if (string.IsNullOrEmpty(securityToken))
        {
            securityToken = null;
        }
        else if (!IsHeaderToken(securityToken))
        {
            throw new ArgumentException("The security token contains whitespace or control characters.", nameof(securityToken));
        }

        AccessKey = accessKey;
        SecretKey = secretKey;
        ProjectId = projectId;
        SecurityToken = securityToken;
    }

    /// <summary>The access key (AK).</summary>
    public string AccessKey { get; }

    /// <summary>The secret key (SK). Never log it.</summary>
    public string SecretKey { get; }

    /// <summary>The project ID, or <see langword="null"/>.</summary>
    public string? ProjectId { get; }

    /// <summary>The security token of temporary credentials, or <see langword="null"/>. Never log it.</summary>
    public string? SecurityToken { get; }

    /// <summary>
    /// Reads <c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_SK</c>, <c>HUAWEICLOUD_SDK_PROJECT_ID</c> and
    /// <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>.
    /// </summary>
    /// <param name="getVariable">Variable lookup; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>The credentials, or <see langword="null"/> when the AK or the SK is missing or blank.</returns>
    public static HuaweiCloudCredentials? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? accessKey = getVariable(AccessKeyVariable)?.Trim();
        string? secretKey = getVariable(SecretKeyVariable)?.Trim();
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            return null;
        }

        return new HuaweiCloudCredentials(
            accessKey,
            secretKey,
            getVariable(ProjectIdVariable)?.Trim(),
            getVariable(SecurityTokenVariable)?.Trim());
    }

    /// <summary>A masked description: only the first 4 characters of the AK are shown; the SK and the token never are.</summary>
    public override string ToString()
    {
        string maskedAccessKey = AccessKey.Length > 4 ? string.Concat(AccessKey.AsSpan(0, 4), "***") : "***";
        return "HuaweiCloudCredentials { AccessKey = " + maskedAccessKey
            + ", SecretKey = ***, ProjectId = " + (ProjectId ?? "(none)")
            + ", SecurityToken = " + (SecurityToken is null ? "(none)" : "***") + " }";
    }

    private static bool IsHeaderToken(string value)
    {
        foreach (char c in value)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return false;
            }
        }

        return true;
    }
}

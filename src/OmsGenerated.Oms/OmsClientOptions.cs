using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Oms;

/// <summary>
/// Settings of an <see cref="OmsClient"/>: where to send requests, how to authenticate and how long to wait.
/// </summary>
/// <remarks>
/// <para>Exactly one authentication mode must be set: <see cref="Credentials"/> (AK/SK request signing),
/// <see cref="CredentialProvider"/> (AK/SK signing with credentials fetched per request, e.g. temporary ones) or
/// <see cref="AuthToken"/> (an IAM token sent as <c>X-Auth-Token</c>). With <c>AddOmsClient</c>, when none is set the
/// credentials come from the chain described in README "Credentials": <c>HUAWEICLOUD_SDK_AK</c>/<c>_SK</c>, then the
/// configuration section, then the Huawei Cloud credentials file.</para>
/// <para>A new instance uses <see cref="OmsRegion.Default"/> (cn-north-4) and a 60 second timeout;
/// <see cref="FromEnvironment"/> (and <c>AddOmsClient</c>) start from the <c>HUAWEICLOUD_SDK_*</c> variables instead.</para>
/// <para>Neither <see cref="ToString"/> nor <see cref="Validate"/> ever prints a secret.</para>
/// </remarks>
public sealed class OmsClientOptions
{
    /// <summary>Environment variable holding the region ID.</summary>
    public const string RegionVariable = "HUAWEICLOUD_SDK_REGION";

    /// <summary>The default request timeout (60 seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The region whose endpoint is called when <see cref="Endpoint"/> is not set. Defaults to cn-north-4.</summary>
    public OmsRegion Region { get; set; } = OmsRegion.Default;

    /// <summary>An absolute http(s) URL that overrides the region's endpoint (for example a local emulator or a proxy).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The project ID used in request paths and sent as <c>X-Project-Id</c>. When not set, the project ID of
    /// <see cref="Credentials"/> is used.
    /// </summary>
    public string? ProjectId { get; set; }

    /// <summary>AK/SK credentials; every request is signed with <c>SDK-HMAC-SHA256</c>. Mutually exclusive with <see cref="CredentialProvider"/> and <see cref="AuthToken"/>.</summary>
    public HuaweiCloudCredentials? Credentials { get; set; }

    /// <summary>
    /// Supplies AK/SK credentials per request, for credentials that change (for example a
    /// <see cref="RefreshingCredentialProvider"/> of temporary credentials). Mutually exclusive with
    /// <see cref="Credentials"/> and <see cref="AuthToken"/>.
    /// </summary>
    public IHuaweiCloudCredentialProvider? CredentialProvider { get; set; }

    /// <summary>
    /// The Huawei Cloud credentials file read when no other credentials are found (section <c>[basic]</c>). Defaults to
    /// <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>, else <c>~/.huaweicloud/credentials</c>. Only <c>AddOmsClient</c> reads it.
    /// </summary>
    public string? CredentialsFile { get; set; }

    /// <summary>An IAM token sent as <c>X-Auth-Token</c>. Mutually exclusive with <see cref="Credentials"/>. Never printed.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The HttpClient timeout of each request; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. Defaults to 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retrying of transient failures within <see cref="Timeout"/> (see README "Resilience").</summary>
    public OmsRetryOptions Retry { get; set; } = new();

    /// <summary>AK/SK from <c>HUAWEICLOUD_SDK_AK</c>/<c>_SK</c>, used by the credential chain when nothing explicit is set.</summary>
    internal HuaweiCloudCredentials? EnvironmentCredentials { get; set; }

    /// <summary>AK/SK from the configuration section, used by the credential chain after the environment.</summary>
    internal HuaweiCloudCredentials? ConfigurationCredentials { get; set; }

    /// <summary>The configuration keys the AK/SK came from (for messages), e.g. <c>Oms:AccessKey/SecretKey</c>.</summary>
    internal string? ConfigurationCredentialsKeys { get; set; }

    /// <summary>Where the effective credentials came from (for <see cref="ToString"/>), or <see langword="null"/> when set in code.</summary>
    internal string? CredentialSource { get; set; }

    /// <summary>The sources the credential chain tried without success (for the "no authentication" message).</summary>
    internal string? CredentialSearch { get; set; }

    /// <summary>Values the configuration section holds that cannot be used, each naming its key.</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    /// <summary>Configuration key of each property bound from configuration (property path such as <c>Retry.MaxDelay</c> to key such as <c>Oms:Retry:MaxDelay</c>).</summary>
    internal Dictionary<string, string> ConfigurationKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates options from the environment: <c>HUAWEICLOUD_SDK_AK</c> and <c>HUAWEICLOUD_SDK_SK</c> (both needed for
    /// <see cref="Credentials"/>), <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>, <c>HUAWEICLOUD_SDK_PROJECT_ID</c> and
    /// <c>HUAWEICLOUD_SDK_REGION</c> (cn-north-4 when unset).
    /// </summary>
    /// <param name="getVariable">Variable lookup; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="ArgumentException"><c>HUAWEICLOUD_SDK_REGION</c> is not an OMS region, or a credential variable holds an unusable value (the message never contains the value of a secret).</exception>
    public static OmsClientOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var options = new OmsClientOptions();
        options.ApplyEnvironmentSettings(getVariable, errors: null);
        options.Credentials = HuaweiCloudCredentials.FromEnvironment(getVariable);
        return options;
    }

    /// <summary>The endpoint requests go to: <see cref="Endpoint"/> when set, else the endpoint of <see cref="Region"/>.</summary>
    public Uri ResolveEndpoint() => Endpoint ?? (Region ?? OmsRegion.Default).Endpoint;

    /// <summary>The effective project ID: <see cref="ProjectId"/>, else the project ID of <see cref="Credentials"/>, else <see langword="null"/>.</summary>
    public string? ResolveProjectId() => string.IsNullOrWhiteSpace(ProjectId) ? Credentials?.ProjectId : ProjectId.Trim();

    /// <summary>Checks the options and throws when they cannot work.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid. The message lists every problem and never contains a secret.</exception>
    public void Validate()
    {
        IReadOnlyList<string> errors = GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid OmsClientOptions: " + string.Join(" ", errors));
        }
    }

    /// <summary>A description for logs: secrets (SK, security token, auth token) are never shown.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("OmsClientOptions { Region = ");
        builder.Append(Region?.Id ?? "(none)");
        builder.Append(", Endpoint = ").Append(Endpoint is null ? "(region default)" : DescribeEndpoint(Endpoint));
        builder.Append(", ProjectId = ").Append(string.IsNullOrEmpty(ProjectId) ? "(none)" : ProjectId);
        builder.Append(", Auth = ");
        if ((Credentials is not null ? 1 : 0) + (CredentialProvider is not null ? 1 : 0) + (AuthToken is not null ? 1 : 0) > 1)
        {
            builder.Append("invalid: more than one of Credentials, CredentialProvider and AuthToken");
        }
        else if (Credentials is not null)
        {
            builder.Append("AK/SK ").Append(Credentials.ToString());
            if (CredentialSource is not null)
            {
                builder.Append(" from ").Append(CredentialSource);
            }
        }
        else if (CredentialProvider is not null)
        {
            builder.Append("AK/SK from provider ").Append(CredentialProvider.GetType().Name);
        }
        else if (AuthToken is not null)
        {
            builder.Append("X-Auth-Token ***");
        }
        else
        {
            builder.Append("(none)");
        }

        builder.Append(", Timeout = ").Append(Timeout.ToString("c", CultureInfo.InvariantCulture));
        builder.Append(", Retry = ").Append(Retry?.ToString() ?? "null").Append(" }");
        return builder.ToString();
    }

    /// <summary>Sets the region and the project ID from the environment (used by <see cref="FromEnvironment"/> and by <c>AddOmsClient</c>).</summary>
    /// <param name="getVariable">Variable lookup.</param>
    /// <param name="errors">Receives an unusable region; <see langword="null"/> throws instead.</param>
    internal void ApplyEnvironmentSettings(Func<string, string?> getVariable, List<string>? errors)
    {
        string? regionId = getVariable(RegionVariable)?.Trim();
        if (!string.IsNullOrEmpty(regionId))
        {
            OmsRegion? region = OmsRegion.Find(regionId);
            if (region is not null)
            {
                Region = region;
            }
            else
            {
                string message = RegionVariable + " is set to '" + regionId + "', which is not an OMS region. Valid region IDs: " + OmsRegion.ValidIds + ".";
                if (errors is null)
                {
                    throw new ArgumentException(message, nameof(getVariable));
                }

                errors.Add(message);
            }
        }

        string? projectId = getVariable(HuaweiCloudCredentials.ProjectIdVariable)?.Trim();
        if (!string.IsNullOrEmpty(projectId))
        {
            ProjectId = projectId;
        }
    }

    /// <summary>Every problem with the options, as messages that never contain a secret.</summary>
    internal IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        errors.AddRange(ConfigurationErrors);
        if (Region is null)
        {
            errors.Add(Key(nameof(Region)) + " must not be null (use one of OmsRegion.All).");
        }

        if (Endpoint is not null)
        {
            if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(Key(nameof(Endpoint)) + " must be an absolute http or https URL.");
            }
            else if (Endpoint.UserInfo.Length > 0 || Endpoint.Query.Length > 0 || Endpoint.Fragment.Length > 0)
            {
                errors.Add(Key(nameof(Endpoint)) + " must not contain user information, a query or a fragment.");
            }
        }

        int authModes = (Credentials is not null ? 1 : 0) + (CredentialProvider is not null ? 1 : 0) + (AuthToken is not null ? 1 : 0);
        if (authModes == 0)
        {
            errors.Add(CredentialSearch is null
                ? "No authentication is configured: set Credentials (AK/SK signing), CredentialProvider or AuthToken (X-Auth-Token), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK."
                : "No authentication is configured: set Credentials, CredentialProvider or AuthToken; no AK/SK was found in " + CredentialSearch + ".");
        }
        else if (authModes > 1)
        {
            errors.Add("More than one of Credentials, CredentialProvider and AuthToken is set (AK/SK may have come from HUAWEICLOUD_SDK_AK/SK); set exactly one of them and the others to null.");
        }
        else if (AuthToken is not null)
        {
            if (string.IsNullOrWhiteSpace(AuthToken))
            {
                errors.Add("AuthToken must not be empty or whitespace.");
            }
            else if (!IsHeaderValue(AuthToken))
            {
                errors.Add("AuthToken contains whitespace or control characters and cannot be sent as a header.");
            }
        }

        if (ProjectId is not null)
        {
            if (string.IsNullOrWhiteSpace(ProjectId))
            {
                errors.Add(Key(nameof(ProjectId)) + " must not be empty or whitespace (use null for none).");
            }
            else if (!IsHeaderValue(ProjectId.Trim()))
            {
                errors.Add(Key(nameof(ProjectId)) + " contains whitespace or control characters.");
            }
            else if (Credentials?.ProjectId is { } credentialsProject && !string.Equals(credentialsProject, ProjectId.Trim(), StringComparison.Ordinal))
            {
                errors.Add(Key(nameof(ProjectId)) + " differs from the project ID of the credentials" + (CredentialSource is null ? "" : " (from " + CredentialSource + ")")
                    + "; the request path and the signed X-Project-Id header would disagree.");
            }
        }

        // The resilience pipeline's timeout strategy accepts 10 ms to 1 day; anything else fails when the client is built.
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromDays(1)))
        {
            errors.Add(Key(nameof(Timeout)) + " must be between 10 ms and 1 day, or Timeout.InfiniteTimeSpan.");
        }

        if (Retry is null)
        {
            errors.Add("Retry must not be null; set Retry.MaxRetryAttempts = 0 to turn retrying off.");
        }
        else
        {
            Retry.Validate(errors, Key);
        }

        return errors;
    }

    /// <summary>The configuration key a property was bound from, else the property path itself.</summary>
    private string Key(string propertyPath)
        => ConfigurationKeys.TryGetValue(propertyPath, out string? key) ? key : propertyPath;

    private static string DescribeEndpoint(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            return "(relative, invalid)";
        }

        // Never print user information (it could hold credentials) or a query.
        return endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }

    private static bool IsHeaderValue(string value)
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

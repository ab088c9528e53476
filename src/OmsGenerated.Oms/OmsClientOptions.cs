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
/// <para>Exactly one authentication mode must be set: <see cref="Credentials"/> (AK/SK request signing) or
/// <see cref="AuthToken"/> (an IAM token sent as <c>X-Auth-Token</c>).</para>
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

    /// <summary>AK/SK credentials; every request is signed with <c>SDK-HMAC-SHA256</c>. Mutually exclusive with <see cref="AuthToken"/>.</summary>
    public HuaweiCloudCredentials? Credentials { get; set; }

    /// <summary>An IAM token sent as <c>X-Auth-Token</c>. Mutually exclusive with <see cref="Credentials"/>. Never printed.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The HttpClient timeout of each request; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it. Defaults to 60 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Retrying of transient failures within <see cref="Timeout"/> (see README "Resilience").</summary>
    public OmsRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Creates options from the environment: <c>HUAWEICLOUD_SDK_AK</c> and <c>HUAWEICLOUD_SDK_SK</c> (both needed for
    /// <see cref="Credentials"/>), <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>, <c>HUAWEICLOUD_SDK_PROJECT_ID</c> and
    /// <c>HUAWEICLOUD_SDK_REGION</c> (cn-north-4 when unset).
    /// </summary>
    /// <param name="getVariable">Variable lookup; defaults to <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <exception cref="ArgumentException"><c>HUAWEICLOUD_SDK_REGION</c> is not an OMS region, or a credential variable holds an unusable value (the message never contains the value of a secret).</exception>
    public static OmsClientOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        var options = new OmsClientOptions();
        options.ApplyEnvironment(getVariable);
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
        if (Credentials is not null && AuthToken is not null)
        {
            builder.Append("invalid: both AK/SK and token");
        }
        else if (Credentials is not null)
        {
            builder.Append("AK/SK ").Append(Credentials.ToString());
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

    /// <summary>Sets the values the environment provides (used by <see cref="FromEnvironment"/> and by <c>AddOmsClient</c>).</summary>
    internal void ApplyEnvironment(Func<string, string?>? getVariable)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? regionId = getVariable(RegionVariable)?.Trim();
        if (!string.IsNullOrEmpty(regionId))
        {
            Region = OmsRegion.Find(regionId) ?? throw new ArgumentException(
                RegionVariable + " is set to '" + regionId + "', which is not an OMS region. Valid region IDs: " + OmsRegion.ValidIds + ".",
                nameof(getVariable));
        }

        string? projectId = getVariable(HuaweiCloudCredentials.ProjectIdVariable)?.Trim();
        if (!string.IsNullOrEmpty(projectId))
        {
            ProjectId = projectId;
        }

        HuaweiCloudCredentials? credentials = HuaweiCloudCredentials.FromEnvironment(getVariable);
        if (credentials is not null)
        {
            Credentials = credentials;
        }
    }

    /// <summary>Every problem with the options, as messages that never contain a secret.</summary>
    internal IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (Region is null)
        {
            errors.Add("Region must not be null (use one of OmsRegion.All).");
        }

        if (Endpoint is not null)
        {
            if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add("Endpoint must be an absolute http or https URL.");
            }
            else if (Endpoint.UserInfo.Length > 0 || Endpoint.Query.Length > 0 || Endpoint.Fragment.Length > 0)
            {
                errors.Add("Endpoint must not contain user information, a query or a fragment.");
            }
        }

        if (Credentials is null && AuthToken is null)
        {
            errors.Add("No authentication is configured: set Credentials (AK/SK signing) or AuthToken (X-Auth-Token), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK.");
        }
        else if (Credentials is not null && AuthToken is not null)
        {
            errors.Add("Both Credentials and AuthToken are set (AK/SK may have come from HUAWEICLOUD_SDK_AK/SK); set exactly one of them and the other to null.");
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
                errors.Add("ProjectId must not be empty or whitespace (use null for none).");
            }
            else if (!IsHeaderValue(ProjectId.Trim()))
            {
                errors.Add("ProjectId contains whitespace or control characters.");
            }
            else if (Credentials?.ProjectId is { } credentialsProject && !string.Equals(credentialsProject, ProjectId.Trim(), StringComparison.Ordinal))
            {
                errors.Add("ProjectId differs from Credentials.ProjectId; the request path and the signed X-Project-Id header would disagree.");
            }
        }

        // The resilience pipeline's timeout strategy accepts 10 ms to 1 day; anything else fails when the client is built.
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan && (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromDays(1)))
        {
            errors.Add("Timeout must be between 10 ms and 1 day, or Timeout.InfiniteTimeSpan.");
        }

        if (Retry is null)
        {
            errors.Add("Retry must not be null; set Retry.MaxRetryAttempts = 0 to turn retrying off.");
        }
        else
        {
            Retry.Validate(errors);
        }

        return errors;
    }

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

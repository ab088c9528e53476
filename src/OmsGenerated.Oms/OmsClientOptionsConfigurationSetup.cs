using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Oms;

/// <summary>
/// Binds the <see cref="OmsClientOptions"/> of one client name from a configuration section, without reflection.
/// A value that cannot be used becomes a validation error naming its full key (for example
/// <c>Oms:Region: 'xx-yy-1' is not an OMS region. …</c>); secrets are never quoted.
/// </summary>
/// <remarks>
/// Keys (case-insensitive): <c>Region</c> (a region ID), <c>Endpoint</c>, <c>ProjectId</c>, <c>Timeout</c>
/// (<c>hh:mm:ss</c>), <c>Retry:MaxRetryAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>,
/// <c>Retry:AttemptTimeout</c>, <c>CredentialsFile</c>, and the credentials <c>AccessKey</c>, <c>SecretKey</c> and
/// <c>SecurityToken</c>, which the credential chain uses after the environment. Blank values count as absent.
/// </remarks>
internal sealed class OmsClientOptionsConfigurationSetup : IConfigureNamedOptions<OmsClientOptions>
{
    private readonly string _name;
    private readonly IConfiguration _section;

    public OmsClientOptionsConfigurationSetup(string name, IConfiguration section)
    {
        _name = name;
        _section = section;
    }

    public void Configure(OmsClientOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OmsClientOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, _name, StringComparison.Ordinal))
        {
            return;
        }

        if (Read(nameof(OmsClientOptions.Region), options) is { } regionId)
        {
            OmsRegion? region = OmsRegion.Find(regionId);
            if (region is null)
            {
                options.ConfigurationErrors.Add(KeyOf(nameof(OmsClientOptions.Region)) + ": '" + regionId + "' is not an OMS region. Valid: " + OmsRegion.ValidIds + ".");
            }
            else
            {
                options.Region = region;
            }
        }

        if (Read(nameof(OmsClientOptions.Endpoint), options) is { } endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
            {
                options.Endpoint = uri;
            }
            else
            {
                // Not quoted: a URL may carry user information.
                options.ConfigurationErrors.Add(KeyOf(nameof(OmsClientOptions.Endpoint)) + ": the value is not an absolute http or https URL.");
            }
        }

        if (Read(nameof(OmsClientOptions.ProjectId), options) is { } projectId)
        {
            options.ProjectId = projectId;
        }

        if (ReadTimeSpan(nameof(OmsClientOptions.Timeout), options) is { } timeout)
        {
            options.Timeout = timeout;
        }

        options.Retry ??= new OmsRetryOptions();
        if (Read("Retry.MaxRetryAttempts", options) is { } attempts)
        {
            if (int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            {
                options.Retry.MaxRetryAttempts = count;
            }
            else
            {
                options.ConfigurationErrors.Add(KeyOf("Retry.MaxRetryAttempts") + ": '" + attempts + "' is not a whole number.");
            }
        }

        if (ReadTimeSpan("Retry.BaseDelay", options) is { } baseDelay)
        {
            options.Retry.BaseDelay = baseDelay;
        }

        if (ReadTimeSpan("Retry.MaxDelay", options) is { } maxDelay)
        {
            options.Retry.MaxDelay = maxDelay;
        }

        if (ReadTimeSpan("Retry.AttemptTimeout", options) is { } attemptTimeout)
        {
            options.Retry.AttemptTimeout = attemptTimeout;
        }

        if (Read(nameof(OmsClientOptions.CredentialsFile), options) is { } credentialsFile)
        {
            options.CredentialsFile = credentialsFile;
        }

        BindCredentials(options);
    }

    /// <summary>An <see cref="ArgumentException"/> message without the " (Parameter 'x')" suffix.</summary>
    internal static string WithoutParameterName(string message)
    {
        int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix < 0 ? message : message.Substring(0, suffix);
    }

    private void BindCredentials(OmsClientOptions options)
    {
        // Secrets are read but never recorded as bound keys of properties, and never quoted.
        string? accessKey = Blank(_section["AccessKey"]);
        string? secretKey = Blank(_section["SecretKey"]);
        string? securityToken = Blank(_section["SecurityToken"]);
        string keys = KeyOf("AccessKey") + "/SecretKey";
        if (accessKey is null && secretKey is null)
        {
            if (securityToken is not null)
            {
                options.ConfigurationErrors.Add(KeyOf("SecurityToken") + ": a security token needs " + keys + " beside it.");
            }

            return;
        }

        if (accessKey is null || secretKey is null)
        {
            options.ConfigurationErrors.Add(KeyOf(accessKey is null ? "AccessKey" : "SecretKey") + " is missing; " + keys + " come as a pair.");
            return;
        }

        try
        {
            options.ConfigurationCredentials = new HuaweiCloudCredentials(accessKey, secretKey, projectId: null, securityToken);
            options.ConfigurationCredentialsKeys = keys;
        }
        catch (ArgumentException e)
        {
            options.ConfigurationErrors.Add(keys + (securityToken is null ? "" : "/SecurityToken") + ": " + WithoutParameterName(e.Message));
        }
    }

    private string? Read(string propertyPath, OmsClientOptions options)
    {
        string? value = Blank(_section[propertyPath.Replace('.', ':')]);
        if (value is not null)
        {
            options.ConfigurationKeys[propertyPath] = KeyOf(propertyPath);
        }

        return value;
    }

    private TimeSpan? ReadTimeSpan(string propertyPath, OmsClientOptions options)
    {
        string? text = Read(propertyPath, options);
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            return value;
        }

        options.ConfigurationErrors.Add(KeyOf(propertyPath) + ": '" + text + "' is not a time span (use [d.]hh:mm:ss[.fff], for example 00:00:30).");
        return null;
    }

    private string KeyOf(string propertyPath)
    {
        string relative = propertyPath.Replace('.', ':');
        string? path = (_section as IConfigurationSection)?.Path;
        return string.IsNullOrEmpty(path) ? relative : path + ":" + relative;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

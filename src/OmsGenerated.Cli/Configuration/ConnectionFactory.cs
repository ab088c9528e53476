using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OmsGenerated.Emulator;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Cli.Configuration;

/// <summary>
/// Resolves where requests go and how they are authenticated. Precedence: command-line options, then the
/// <c>HUAWEICLOUD_SDK_*</c> environment variables, then (for the keys) the <c>[basic]</c> section of the Huawei Cloud
/// credentials file, then (when nothing is configured) the embedded emulator.
/// </summary>
/// <remarks>Only <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c> selects real OMS by itself; a file at the default
/// <c>~/.huaweicloud/credentials</c> is read once real OMS is selected otherwise, so that a machine set up for the
/// Huawei SDKs still gets the emulator for a bare <c>oms tasks list</c>.</remarks>
internal static class ConnectionFactory
{
    /// <summary>Default speed factor of the embedded emulator.</summary>
    public const double DefaultEmulatorSpeed = 20;

    /// <summary>Whether these settings and this environment select the embedded emulator.</summary>
    /// <exception cref="UsageException">--emulator is combined with options that configure real OMS.</exception>
    public static bool UsesEmulator(GlobalSettings settings, CliEnvironment environment)
    {
        if (settings.Emulator || settings.EmulatorFaults is not null)
        {
            if (settings.HasConnectionOptions)
            {
                throw new UsageException("--emulator/--emulator-faults cannot be combined with --endpoint, --region, --project-id, --ak, --sk or --token.");
            }

            return true;
        }

        // Nothing configured at all: no endpoint, region, project or credentials, on the command line or in the environment.
        return !settings.HasConnectionOptions
            && !environment.IsSet(HuaweiCloudCredentials.AccessKeyVariable)
            && !environment.IsSet(HuaweiCloudCredentials.SecretKeyVariable)
            && !environment.IsSet(HuaweiCloudCredentials.SecurityTokenVariable)
            && !environment.IsSet(HuaweiCloudCredentials.ProjectIdVariable)
            && !environment.IsSet(OmsClientOptions.RegionVariable)
            && !environment.IsSet(HuaweiCloudCredentialsFile.PathVariable);
    }

    public static async Task<OmsConnection> ConnectAsync(
        GlobalSettings settings,
        CliEnvironment environment,
        ILoggerFactory loggerFactory,
        TextWriter stderr,
        CancellationToken cancellationToken)
    {
        ILogger logger = loggerFactory.CreateLogger("oms");
        if (settings.SecretKey is not null)
        {
            logger.LogWarning("--sk on the command line is visible in the process list and shell history; prefer HUAWEICLOUD_SDK_SK.");
        }

        bool useEmulator = UsesEmulator(settings, environment);
        OmsEmulator? emulator = null;
        OmsClientOptions options;
        if (useEmulator)
        {
            FaultOptions faults = FaultOptions.None;
            if (settings.EmulatorFaults is { } spec)
            {
                try
                {
                    faults = FaultOptions.Parse(spec);
                }
                catch (Exception e) when (e is ArgumentException or FormatException)
                {
                    throw new UsageException("--emulator-faults: " + e.Message, e);
                }
            }

            OmsEmulatorOptions emulatorOptions = EmulatorOptions(settings, environment);
            emulatorOptions.Faults = faults;
            try
            {
                emulator = await OmsEmulator.StartAsync(emulatorOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new UsageException("The embedded emulator could not open its state " + emulatorOptions.StatePath + ": " + e.Message, e);
            }

            stderr.WriteLine(DescribeEmulator(emulator, implicitly: !settings.Emulator && settings.EmulatorFaults is null));
            options = new OmsClientOptions
            {
                Endpoint = emulator.BaseAddress,
                Credentials = emulator.Credentials,
                ProjectId = emulator.ProjectId,
            };
        }
        else
        {
            options = CreateRealOptions(settings, environment);
        }

        try
        {
            ApplyTimeout(options, settings.TimeoutSeconds);
            options.Retry.OnRetry = retry => logger.LogInformation(
                "Retrying {Method} {Path} (retry {Attempt}) in {Delay:0} ms after {Reason}",
                retry.Method, retry.Path, retry.Attempt, retry.Delay.TotalMilliseconds, retry.Reason);

            string projectId = options.ResolveProjectId() ?? throw new UsageException(
                "No project ID is configured: set HUAWEICLOUD_SDK_PROJECT_ID or pass --project-id.");
            try
            {
                options.Validate();
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException(e.Message, e);
            }

            logger.LogDebug("Connecting with {Options}", options);
            var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false };
            HttpMessageHandler handler = new HttpLoggingHandler(loggerFactory.CreateLogger("oms.http"), transport);
            OmsClient client = OmsClientFactory.Create(options, handler);
            return new OmsConnection(client, projectId, handler, emulator);
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>
    /// The embedded emulator's settings: its speed, demo tasks and state file (--emulator-db, else OMS_EMULATOR_DB, else
    /// the user's data directory), so consecutive commands see one story.
    /// </summary>
    public static OmsEmulatorOptions EmulatorOptions(GlobalSettings settings, CliEnvironment environment) => new()
    {
        SpeedFactor = environment.GetPositiveDouble(CliEnvironment.EmulatorSpeedVariable, DefaultEmulatorSpeed),
        SeedDemoTasks = true,
        StatePath = settings.EmulatorDb ?? environment.Get(CliEnvironment.EmulatorDbVariable) ?? OmsEmulatorOptions.DefaultStatePath,
    };

    private static OmsClientOptions CreateRealOptions(GlobalSettings settings, CliEnvironment environment)
    {
        OmsClientOptions options;
        try
        {
            options = OmsClientOptions.FromEnvironment(environment.Lookup);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }

        if (settings.Region is { } region)
        {
            options.Region = OmsRegion.Find(region) ?? throw new UsageException(
                "--region '" + region + "' is not an OMS region. Valid region IDs: " + string.Join(", ", OmsRegion.All.Select(r => r.Id)) + ".");
        }

        if (settings.Endpoint is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new UsageException("--endpoint must be an absolute http or https URL.");
            }

            options.Endpoint = uri;
        }

        if (settings.ProjectId is { } projectId)
        {
            options.ProjectId = projectId;
        }

        if ((settings.AccessKey is null) != (settings.SecretKey is null))
        {
            throw new UsageException("--ak and --sk must be given together.");
        }

        if (settings.Token is not null && settings.AccessKey is not null)
        {
            throw new UsageException("--token and --ak/--sk are alternatives; give one of them.");
        }

        HuaweiCloudCredentials? credentials = options.Credentials;
        if (settings.AccessKey is { } ak && settings.SecretKey is { } sk)
        {
            credentials = new HuaweiCloudCredentials(ak, sk);
        }

        if (settings.Token is { } token)
        {
            credentials = null; // the option beats HUAWEICLOUD_SDK_AK/SK
            options.AuthToken = token;
        }
        else if (credentials is null)
        {
            credentials = ReadCredentialsFile(environment);
        }

        if (credentials is not null)
        {
            // The project comes from options.ProjectId; keep it out of the credentials so the two cannot disagree.
            options.ProjectId ??= credentials.ProjectId;
            credentials = new HuaweiCloudCredentials(credentials.AccessKey, credentials.SecretKey, null, credentials.SecurityToken);
        }

        options.Credentials = credentials;
        if (options.Credentials is null && options.AuthToken is null)
        {
            throw new UsageException(
                "No credentials are configured: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or pass --token, or write ak/sk to the [basic] "
                + "section of ~/.huaweicloud/credentials or of the file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE), "
                + "or configure nothing at all to use the embedded emulator.");
        }

        return options;
    }

    /// <summary>The <c>[basic]</c> keys of the Huawei Cloud credentials file, or <see langword="null"/> when there is none.</summary>
    /// <exception cref="UsageException">The file named by HUAWEICLOUD_SDK_CREDENTIALS_FILE does not exist, or the file is malformed (the message names file and line, never a value).</exception>
    private static HuaweiCloudCredentials? ReadCredentialsFile(CliEnvironment environment)
    {
        string? path = HuaweiCloudCredentialsFile.DefaultPath(environment.Lookup);
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            return environment.IsSet(HuaweiCloudCredentialsFile.PathVariable)
                ? throw new UsageException(HuaweiCloudCredentialsFile.PathVariable + " names '" + path + "', which does not exist.")
                : null;
        }

        try
        {
            return HuaweiCloudCredentialsFile.Load(path);
        }
        catch (HuaweiCloudCredentialsFileException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    private static void ApplyTimeout(OmsClientOptions options, double? seconds)
    {
        if (seconds is not { } value)
        {
            return;
        }

        if (!Commands.GlobalOptions.IsValidTimeout(value))
        {
            throw new UsageException(Commands.GlobalOptions.TimeoutRangeMessage);
        }

        options.Timeout = TimeSpan.FromSeconds(value);
        if (options.Retry.AttemptTimeout > options.Timeout)
        {
            options.Retry.AttemptTimeout = options.Timeout;
        }
    }

    private static string DescribeEmulator(OmsEmulator emulator, bool implicitly)
    {
        var ids = emulator.DemoTaskIds;
        string demo = ids.Count == 0
            ? "no demo tasks"
            : ids.Count == 1
                ? "demo task " + ids[0].ToString(CultureInfo.InvariantCulture)
                : "demo tasks " + ids.Min().ToString(CultureInfo.InvariantCulture) + "\u2013" + ids.Max().ToString(CultureInfo.InvariantCulture);
        string text = "Using the embedded OMS emulator at " + emulator.BaseAddress.GetLeftPart(UriPartial.Authority) + " (" + demo + "; state in " + emulator.StateLocation + ", which 'oms emulator reset' starts over).";
        return implicitly ? text + " Set HUAWEICLOUD_SDK_AK/SK/PROJECT_ID/REGION to use real OMS." : text;
    }
}

using System.CommandLine;
using OmsGenerated.Cli.Configuration;

namespace OmsGenerated.Cli.Commands;

/// <summary>The options every command accepts (recursive options of the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "OMS endpoint URL (overrides --region), e.g. an emulator or a proxy.",
        Recursive = true,
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "Region ID, e.g. cn-north-4 [env: HUAWEICLOUD_SDK_REGION].",
        Recursive = true,
    };

    public Option<string?> ProjectId { get; } = new("--project-id")
    {
        Description = "Project ID [env: HUAWEICLOUD_SDK_PROJECT_ID].",
        Recursive = true,
    };

    public Option<string?> AccessKey { get; } = new("--ak")
    {
        Description = "Access key [env: HUAWEICLOUD_SDK_AK; prefer the environment].",
        Recursive = true,
    };

    public Option<string?> SecretKey { get; } = new("--sk")
    {
        Description = "Secret key [env: HUAWEICLOUD_SDK_SK]. Discouraged: visible in the process list and shell history.",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "IAM token (X-Auth-Token) instead of AK/SK.",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine-readable JSON on stdout (NDJSON while watching); errors as JSON on stderr.",
        Recursive = true,
    };

    public Option<double?> Timeout { get; } = CreateTimeout();

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Debug logs on stderr: HTTP calls, retries, stack traces of unexpected errors.",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Use the embedded OMS emulator (demo tasks 1001-1005) even when OMS is configured in the environment.",
        Recursive = true,
    };

    public Option<string?> EmulatorFaults { get; } = new("--emulator-faults")
    {
        Description = "Inject faults into the embedded emulator, e.g. \"503=0.1,429=0.05,reset=0.02,seed=7\" (implies --emulator).",
        Recursive = true,
    };

    public Option<string?> EmulatorDb { get; } = new("--emulator-db")
    {
        Description = "SQLite file of the embedded emulator's state (default: $OMS_EMULATOR_DB, else the user's data directory).",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Add(Endpoint);
        root.Add(Region);
        root.Add(ProjectId);
        root.Add(AccessKey);
        root.Add(SecretKey);
        root.Add(Token);
        root.Add(Json);
        root.Add(Timeout);
        root.Add(Verbose);
        root.Add(Emulator);
        root.Add(EmulatorFaults);
        root.Add(EmulatorDb);
    }

    public GlobalSettings Read(ParseResult parse) => new()
    {
        Endpoint = Trimmed(parse.GetValue(Endpoint)),
        Region = Trimmed(parse.GetValue(Region)),
        ProjectId = Trimmed(parse.GetValue(ProjectId)),
        AccessKey = Trimmed(parse.GetValue(AccessKey)),
        SecretKey = Trimmed(parse.GetValue(SecretKey)),
        Token = Trimmed(parse.GetValue(Token)),
        Json = parse.GetValue(Json),
        TimeoutSeconds = parse.GetValue(Timeout),
        Verbose = parse.GetValue(Verbose),
        Emulator = parse.GetValue(Emulator),
        EmulatorFaults = Trimmed(parse.GetValue(EmulatorFaults)),
        EmulatorDb = Trimmed(parse.GetValue(EmulatorDb)),
    };

    /// <summary>Shortest and longest --timeout, in seconds: the resilience pipeline's own bounds (10 ms, 1 day).</summary>
    public const double MinTimeoutSeconds = 0.01;

    public const double MaxTimeoutSeconds = 86400;

    /// <summary>The message for a --timeout out of range, with the range.</summary>
    public static readonly string TimeoutRangeMessage = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"--timeout must be a number of seconds from {MinTimeoutSeconds} to {MaxTimeoutSeconds}.");

    private static Option<double?> CreateTimeout()
    {
        var timeout = new Option<double?>("--timeout")
        {
            Description = "Total timeout of each API call including retries, in seconds, from 0.01 to 86400 (default 60).",
            Recursive = true,
        };
        timeout.Validators.Add(result =>
        {
            double? value;
            try
            {
                value = result.GetValueOrDefault<double?>();
            }
            catch (System.InvalidOperationException)
            {
                return; // not a number: already reported
            }

            if (value is { } seconds && !IsValidTimeout(seconds))
            {
                result.AddError(TimeoutRangeMessage);
            }
        });
        return timeout;
    }

    /// <summary>False for NaN, infinities and values outside <see cref="MinTimeoutSeconds"/>..<see cref="MaxTimeoutSeconds"/>.</summary>
    public static bool IsValidTimeout(double seconds) => seconds >= MinTimeoutSeconds && seconds <= MaxTimeoutSeconds;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

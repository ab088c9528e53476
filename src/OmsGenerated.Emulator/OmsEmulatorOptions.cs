using System;
using System.Collections.Generic;
using System.Globalization;

namespace OmsGenerated.Emulator;

/// <summary>Settings of an <see cref="OmsEmulator"/>. They are copied when the emulator starts; later changes have no effect on it.</summary>
public sealed class OmsEmulatorOptions
{
    /// <summary>The access key (AK) requests must be signed with.</summary>
    public string AccessKey { get; set; } = "EMULATORACCESSKEY000";

    /// <summary>The secret key (SK) requests must be signed with. Never printed by the emulator unless asked to.</summary>
    public string SecretKey { get; set; } = "emulator-secret-key-for-local-use-only";

    /// <summary>The only project ID the emulator serves; any other project ID in a path gets 403 OMS.0206.</summary>
    public string ProjectId { get; set; } = "0e5f0a8d4c2b4e7f9a1b2c3d4e5f6a7b";

    /// <summary>The TCP port to listen on; 0 picks a free (ephemeral) port. The emulator binds 127.0.0.1 only.</summary>
    public int Port { get; set; }

    /// <summary>Simulated seconds per real second: how fast tasks progress (demos use about 20, tests 100 or more).</summary>
    public double SpeedFactor { get; set; } = 1;

    /// <summary>Whether to create the demo tasks (1001-1005, see <see cref="OmsEmulator.DemoTaskIds"/>) at start.</summary>
    public bool SeedDemoTasks { get; set; } = true;

    /// <summary>
    /// Addition to the original contract: the SQLite file that keeps the emulator's tasks, groups and sync tasks between
    /// runs (created and seeded when missing; two processes may share it). Null (the default) keeps the state in memory,
    /// for the life of the emulator.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>Where the CLI keeps the embedded emulator's state by default: <c>{LocalApplicationData}/omsgenerated/emulator.db</c>.</summary>
    public static string DefaultStatePath
        => System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "omsgenerated", "emulator.db");

    /// <summary>The faults to inject; <see cref="FaultOptions.None"/> by default.</summary>
    public FaultOptions Faults { get; set; } = FaultOptions.None;

    /// <summary>The clock of the emulator: X-Sdk-Date checks, task progress, slow-response delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How far X-Sdk-Date may be from the emulator's clock (API Gateway allows 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Addition to the original contract: an IAM token accepted in <c>X-Auth-Token</c> instead of an AK/SK signature.
    /// Null (the default) rejects every token with 401 APIGW.0301.
    /// </summary>
    public string? AuthToken { get; set; }

    /// <summary>Receives one line per request (method, path, status, injected fault); used by the standalone program's --verbose.</summary>
    internal Action<string>? RequestLog { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem (never a secret).</summary>
    internal void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(AccessKey) || ContainsWhitespaceOrControl(AccessKey))
        {
            errors.Add("AccessKey must be non-empty without whitespace or control characters.");
        }

        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            errors.Add("SecretKey must be non-empty.");
        }

        if (string.IsNullOrWhiteSpace(ProjectId) || ContainsWhitespaceOrControl(ProjectId) || ProjectId.Contains('/', StringComparison.Ordinal))
        {
            errors.Add("ProjectId must be non-empty without whitespace, control characters or '/'.");
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add("Port must be between 0 and 65535 (it is " + Port.ToString(CultureInfo.InvariantCulture) + ").");
        }

        if (!(SpeedFactor > 0) || double.IsInfinity(SpeedFactor))
        {
            errors.Add("SpeedFactor must be a positive finite number.");
        }

        if (MaxClockSkew <= TimeSpan.Zero)
        {
            errors.Add("MaxClockSkew must be positive.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        if (Faults is null)
        {
            errors.Add("Faults must not be null (use FaultOptions.None).");
        }
        else
        {
            Faults.Validate(errors);
        }

        if (StatePath is not null && string.IsNullOrWhiteSpace(StatePath))
        {
            errors.Add("StatePath must be null (in memory) or a file path.");
        }

        if (AuthToken is not null && (AuthToken.Length == 0 || ContainsWhitespaceOrControl(AuthToken)))
        {
            errors.Add("AuthToken must be null or non-empty without whitespace or control characters.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid OmsEmulatorOptions: " + string.Join(" ", errors));
        }
    }

    /// <summary>A copy, so the running emulator is unaffected by later changes.</summary>
    internal OmsEmulatorOptions Clone() => new()
    {
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ProjectId = ProjectId,
        Port = Port,
        SpeedFactor = SpeedFactor,
        SeedDemoTasks = SeedDemoTasks,
        StatePath = StatePath,
        Faults = Faults.Clone(),
        TimeProvider = TimeProvider,
        MaxClockSkew = MaxClockSkew,
        AuthToken = AuthToken,
        RequestLog = RequestLog,
    };

    private static bool ContainsWhitespaceOrControl(string value)
    {
        foreach (char c in value)
        {
            if (c <= ' ' || c == '\u007f')
            {
                return true;
            }
        }

        return false;
    }
}

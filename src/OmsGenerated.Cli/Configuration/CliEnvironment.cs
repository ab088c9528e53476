using System;
using System.Collections.Generic;
using System.Globalization;

namespace OmsGenerated.Cli.Configuration;

/// <summary>The environment variables the CLI was given (never the process environment directly, so tests can inject them).</summary>
internal sealed class CliEnvironment
{
    /// <summary>Destination access key for <c>tasks start</c>.</summary>
    public const string DstAkVariable = "HUAWEICLOUD_OMS_DST_AK";

    /// <summary>Destination secret key for <c>tasks start</c>.</summary>
    public const string DstSkVariable = "HUAWEICLOUD_OMS_DST_SK";

    /// <summary>Source access key for <c>tasks start</c>.</summary>
    public const string SrcAkVariable = "HUAWEICLOUD_OMS_SRC_AK";

    /// <summary>Source secret key for <c>tasks start</c>.</summary>
    public const string SrcSkVariable = "HUAWEICLOUD_OMS_SRC_SK";

    /// <summary>Speed factor of the embedded emulator (default 20); tests raise it.</summary>
    public const string EmulatorSpeedVariable = "OMS_EMULATOR_SPEED";

    /// <summary>SQLite file of the embedded emulator's state (default: the user's data directory).</summary>
    public const string EmulatorDbVariable = "OMS_EMULATOR_DB";

    private readonly IDictionary<string, string?> _variables;

    public CliEnvironment(IDictionary<string, string?> variables)
    {
        _variables = variables;
    }

    /// <summary>The trimmed value, or <see langword="null"/> when unset or blank.</summary>
    public string? Get(string name)
    {
        if (!_variables.TryGetValue(name, out string? value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim();
    }

    /// <summary>Whether the variable is set to a non-blank value.</summary>
    public bool IsSet(string name) => Get(name) is not null;

    /// <summary>A positive number, or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="UsageException">The value is not a positive number.</exception>
    public double GetPositiveDouble(string name, double fallback)
    {
        string? text = Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new UsageException(name + " must be a positive number.");
        }

        return value;
    }

    /// <summary>The lookup function the OMS options expect.</summary>
    public Func<string, string?> Lookup => Get;
}

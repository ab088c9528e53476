using System;
using System.Diagnostics;
using System.Reflection;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>
/// The names under which every generated client reports traces and metrics. Enable them with OpenTelemetry's
/// <c>AddSource(ApiTelemetry.ActivitySourceName)</c> and <c>AddMeter(ApiTelemetry.MeterName)</c>.
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> of the one Client activity per operation call, named after the operationId.</summary>
    public const string ActivitySourceName = "OmsGenerated.Client";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the call, error, retry and duration instruments.</summary>
    public const string MeterName = "OmsGenerated.Client";

    /// <summary>The runtime's informational version (for example <c>0.1.0+1a2b3c4</c>).</summary>
    public static string InformationalVersion { get; } =
        typeof(ApiTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ApiTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The version without build metadata, given to the ActivitySource and Meter.</summary>
    internal static string Version { get; } = InformationalVersion.Split('+')[0];

    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, Version);
}

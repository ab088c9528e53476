using System;

namespace OmsGenerated.Oms;

/// <summary>
/// How <see cref="OmsClient.EnsureStartedAsync(long, StartTaskReq, EnsureStartedOptions, System.Threading.CancellationToken)"/>
/// waits for a task that is still pausing (OMS answers "already started", OMS.0065, until it has stopped).
/// </summary>
public sealed class EnsureStartedOptions
{
    /// <summary>The defaults: wait up to 60 seconds, reading the task every second, on the system clock.</summary>
    public static EnsureStartedOptions Default { get; } = new();

    /// <summary>How long to wait in all for a pausing task to stop before starting it again (default 60 s).</summary>
    public TimeSpan PausingTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the task is read while it is pausing (default 1 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock the waiting uses (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (PausingTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PausingTimeout), "PausingTimeout must not be negative.");
        }

        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), "PollInterval must be positive.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}

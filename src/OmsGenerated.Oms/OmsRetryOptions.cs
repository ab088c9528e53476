using System;
using System.Globalization;

namespace OmsGenerated.Oms;

/// <summary>
/// How transient failures are retried: 429 (honouring Retry-After), 502/503/504, connection failures and attempt
/// timeouts, for the operations that are safe to repeat (reads, deletes, start and stop). CreateTask is never retried:
/// a repeated create would make a second task.
/// </summary>
public sealed class OmsRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Defaults to 4.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; it doubles per attempt, with jitter. Defaults to 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest single wait, also the cap on a server's Retry-After. Defaults to 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit on one attempt; a slow attempt is abandoned and retried. Defaults to 15 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Called before each retry with the attempt number (1-based), the delay and the reason; for logs and metrics.</summary>
    public Action<OmsRetryEvent>? OnRetry { get; set; }

    /// <param name="errors">Receives the problems.</param>
    /// <param name="key">Names a property path such as <c>Retry.MaxDelay</c> (as its configuration key when it was bound from one).</param>
    internal void Validate(System.Collections.Generic.List<string> errors, Func<string, string> key)
    {
        if (MaxRetryAttempts is < 0 or > 20)
        {
            errors.Add(key("Retry.MaxRetryAttempts") + " must be between 0 and 20.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            errors.Add(key("Retry.BaseDelay") + " must be non-negative and at most " + key("Retry.MaxDelay") + ".");
        }

        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
        {
            errors.Add(key("Retry.AttemptTimeout") + " must be between 10 ms and 1 day.");
        }
    }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"OmsRetryOptions {{ MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay:c}, MaxDelay = {MaxDelay:c}, AttemptTimeout = {AttemptTimeout:c} }}");
}

/// <summary>A retry about to happen.</summary>
public sealed record OmsRetryEvent(string Method, string Path, int Attempt, TimeSpan Delay, string Reason);

using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OmsGenerated.Oms;

/// <summary>
/// The resilience pipeline of the OMS HttpClient, outside the signing handler so every attempt is signed afresh:
/// total timeout → retry (bounded, exponential with jitter, Retry-After honoured) → per-attempt timeout.
/// </summary>
internal static class OmsResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TimeSpan totalTimeout, OmsRetryOptions retry)
    {
        if (totalTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "oms-total", Timeout = totalTimeout });
        }

        if (retry.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "oms-retry",
                MaxRetryAttempts = retry.MaxRetryAttempts,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false, // handled below, capped at MaxDelay
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, retry.MaxDelay)),
                OnRetry = args =>
                {
                    retry.OnRetry?.Invoke(new OmsRetryEvent(
                        args.Context.GetRequestMessage()?.Method.Method ?? "?",
                        args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        Describe(args.Outcome)));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "oms-attempt", Timeout = retry.AttemptTimeout });
    }

    /// <summary>
    /// Reads, deletes, start and stop may be repeated: a repeated start answers "already started" (OMS.0065), a repeated
    /// stop "not migrating" (OMS.0066). Every OMS PUT sets a state (task-group start, stop, retry, traffic limits; a
    /// task's traffic limits), so a repeat changes nothing more, and the POSTs under <c>objectstorage/</c> only read the
    /// source. The creates (POST tasks, taskgroups, sync-tasks) are never repeated.
    /// </summary>
    public static bool IsSafeToRetry(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Options || method == HttpMethod.Put)
        {
            return true;
        }

        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        return method == HttpMethod.Post
            && (path.EndsWith("/start", StringComparison.Ordinal) || path.EndsWith("/stop", StringComparison.Ordinal)
                || path.Contains("/objectstorage/", StringComparison.Ordinal));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (!IsSafeToRetry(request ?? outcome.Result?.RequestMessage))
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            return response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        }

        return outcome.Exception is HttpRequestException or TimeoutRejectedException;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null; // exponential backoff with jitter
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            return null;
        }

        return delay.Value < TimeSpan.Zero ? TimeSpan.Zero : delay.Value > cap ? cap : delay.Value;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome)
        => outcome.Result is { } response
            ? "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";
}

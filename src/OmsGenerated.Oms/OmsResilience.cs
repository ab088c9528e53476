using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using OmsGenerated.Runtime.Http;
using OmsGenerated.Runtime.Telemetry;
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
                    HttpRequestMessage? request = args.Context.GetRequestMessage();
                    ApiClientMetrics.For(request).RecordRetry(request, ErrorType(args.Outcome));
                    retry.OnRetry?.Invoke(new OmsRetryEvent(
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
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
    /// Whether the request may be repeated: what the generated client attached (<see cref="ApiOperation.IsIdempotent"/>:
    /// reads, deletes and every PUT, which sets a state; and the POSTs the document marks <c>x-idempotent</c>: task and
    /// sync-task start and stop, because a repeated start answers "already started" (OMS.0065) and a repeated stop "not
    /// migrating" (OMS.0066), and the <c>objectstorage/</c> checks, which only read the source. The creates, batch update,
    /// sync events and privacy record are never repeated); for a request without that metadata, its HTTP method.
    /// </summary>
    public static bool IsSafeToRetry(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        return ApiOperation.Of(request) is { } operation ? operation.IsIdempotent : ApiOperation.IsIdempotentMethod(request.Method);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (!IsSafeToRetry(request ?? outcome.Result?.RequestMessage))
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            return ResponseBufferingHandler.IsIncomplete(response) || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
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

    /// <summary>The failed attempt as OpenTelemetry's <c>error.type</c>: the status code, or the exception's type.</summary>
    private static string ErrorType(Outcome<HttpResponseMessage> outcome)
        => outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().FullName ?? "unknown";

    private static string Describe(Outcome<HttpResponseMessage> outcome)
        => outcome.Result is { } response
            ? ResponseBufferingHandler.IsIncomplete(response) ? "an incomplete response body" : "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";
}

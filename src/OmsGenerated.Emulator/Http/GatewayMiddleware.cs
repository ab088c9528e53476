using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OmsGenerated.Emulator.Http;

/// <summary>
/// What API Gateway does before OMS sees a request, applied to every route in this order: refuse a body over 12 MB
/// (by Content-Length before reading, else while reading), read the body once, check authentication (counted), draw the
/// fault (if any) and answer with it, refuse an unauthenticated request, and answer 404 APIGW.0101 to a path or method
/// no OMS operation has. Only then does the endpoint run. Every answer has X-Request-Id.
/// </summary>
internal sealed class GatewayMiddleware
{
    /// <summary>API Gateway's body limit for AK/SK-signed requests.</summary>
    public const int MaxBodyBytes = 12 * 1024 * 1024;

    private readonly RequestDelegate _next;
    private readonly OmsEmulatorOptions _options;
    private readonly EmulatorStatistics _statistics;
    private readonly GatewayAuthenticator _authenticator;
    private readonly FaultInjector _faults;
    private readonly ResponseWriter _writer;

    public GatewayMiddleware(RequestDelegate next, OmsEmulatorOptions options, EmulatorStatistics statistics, GatewayAuthenticator authenticator, FaultInjector faults, ResponseWriter writer)
    {
        _next = next;
        _options = options;
        _statistics = statistics;
        _authenticator = authenticator;
        _faults = faults;
        _writer = writer;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        _statistics.CountRequest();
        HttpRequest request = context.Request;
        CancellationToken aborted = context.RequestAborted;
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } target
            ? target
            : (request.PathBase + request.Path + request.QueryString).ToString();
        var exchange = new EmulatorExchange(Guid.NewGuid().ToString("N"), rawTarget);
        context.Features.Set(exchange);

        if (request.ContentLength > MaxBodyBytes)
        {
            await _writer.WriteAsync(context, OmsErrors.BodyTooLarge(exchange.RequestId)).ConfigureAwait(false);
            return;
        }

        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(request, MaxBodyBytes, aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null; // Kestrel's own limit (one byte over ours) hit first: a chunked body it parsed ahead of us
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return; // the client went away or sent a broken body
        }

        if (body is null)
        {
            await _writer.WriteAsync(context, OmsErrors.BodyTooLarge(exchange.RequestId)).ConfigureAwait(false);
            return;
        }

        exchange.Body = body;
        EmulatorResponse? authenticationFailure = _authenticator.Authenticate(request, exchange);

        FaultKind? fault = _faults.Next();
        exchange.Fault = fault;
        if (fault is { } kind)
        {
            _statistics.CountFault(kind);
        }

        EmulatorResponse? faultAnswer = fault switch
        {
            FaultKind.InternalError => OmsErrors.InternalError(),
            FaultKind.BadGatewayHtml => OmsErrors.BadGatewayHtml(),
            FaultKind.ServiceUnavailable => OmsErrors.ServiceUnavailable().WithHeader("Retry-After", OmsErrors.RetryAfter(_options.Faults.RetryAfterSeconds)),
            FaultKind.TooManyRequests => OmsErrors.Throttled(exchange.RequestId).WithHeader("Retry-After", OmsErrors.RetryAfter(_options.Faults.RetryAfterSeconds)),
            _ => null,
        };
        if (fault == FaultKind.ConnectionReset)
        {
            _writer.Log(request.Method, exchange, "connection reset");
            context.Abort();
            return;
        }

        if (faultAnswer is not null)
        {
            await _writer.WriteAsync(context, faultAnswer).ConfigureAwait(false);
            return;
        }

        if (fault == FaultKind.SlowResponse)
        {
            try
            {
                await Task.Delay(_options.Faults.SlowDelay, _options.TimeProvider, aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _writer.Log(request.Method, exchange, "client gave up while slow");
                return;
            }
        }

        if (authenticationFailure is not null)
        {
            await _writer.WriteAsync(context, authenticationFailure).ConfigureAwait(false);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<OmsOperation>() is null)
        {
            await _writer.WriteAsync(context, OmsErrors.NoSuchApi(exchange.RequestId)).ConfigureAwait(false);
            return;
        }

        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A defect or a state-store failure: answer as OMS does when it fails, never with an empty 500.
            _writer.Log(request.Method, exchange, "unhandled " + exception.GetType().Name);
            await _writer.WriteAsync(context, OmsErrors.InternalError()).ConfigureAwait(false);
        }
    }
}

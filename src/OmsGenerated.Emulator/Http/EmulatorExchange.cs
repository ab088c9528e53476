using Microsoft.AspNetCore.Http;

namespace OmsGenerated.Emulator.Http;

/// <summary>What the gateway middleware learned about one request, for the endpoints and the response writer.</summary>
internal sealed class EmulatorExchange
{
    public EmulatorExchange(string requestId, string rawTarget)
    {
        RequestId = requestId;
        RawTarget = rawTarget;
    }

    /// <summary>The X-Request-Id of the answer (32 hex digits).</summary>
    public string RequestId { get; }

    /// <summary>The request target exactly as received (what the signature covers and the log shows).</summary>
    public string RawTarget { get; }

    /// <summary>The request body, read in full once (at most <see cref="GatewayMiddleware.MaxBodyBytes"/>).</summary>
    public byte[] Body { get; set; } = [];

    /// <summary>The fault drawn for this request, if any.</summary>
    public FaultKind? Fault { get; set; }

    /// <summary>The exchange the gateway middleware attached to <paramref name="context"/>.</summary>
    public static EmulatorExchange Of(HttpContext context)
        => context.Features.Get<EmulatorExchange>()
            ?? throw new System.InvalidOperationException("The gateway middleware did not run for this request.");
}

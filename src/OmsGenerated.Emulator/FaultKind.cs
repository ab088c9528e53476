namespace OmsGenerated.Emulator;

/// <summary>The kinds of fault the emulator can inject (see <see cref="FaultOptions"/>).</summary>
public enum FaultKind
{
    /// <summary>500 with an OMS JSON error body (OMS.2004).</summary>
    InternalError,

    /// <summary>502 with an HTML page, as a load balancer sends it.</summary>
    BadGatewayHtml,

    /// <summary>503 with an OMS JSON error body (OMS.2004) and Retry-After.</summary>
    ServiceUnavailable,

    /// <summary>429 APIGW.0308 (throttled) with Retry-After.</summary>
    TooManyRequests,

    /// <summary>The connection is aborted without a response.</summary>
    ConnectionReset,

    /// <summary>The answer is delayed by <see cref="FaultOptions.SlowDelay"/>, then given normally.</summary>
    SlowResponse,

    /// <summary>The normal answer with a Content-Length larger than the bytes written, then the connection is aborted.</summary>
    TruncatedBody,
}

using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OmsGenerated.Emulator.Http;

/// <summary>API Gateway's authentication: an AK/SK signature (checked by <see cref="AkSkVerifier"/>) or an X-Auth-Token.</summary>
internal sealed class GatewayAuthenticator
{
    private readonly OmsEmulatorOptions _options;
    private readonly EmulatorStatistics _statistics;

    public GatewayAuthenticator(OmsEmulatorOptions options, EmulatorStatistics statistics)
    {
        _options = options;
        _statistics = statistics;
    }

    /// <summary>Null when the request is authenticated; else the 401 APIGW.0301 answer (counted).</summary>
    public EmulatorResponse? Authenticate(HttpRequest request, EmulatorExchange exchange)
    {
        var headers = new Dictionary<string, string>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, StringValues> header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        EmulatorResponse? failure = null;
        if (headers.ContainsKey("Authorization"))
        {
            SignatureCheck check = AkSkVerifier.Verify(
                request.Method, exchange.RawTarget, headers, exchange.Body, _options.AccessKey, _options.SecretKey,
                _options.TimeProvider.GetUtcNow(), _options.MaxClockSkew, out string reason);
            if (check != SignatureCheck.Valid)
            {
                _statistics.CountSignatureFailure();
                failure = OmsErrors.Unauthorized(
                    check == SignatureCheck.DateOutOfRange
                        ? "verify aksk signature fail, the request time X-Sdk-Date is out of range: " + reason
                        : "verify aksk signature fail",
                    exchange.RequestId);
            }
        }
        else if (headers.TryGetValue("X-Auth-Token", out string? token))
        {
            if (_options.AuthToken is null || !string.Equals(token, _options.AuthToken, StringComparison.Ordinal))
            {
                failure = OmsErrors.Unauthorized("decrypt token fail", exchange.RequestId);
            }
        }
        else
        {
            failure = OmsErrors.Unauthorized("x-auth-token not found", exchange.RequestId);
        }

        if (failure is not null)
        {
            _statistics.CountAuthenticationFailure();
        }

        return failure;
    }
}

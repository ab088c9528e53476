using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OmsGenerated.Emulator.Http;

/// <summary>Writes an <see cref="EmulatorResponse"/> (counted and logged), cutting it short when the truncate fault was drawn.</summary>
internal sealed class ResponseWriter
{
    private readonly EmulatorStatistics _statistics;
    private readonly Action<string>? _log;

    public ResponseWriter(EmulatorStatistics statistics, Action<string>? log)
    {
        _statistics = statistics;
        _log = log;
    }

    public async Task WriteAsync(HttpContext context, EmulatorResponse answer)
    {
        EmulatorExchange exchange = EmulatorExchange.Of(context);
        _statistics.CountStatus(answer.StatusCode);
        Log(context.Request.Method, exchange, answer.ToString());
        HttpResponse response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.Headers["X-Request-Id"] = exchange.RequestId;
        foreach (KeyValuePair<string, string> header in answer.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }

        try
        {
            if (exchange.Fault != FaultKind.TruncatedBody)
            {
                response.ContentLength = answer.Body.Length;
                if (answer.Body.Length > 0)
                {
                    await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
                }

                return;
            }

            // Promise more than is sent and send half. Returning with too few bytes makes Kestrel flush what was
            // written and then close the connection (HttpContext.Abort() here could drop the unsent headers too).
            response.ContentLength = answer.Body.Length + 128;
            await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            int sent = answer.Body.Length / 2;
            if (sent > 0)
            {
                await response.Body.WriteAsync(answer.Body.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
            }

            await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The client is gone; nothing to answer.
        }
    }

    /// <summary>One request-log line (method, raw target, outcome, fault); nothing when no log is configured.</summary>
    public void Log(string method, EmulatorExchange exchange, string outcome)
    {
        if (_log is null)
        {
            return;
        }

        var line = new StringBuilder();
        line.Append(method).Append(' ').Append(exchange.RawTarget).Append(" -> ").Append(outcome);
        if (exchange.Fault is { } kind)
        {
            line.Append(" [fault ").Append(EmulatorStatistics.ShortName(kind)).Append(']');
        }

        _log(line.ToString());
    }
}

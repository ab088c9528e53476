using System;
using System.Text;

namespace OmsGenerated.Runtime.Telemetry;

/// <summary>The <c>url.full</c> of a request as telemetry may carry it: no user info, no fragment, every query value <c>*</c>.</summary>
internal static class TelemetryUrl
{
    public static string Redact(Uri uri)
    {
        var withoutQuery = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return withoutQuery;
        }

        var builder = new StringBuilder(withoutQuery, withoutQuery.Length + query.Length).Append('?');
        var first = true;
        foreach (var pair in query.AsSpan(1).ToString().Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                builder.Append('&');
            }

            first = false;
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            builder.Append(equals < 0 ? pair : pair.AsSpan(0, equals)).Append(equals < 0 ? string.Empty : "=*");
        }

        return builder.ToString();
    }
}

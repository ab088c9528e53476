using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// Reads each response body completely inside the handler pipeline, so the timeouts and retries around it cover a
/// body that stalls or breaks off, not only the headers. Place it innermost (just above the primary handler).
/// A body that breaks off keeps what arrived: an error response still yields the typed API error, and a success
/// response is marked (<see cref="IsIncomplete"/>) so a retry policy can repeat it and, when it is not repeated, the
/// generated client throws the typed error with the status and an excerpt instead of decoding half a document.
/// </summary>
public sealed class ResponseBufferingHandler : DelegatingHandler
{
    public ResponseBufferingHandler()
    {
    }

    public ResponseBufferingHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var original = response.Content;
        if (original is null || original is ByteArrayContent)
        {
            return response;
        }

        var buffer = new MemoryStream();
        bool brokeOff = false;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The body broke off (shorter than its Content-Length, or the connection reset): keep the part that arrived.
            brokeOff = true;
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var buffered = brokeOff && response.IsSuccessStatusCode
            ? new IncompleteBodyContent(buffer.GetBuffer(), (int)buffer.Length)
            : new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        original.Dispose();
        response.Content = buffered;
        return response;
    }

    /// <summary>Whether the response is a success whose body broke off before it was complete (a transient failure:
    /// safe operations may be retried).</summary>
    public static bool IsIncomplete(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Content is IncompleteBodyContent;
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Http;

/// <summary>
/// Reads each response body completely inside the handler pipeline, so the timeouts and retries around it cover a
/// body that stalls or breaks off, not only the headers. Place it innermost (just above the primary handler).
/// A success body that breaks off throws (and can be retried); an error body that breaks off keeps what arrived, so
/// the caller still gets the typed API error with the status and an excerpt.
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
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !response.IsSuccessStatusCode)
        {
            // The error body broke off: keep the part that arrived.
        }
        catch (IOException exception)
        {
            // A success body that broke off is a transport failure: report it as one, so retry policies see it.
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response body ended before it was complete.", exception);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
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
}

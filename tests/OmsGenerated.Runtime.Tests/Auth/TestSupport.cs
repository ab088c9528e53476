using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Tests.Auth;

/// <summary>A TimeProvider frozen at a settable instant.</summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    public FakeTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>What a server would have received.</summary>
internal sealed record CapturedRequest(
    string Method,
    string PathAndQuery,
    Dictionary<string, string> Headers,
    byte[] Body,
    int AuthorizationValueCount);

/// <summary>Terminal handler recording each request as the wire would carry it.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    public List<CapturedRequest> Requests { get; } = new();

    public CapturedRequest Last => Requests[^1];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Capture(request, body);
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? Array.Empty<byte>() : request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
        Capture(request, body);
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
    }

    private void Capture(HttpRequestMessage request, byte[] body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int authorizationCount = 0;
        foreach (KeyValuePair<string, HeaderStringValuesShim> h in Enumerate(request))
        {
            headers[h.Key] = h.Value.Joined;
            if (string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorizationCount = h.Value.Count;
            }
        }

        Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body, authorizationCount));
    }

    private static IEnumerable<KeyValuePair<string, HeaderStringValuesShim>> Enumerate(HttpRequestMessage request)
    {
        foreach (var h in request.Headers.NonValidated)
        {
            yield return new(h.Key, new HeaderStringValuesShim(string.Join(", ", h.Value), h.Value.Count));
        }

        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers.NonValidated)
            {
                yield return new(h.Key, new HeaderStringValuesShim(string.Join(", ", h.Value), h.Value.Count));
            }
        }
    }

    private readonly record struct HeaderStringValuesShim(string Joined, int Count);
}

internal static class Hex
{
    public static string Sha256(byte[] bytes)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    public static string Of(IEnumerable<byte> bytes) => Convert.ToHexStringLower(bytes.ToArray());
}

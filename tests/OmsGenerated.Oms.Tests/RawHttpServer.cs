using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms.Tests;

/// <summary>
/// A loopback TCP server that answers every request with bytes a test scripts (so it can send what Kestrel would not:
/// a Content-Length longer than the body, invalid UTF-8), then closes the connection.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, byte[]> _respond;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _accepting;

    /// <param name="respond">From the request (request line, headers and body), the whole response to write.</param>
    public RawHttpServer(Func<string, byte[]> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The requests received: request line, headers and body.</summary>
    public IReadOnlyCollection<string> Requests => _requests.ToArray();

    /// <summary>A response with the given status line, headers and body bytes; Content-Length is <paramref name="contentLength"/> when given, else the body's length.</summary>
    public static byte[] Response(string statusLine, string? contentType, byte[] body, int? contentLength = null)
    {
        var head = new StringBuilder("HTTP/1.1 ").Append(statusLine).Append("\r\nConnection: close\r\nX-Request-Id: raw-req-1\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        head.Append("Content-Length: ").Append((contentLength ?? body.Length).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var all = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(all, 0);
        body.CopyTo(all, headBytes.Length);
        return all;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                NetworkStream stream = connection.GetStream();
                string head = await ReadHeadAsync(stream);
                _requests.Enqueue(head);
                await stream.WriteAsync(_respond(head), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                connection.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is OperationCanceledException or System.IO.IOException or SocketException)
            {
                // the test is over, or the client gave up
            }
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
            string text = Encoding.UTF8.GetString(received.ToArray());
            int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var length = System.Text.RegularExpressions.Regex.Match(text, "(?im)^Content-Length:\\s*(\\d+)");
                int bodyLength = length.Success ? int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (Encoding.UTF8.GetByteCount(text) - (Encoding.UTF8.GetByteCount(text.Substring(0, end)) + 4) >= bodyLength)
                {
                    return text;
                }
            }
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

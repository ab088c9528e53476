using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Oms.Tests;

/// <summary>A server that sends headers and then stalls mid-body must not hang the call past its timeouts.</summary>
public sealed class StalledBodyTests
{
    [Fact]
    public async Task A_body_that_stalls_after_the_headers_ends_within_the_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var attempts = 0;
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient connection;
                try
                {
                    connection = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Interlocked.Increment(ref attempts);
                _ = Task.Run(async () =>
                {
                    using (connection)
                    {
                        var stream = connection.GetStream();
                        await stream.ReadAtLeastAsync(new byte[8192], 1, throwOnEndOfStream: false, stop.Token);
                        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":1,";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token);
                        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    }
                });
            }
        });

        using OmsClient client = OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:" + port),
            ProjectId = Canary.ProjectId,
            Credentials = Canary.Credentials(),
            Timeout = TimeSpan.FromSeconds(2),
            Retry = new OmsRetryOptions { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromMilliseconds(300) },
        });

        var clock = Stopwatch.StartNew();
        var call = client.ShowTaskAsync(Canary.ProjectId, 1);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(call, finished);
        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => call);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(3, Volatile.Read(ref attempts)); // the stalled read was abandoned and retried, twice
        stop.Cancel();
        listener.Stop();
        await server;
    }
}

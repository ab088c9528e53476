using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Cli.Tests;

/// <summary>The CLI's client does not follow a redirect: the token stays on the configured origin.</summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task A_redirect_to_another_origin_is_an_api_error_and_the_other_origin_gets_no_request()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        int otherPort = ((IPEndPoint)other.LocalEndpoint).Port;
        using var origin = new TcpListener(IPAddress.Loopback, 0);
        origin.Start();
        int originPort = ((IPEndPoint)origin.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task<string> originServer = AnswerOnceAsync(origin, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:" + otherPort + "/v2/p/tasks/1001?token=abc\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", stop.Token);
        Task<TcpClient> otherAccept = other.AcceptTcpClientAsync(stop.Token).AsTask();

        CliResult result = await CliRunner.RunAsync(
            new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_PROJECT_ID"] = "5a1b2c3d4e5f60718293a4b5c6d7e8f9" },
            "--endpoint", "http://127.0.0.1:" + originPort, "--token", Canary.Token, "tasks", "show", "1001");

        Assert.True(result.ExitCode == ExitCodes.ApiError, result.ToString());
        Assert.Contains("HTTP.302", result.Stderr);
        Assert.Contains("redirect to http://127.0.0.1:" + otherPort + "/v2/p/tasks/1001 was not followed", result.Stderr);
        Assert.DoesNotContain("token=abc", result.Stderr);
        Assert.Contains("X-Auth-Token: " + Canary.Token, await originServer, StringComparison.OrdinalIgnoreCase); // the origin did get it
        await Task.Delay(200);
        Assert.False(otherAccept.IsCompleted, "the other origin was contacted");
        stop.Cancel();
        other.Stop();
    }

    private static async Task<string> AnswerOnceAsync(TcpListener listener, string response, CancellationToken cancellationToken)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = connection.GetStream();
        var buffer = new byte[16384];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), cancellationToken);
        return head.ToString();
    }
}

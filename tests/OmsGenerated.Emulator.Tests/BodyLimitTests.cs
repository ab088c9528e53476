using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using Xunit;
using Xunit.Abstractions;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Bodies API Gateway refuses (over 12 MB) and bodies OMS refuses (not UTF-8); memory after large bodies.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class BodyLimitTests(ITestOutputHelper output)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_validly_signed_body_with_invalid_UTF8_in_a_string_gets_400_OMS_0064_not_500()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        byte[] body = [.. "{\"dst_ak\":\"A"u8, 0xC3, 0x28, .. "\",\"dst_sk\":\"B\"}"u8]; // C3 28: a lead byte without its continuation
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };

        using HttpResponseMessage response = await raw.PostAsync(TestClients.TasksPath(emulator) + "/1001/start", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OMS.0064", error.RootElement.GetProperty("error_code").GetString());
        Assert.Equal("request body is not valid UTF-8.", error.RootElement.GetProperty("error_detail").GetString());
        Assert.Equal(MigrationTaskStatus.Stopped, (await TestClients.Create(emulator).ShowTaskAsync(emulator.ProjectId, 1001)).Status);
    }

    [Fact]
    public async Task A_Content_Length_over_12_MB_is_refused_with_413_before_the_body_is_sent()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(emulator.BaseAddress.Host, emulator.BaseAddress.Port);
        NetworkStream stream = tcp.GetStream();
        string head = "POST " + TestClients.TasksPath(emulator) + "/1001/start HTTP/1.1\r\nHost: " + emulator.BaseAddress.Authority
            + "\r\nContent-Type: application/json\r\nContent-Length: " + (12 * MiB + 1) + "\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // No body byte is sent: an answer within the timeout means the emulator decided from the header alone.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        byte[] buffer = new byte[4096];
        int read = await stream.ReadAsync(buffer, timeout.Token);
        string answer = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"APIGW.0201\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_body_over_12_MB_is_refused_with_413_APIGW_0201()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(emulator.BaseAddress.Host, emulator.BaseAddress.Port);
        NetworkStream stream = tcp.GetStream();
        string head = "POST " + TestClients.TasksPath(emulator) + "/1001/start HTTP/1.1\r\nHost: " + emulator.BaseAddress.Authority
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Task sending = Task.Run(async () =>
        {
            byte[] chunk = [.. Encoding.ASCII.GetBytes("100000\r\n"), .. new byte[MiB], .. "\r\n"u8];
            try
            {
                for (int i = 0; i < 13; i++)
                {
                    await stream.WriteAsync(chunk, timeout.Token); // 13 chunks of 1 MiB; the emulator stops reading after 12 MiB + 1 byte
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException)
            {
                // The emulator answered and closed the connection before the last chunks.
            }
        });

        byte[] buffer = new byte[4096];
        int read = await stream.ReadAsync(buffer, timeout.Token);
        string answer = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.True(answer.StartsWith("HTTP/1.1 413 ", StringComparison.Ordinal), "answer: " + answer);
        Assert.Contains("\"APIGW.0201\"", answer, StringComparison.Ordinal);
        tcp.Close();
        await sending;
    }

    [Fact]
    public async Task A_body_of_exactly_12_MB_is_read_and_checked_by_OMS()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.PostAsync(TestClients.TasksPath(emulator) + "/1001/start", LargeStartBody(12 * MiB));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // signed and read: dst_sk is too long, not too large
        Assert.Contains("request parameter [dst_sk] invalid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_returns_to_baseline_after_a_burst_of_11_MB_signed_bodies()
    {
        // Each phase uses its own client and disposes it before measuring, so what is measured is what the emulator keeps.
        await using OmsEmulator emulator = await OmsEmulator.StartAsync();
        string path = TestClients.TasksPath(emulator) + "/1001/start";
        using (HttpClient warmUpClient = TestClients.RawSigned(emulator))
        using (HttpResponseMessage warmUp = await warmUpClient.PostAsync(path, LargeStartBody(11 * MiB)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, warmUp.StatusCode);
        }

        (long baselineLive, long baselineHeap) = Measure();
        const int requests = 24;
        int rejected = 0;
        long allocated;
        using (HttpClient raw = TestClients.RawSigned(emulator))
        {
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, cancellationToken) =>
            {
                using HttpResponseMessage response = await raw.PostAsync(path, LargeStartBody(11 * MiB), cancellationToken);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                {
                    Interlocked.Increment(ref rejected);
                }
            });
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        }

        (long afterLive, long afterHeap) = Measure();
        output.WriteLine($"{requests} x 11 MiB, 4 at a time: live {baselineLive / (double)MiB:0.0} -> {afterLive / (double)MiB:0.0} MiB, "
            + $"GC heap {baselineHeap / (double)MiB:0.0} -> {afterHeap / (double)MiB:0.0} MiB, {allocated / MiB} MiB allocated by client and emulator together");
        Assert.Equal(requests, rejected); // every body was read, verified and checked (dst_sk too long)

        // 24 bodies of 11 MiB went through; keeping one of them (or a pooled 12 MiB buffer) would exceed this.
        Assert.True(afterLive - baselineLive < 8 * MiB, $"live managed memory grew by {(afterLive - baselineLive) / MiB} MiB");
        Assert.True(afterHeap - baselineHeap < 8 * MiB, $"the GC heap grew by {(afterHeap - baselineHeap) / MiB} MiB");
    }

    /// <summary>A StartTask body of <paramref name="size"/> bytes whose dst_sk is far too long (so OMS answers 400).</summary>
    private static ByteArrayContent LargeStartBody(int size)
    {
        byte[] prefix = "{\"dst_ak\":\"A\",\"dst_sk\":\""u8.ToArray();
        byte[] body = new byte[size];
        prefix.CopyTo(body, 0);
        body.AsSpan(prefix.Length, size - prefix.Length - 2).Fill((byte)'s');
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static (long Live, long Heap) Measure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long live = GC.GetTotalMemory(forceFullCollection: true);
        return (live, GC.GetGCMemoryInfo(GCKind.FullBlocking).HeapSizeBytes);
    }
}

/// <summary>Tests that measure process memory run alone (no other test of this collection allocates meanwhile).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}

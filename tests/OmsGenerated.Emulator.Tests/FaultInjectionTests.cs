using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Errors;
using Polly.Timeout;
using Xunit;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Each fault kind alone (probability 1, client retries off), and what the generated client makes of it.</summary>
public sealed class FaultInjectionTests
{
    private static Task<OmsEmulator> StartWith(FaultOptions faults) => OmsEmulator.StartAsync(new OmsEmulatorOptions { Faults = faults });

    /// <summary>Runs a call with a hard watchdog, so a hang fails instead of blocking the run.</summary>
    private static async Task<Exception?> Outcome(Func<Task> call, TimeSpan? watchdog = null)
    {
        Task task = call();
        Task winner = await Task.WhenAny(task, Task.Delay(watchdog ?? TimeSpan.FromSeconds(10)));
        Assert.True(winner == task, "the call hung");
        try
        {
            await task;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    [Fact]
    public async Task InternalError_gives_a_typed_500_with_the_OMS_body()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { InternalError = 1 });
        OmsClient client = TestClients.Create(emulator);

        ErrorResponseException error = Assert.IsType<ErrorResponseException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("OMS.2004", error.ErrorCode);
        Assert.Contains("Internal server error", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", error.RequestId);
        Assert.Equal(1, emulator.Statistics.FaultCount(FaultKind.InternalError));
        Assert.Equal(1, emulator.Statistics.StatusCount(500));
        Assert.Equal(1, emulator.Statistics.FaultsInjected);
    }

    [Fact]
    public async Task BadGatewayHtml_gives_an_ApiErrorException_with_an_excerpt_of_the_page()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { BadGatewayHtml = 1 });
        OmsClient client = TestClients.Create(emulator);

        ApiErrorException error = Assert.IsAssignableFrom<ApiErrorException>(await Outcome(() => client.ListTasksAsync(emulator.ProjectId)));
        Assert.Equal(502, error.StatusCode);
        Assert.False(error.HasErrorBody);
        Assert.Equal("text/html", error.ContentType);
        Assert.Contains("502 Bad Gateway", error.RawBodyExcerpt, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, emulator.Statistics.FaultCount(FaultKind.BadGatewayHtml));
    }

    [Theory]
    [InlineData(503, "OMS.2004")]
    [InlineData(429, "APIGW.0308")]
    public async Task ServiceUnavailable_and_TooManyRequests_give_typed_errors_with_Retry_After(int status, string code)
    {
        FaultOptions faults = status == 503 ? new FaultOptions { ServiceUnavailable = 1, RetryAfterSeconds = 3 } : new FaultOptions { TooManyRequests = 1, RetryAfterSeconds = 3 };
        await using OmsEmulator emulator = await StartWith(faults);
        OmsClient client = TestClients.Create(emulator);

        ErrorResponseException error = Assert.IsType<ErrorResponseException>(await Outcome(() => client.StopTaskAsync(emulator.ProjectId, 1003)));
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);

        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.GetAsync(TestClients.TasksPath(emulator) + "/1001");
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
        Assert.True(response.Headers.Contains("X-Request-Id"));
        Assert.Equal(2, emulator.Statistics.FaultsInjected);

        // The fault came before the operation: the task is still migrating.
        await using OmsEmulator clean = await OmsEmulator.StartAsync();
        Assert.Equal(MigrationTaskStatus.Executing, (await TestClients.Create(clean).ShowTaskAsync(clean.ProjectId, 1003)).Status);
    }

    [Fact]
    public async Task ConnectionReset_gives_an_HttpRequestException()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { ConnectionReset = 1 });
        OmsClient client = TestClients.Create(emulator);

        Assert.IsType<HttpRequestException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.IsType<HttpRequestException>(await Outcome(() => client.StartTaskAsync(emulator.ProjectId, 1001, new StartTaskReq { DstAk = "A", DstSk = "B" })));
        Assert.True(emulator.Statistics.FaultCount(FaultKind.ConnectionReset) >= 2);
        Assert.Empty(emulator.Statistics.ResponsesByStatus);
    }

    [Fact]
    public async Task SlowResponse_beyond_the_attempt_timeout_gives_TimeoutRejectedException()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { SlowResponse = 1, SlowDelay = TimeSpan.FromSeconds(2) });
        OmsClient attemptLimited = TestClients.Create(emulator, timeout: TimeSpan.FromSeconds(10), retry: TestClients.NoRetries(TimeSpan.FromMilliseconds(200)));
        var watch = Stopwatch.StartNew();
        Assert.IsType<TimeoutRejectedException>(await Outcome(() => attemptLimited.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), "gave up after the attempt timeout, not after the delay: " + watch.Elapsed);

        OmsClient totalLimited = TestClients.Create(emulator, timeout: TimeSpan.FromMilliseconds(300), retry: TestClients.NoRetries());
        Assert.IsType<TimeoutRejectedException>(await Outcome(() => totalLimited.ListTasksAsync(emulator.ProjectId)));
        Assert.Equal(2, emulator.Statistics.FaultCount(FaultKind.SlowResponse));
    }

    [Fact]
    public async Task SlowResponse_within_the_timeouts_answers_normally_after_the_delay()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { SlowResponse = 1, SlowDelay = TimeSpan.FromMilliseconds(300) });
        OmsClient client = TestClients.Create(emulator);
        var watch = Stopwatch.StartNew();
        TaskResp task = await client.ShowTaskAsync(emulator.ProjectId, 1001);
        Assert.Equal("demo-paused", task.Name);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), "answered after the delay: " + watch.Elapsed);
    }

    [Fact]
    public async Task TruncatedBody_gives_a_typed_exception_and_never_hangs()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { TruncatedBody = 1 });
        OmsClient client = TestClients.Create(emulator);

        // A success body cut short is the typed error with the status and what arrived, not a transport exception.
        ApiErrorException show = Assert.IsAssignableFrom<ApiErrorException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.Equal(200, show.StatusCode);
        Assert.Contains("ended before it was complete", show.Message);
        Assert.StartsWith("{\"id\":1001", show.RawBodyExcerpt);

        ApiErrorException list = Assert.IsAssignableFrom<ApiErrorException>(await Outcome(() => client.ListTasksAsync(emulator.ProjectId)));
        Assert.Equal(200, list.StatusCode);

        // A truncated error body still gives the typed error (with what arrived before the cut).
        ErrorResponseException missing = Assert.IsType<ErrorResponseException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 999)));
        Assert.Equal(400, missing.StatusCode); // OMS.1009 is a 400, as the spec says
        Assert.Equal(3, emulator.Statistics.FaultCount(FaultKind.TruncatedBody));

        using HttpClient raw = TestClients.RawSigned(emulator);
        using HttpResponseMessage response = await raw.GetAsync(TestClients.TasksPath(emulator) + "/1001", HttpCompletionOption.ResponseHeadersRead);
        long declared = response.Content.Headers.ContentLength!.Value;
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsByteArrayAsync());
        Assert.True(declared > 0);
    }

    [Fact]
    public async Task Faults_come_before_normal_handling_but_signatures_are_still_checked_and_counted()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { InternalError = 1 });
        var wrong = new Runtime.Auth.HuaweiCloudCredentials(emulator.Credentials.AccessKey, "wrong-secret", emulator.ProjectId);
        OmsClient client = TestClients.Create(emulator, credentials: wrong);
        ErrorResponseException error = Assert.IsType<ErrorResponseException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1, emulator.Statistics.SignatureFailures);
        Assert.Equal(1, emulator.Statistics.Requests);
    }

    [Fact]
    public async Task The_fault_sequence_is_deterministic_for_a_seed()
    {
        async Task<List<int>> Statuses(int seed)
        {
            FaultOptions faults = FaultOptions.Parse("500=0.2,502=0.2,503=0.2,429=0.2,seed=" + seed);
            await using OmsEmulator emulator = await StartWith(faults);
            using HttpClient raw = TestClients.RawSigned(emulator);
            var statuses = new List<int>();
            for (int i = 0; i < 30; i++)
            {
                using HttpResponseMessage response = await raw.GetAsync(TestClients.TasksPath(emulator) + "/1001");
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }

        List<int> first = await Statuses(7);
        Assert.Equal(first, await Statuses(7));
        Assert.NotEqual(first, await Statuses(8));
        Assert.Contains(200, first);
        Assert.Contains(503, first);
    }

    [Fact]
    public async Task With_retries_the_client_retries_503_and_caps_Retry_After_at_MaxDelay()
    {
        await using OmsEmulator emulator = await StartWith(new FaultOptions { ServiceUnavailable = 1, RetryAfterSeconds = 5 });
        var delays = new List<TimeSpan>();
        var retry = new OmsRetryOptions
        {
            MaxRetryAttempts = 2,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(40),
            AttemptTimeout = TimeSpan.FromSeconds(2),
            OnRetry = retryEvent => { lock (delays) { delays.Add(retryEvent.Delay); } },
        };
        OmsClient client = TestClients.Create(emulator, retry: retry);

        var watch = Stopwatch.StartNew();
        ErrorResponseException error = Assert.IsType<ErrorResponseException>(await Outcome(() => client.ShowTaskAsync(emulator.ProjectId, 1001)));
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(3, emulator.Statistics.Requests);
        Assert.Equal(2, delays.Count);
        Assert.All(delays, delay => Assert.True(delay <= TimeSpan.FromMilliseconds(40), "Retry-After 5 s is capped: " + delay));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task CreateTask_is_never_retried()
    {
        await using OmsEmulator emulator = await OmsEmulator.StartAsync(new OmsEmulatorOptions { SeedDemoTasks = false, Faults = new FaultOptions { ServiceUnavailable = 1, RetryAfterSeconds = 0 } });
        int retries = 0;
        OmsClient client = TestClients.Create(emulator, retry: new OmsRetryOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), OnRetry = _ => Interlocked.Increment(ref retries) });
        await Assert.ThrowsAsync<ErrorResponseException>(() => client.CreateTaskAsync(emulator.ProjectId, new CreateTaskReq
        {
            SrcNode = new SrcNodeReq { Bucket = "s" },
            DstNode = new DstNodeReq { Ak = "A", Sk = "S", Bucket = "d", Region = "cn-north-4" },
        }));
        Assert.Equal(0, retries);
        Assert.Equal(1, emulator.Statistics.Requests);
    }
}

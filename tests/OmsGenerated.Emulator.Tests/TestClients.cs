using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Oms;
using OmsGenerated.Runtime.Auth;

namespace OmsGenerated.Emulator.Tests;

/// <summary>Clients for an emulator: the generated client as applications build it, and raw signed HttpClients.</summary>
internal static class TestClients
{
    /// <summary>The generated client through <see cref="OmsClientFactory"/>, retries off unless given.</summary>
    public static OmsClient Create(OmsEmulator emulator, TimeSpan? timeout = null, OmsRetryOptions? retry = null, HuaweiCloudCredentials? credentials = null, string? projectId = null)
        => OmsClientFactory.Create(new OmsClientOptions
        {
            Endpoint = emulator.BaseAddress,
            ProjectId = projectId ?? emulator.ProjectId,
            Credentials = credentials ?? emulator.Credentials,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Retry = retry ?? NoRetries(),
        });

    /// <summary>Retries off; each attempt limited to <paramref name="attemptTimeout"/> (default 10 s).</summary>
    public static OmsRetryOptions NoRetries(TimeSpan? attemptTimeout = null)
        => new() { MaxRetryAttempts = 0, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10) };

    /// <summary>
    /// An HttpClient whose requests are signed by the runtime's <see cref="AkSkSigningHandler"/> (optionally on a shifted
    /// clock, optionally altered after signing), with no client-side validation or retries.
    /// </summary>
    public static HttpClient RawSigned(OmsEmulator emulator, TimeProvider? clock = null, HuaweiCloudCredentials? credentials = null, Action<HttpRequestMessage>? afterSigning = null)
    {
        HttpMessageHandler inner = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (afterSigning is not null)
        {
            inner = new AlteringHandler(afterSigning) { InnerHandler = inner };
        }

        var signing = new AkSkSigningHandler(credentials ?? emulator.Credentials, clock) { InnerHandler = inner };
        return new HttpClient(signing) { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The generated client over <see cref="RawSigned"/> (e.g. with a shifted signing clock).</summary>
    public static OmsClient OverRawSigned(OmsEmulator emulator, TimeProvider clock)
        => new(RawSigned(emulator, clock), emulator.BaseAddress) { ProjectId = emulator.ProjectId };

    /// <summary>A JSON body with the media type OMS clients send.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The tasks path of the emulator's project.</summary>
    public static string TasksPath(OmsEmulator emulator) => "/v2/" + emulator.ProjectId + "/tasks";

    /// <summary>Polls ShowTask until <paramref name="done"/> holds, failing after <paramref name="timeout"/>.</summary>
    public static async Task<TaskResp> WaitForAsync(OmsClient client, string projectId, long taskId, Func<TaskResp, bool> done, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        TaskResp task = await client.ShowTaskAsync(projectId, taskId).ConfigureAwait(false);
        while (!done(task))
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("Task " + taskId + " did not reach the expected state in " + timeout + "; last: status " + task.Status + ", progress " + task.Progress + ".");
            }

            await Task.Delay(20).ConfigureAwait(false);
            task = await client.ShowTaskAsync(projectId, taskId).ConfigureAwait(false);
        }

        return task;
    }

    private sealed class AlteringHandler(Action<HttpRequestMessage> alter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            alter(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The system clock moved by a fixed amount (for stale or future X-Sdk-Date values).</summary>
internal sealed class ShiftedTimeProvider(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}

/// <summary>A clock that only moves when told to (starts at the real time, so signed requests stay in range).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}

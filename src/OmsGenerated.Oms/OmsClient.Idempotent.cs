using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>What <see cref="OmsClient.EnsureStartedAsync(long, StartTaskReq, CancellationToken)"/> observed.</summary>
public enum StartOutcomeKind
{
    /// <summary>OMS accepted the start request (possibly after waiting for the task to finish pausing).</summary>
    Started,

    /// <summary>OMS answered OMS.0065 ("already started") and the task is in fact migrating, retrying or waiting to be
    /// scheduled, for example because an earlier attempt of the same (retried) request succeeded.</summary>
    AlreadyRunning,

    /// <summary>OMS answered OMS.0065 and the task has meanwhile succeeded, or OMS.0070 ("finished") for a task that succeeded.</summary>
    AlreadySucceeded,
}

/// <summary>The result of <see cref="OmsClient.EnsureStartedAsync(long, StartTaskReq, CancellationToken)"/>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Kind">Started, already running, or already succeeded.</param>
/// <param name="RequestId">The request ID of the OMS.0065 answer when the task was not started by this call.</param>
public sealed record StartOutcome(long TaskId, StartOutcomeKind Kind, string? RequestId = null)
{
    /// <summary>Whether the task was already running (migrating, retrying or queued).</summary>
    public bool AlreadyRunning => Kind == StartOutcomeKind.AlreadyRunning;

    /// <summary>The status the task was read in after an OMS.0065 answer; null when it was started.</summary>
    public MigrationTaskStatus? Status { get; init; }

    /// <summary>Whether the task was pausing (or stopped while OMS still answered OMS.0065) and was started after waiting.</summary>
    public bool WaitedForPause { get; init; }

    /// <summary>The OMS code of the answer when the task was not started by this call: OMS.0065 ("already started") or OMS.0070 ("finished").</summary>
    public string? ErrorCode { get; init; }
}

/// <summary>What <see cref="OmsClient.EnsureStoppedAsync"/> observed.</summary>
public enum StopOutcomeKind
{
    /// <summary>OMS accepted the stop request.</summary>
    Stopped,

    /// <summary>OMS answered OMS.0066 ("not migrating") and the task is stopped or pausing, for example because an earlier
    /// attempt of the same (retried) request succeeded.</summary>
    AlreadyStopped,
}

/// <summary>The result of <see cref="OmsClient.EnsureStoppedAsync"/>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Kind">Stopped, or already stopped.</param>
/// <param name="RequestId">The request ID of the OMS.0066 answer when <paramref name="Kind"/> is <see cref="StopOutcomeKind.AlreadyStopped"/>.</param>
public sealed record StopOutcome(long TaskId, StopOutcomeKind Kind, string? RequestId = null)
{
    /// <summary>Whether the task was already stopped.</summary>
    public bool AlreadyStopped => Kind == StopOutcomeKind.AlreadyStopped;
}

/// <summary>Hand-written additions: idempotent start and stop.</summary>
/// <remarks>
/// Start and stop are retried on transient failures (see <see cref="OmsRetryOptions"/>). When the first attempt reached
/// OMS but its answer was lost, the retry is answered "already started" (OMS.0065) or "not migrating" (OMS.0066).
/// These methods read the task back and report success only when it is in the state asked for.
/// </remarks>
public partial class OmsClient
{
    /// <summary>
    /// Starts (resumes or restarts) a task in <see cref="ProjectId"/>, and reports success only when the task is really
    /// running; waits for a pausing task with <see cref="EnsureStartedOptions.Default"/>.
    /// </summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The request body (destination and source credentials, <c>migrate_failed_object</c>).</param>
    /// <param name="cancellationToken">Cancels the requests and the waiting.</param>
    /// <inheritdoc cref="EnsureStartedAsync(long, StartTaskReq, EnsureStartedOptions, CancellationToken)" path="/returns"/>
    /// <inheritdoc cref="EnsureStartedAsync(long, StartTaskReq, EnsureStartedOptions, CancellationToken)" path="/remarks"/>
    /// <inheritdoc cref="EnsureStartedAsync(long, StartTaskReq, EnsureStartedOptions, CancellationToken)" path="/exception"/>
    public Task<StartOutcome> EnsureStartedAsync(long taskId, StartTaskReq body, CancellationToken cancellationToken = default)
        => EnsureStartedAsync(taskId, body, EnsureStartedOptions.Default, cancellationToken);

    /// <summary>
    /// Starts (resumes or restarts) a task in <see cref="ProjectId"/>, and reports success only when the task is really
    /// running.
    /// </summary>
    /// <remarks>
    /// OMS answers "already started" (OMS.0065) both to a task that is running (a retried start whose first attempt got
    /// through) and to one that is still pausing, which ends stopped. So on OMS.0065 the task is read back (ShowTask):
    /// migrating, retrying or waiting gives <see cref="StartOutcomeKind.AlreadyRunning"/>, succeeded
    /// <see cref="StartOutcomeKind.AlreadySucceeded"/>; pausing (or stopped) is waited out, reading the task every
    /// <see cref="EnsureStartedOptions.PollInterval"/>, and the start is sent again once it has stopped, for at most
    /// <see cref="EnsureStartedOptions.PausingTimeout"/>.
    /// </remarks>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The request body (destination and source credentials, <c>migrate_failed_object</c>).</param>
    /// <param name="options">How long and how often to wait for a pausing task, and on which clock.</param>
    /// <param name="cancellationToken">Cancels the requests and the waiting.</param>
    /// <returns><see cref="StartOutcomeKind.Started"/>, <see cref="StartOutcomeKind.AlreadyRunning"/> or
    /// <see cref="StartOutcomeKind.AlreadySucceeded"/>.</returns>
    /// <exception cref="TaskNotStartedException">OMS.0065, and the task was still pausing when the wait ran out, or is
    /// failed or in an unknown state.</exception>
    /// <exception cref="ErrorResponseException">Any other OMS error, for example OMS.0070 for a finished task that did not succeed, or OMS.1009 (no such task).</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<StartOutcome> EnsureStartedAsync(long taskId, StartTaskReq body, EnsureStartedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string projectId = RequireProjectId();
        TimeProvider clock = options.TimeProvider;
        long startedAt = clock.GetTimestamp();
        bool waited = false;
        while (true)
        {
            ErrorResponseException alreadyStarted;
            try
            {
                await StartTaskAsync(projectId, taskId, body, cancellationToken).ConfigureAwait(false);
                return new StartOutcome(taskId, StartOutcomeKind.Started) { WaitedForPause = waited };
            }
            catch (ErrorResponseException e) when (string.Equals(e.ErrorCode, OmsErrorCodes.Oms0065, StringComparison.Ordinal))
            {
                alreadyStarted = e;
            }
            catch (ErrorResponseException e) when (string.Equals(e.ErrorCode, OmsErrorCodes.Oms0070, StringComparison.Ordinal))
            {
                // "Finished": a task that succeeded has nothing left to start, which is what the caller wanted; one that
                // did not succeed keeps the error.
                if (await ReadStatusAsync(projectId, taskId, cancellationToken).ConfigureAwait(false) == MigrationTaskStatus.Succeeded)
                {
                    return new StartOutcome(taskId, StartOutcomeKind.AlreadySucceeded, e.RequestId) { Status = MigrationTaskStatus.Succeeded, WaitedForPause = waited, ErrorCode = e.ErrorCode };
                }

                throw;
            }

            // Wait while it is pausing; a stopped task is started again at once.
            MigrationTaskStatus? status = await ReadStatusAsync(projectId, taskId, cancellationToken).ConfigureAwait(false);
            bool sawPausing = false;
            while (status == MigrationTaskStatus.Pausing)
            {
                TimeSpan left = options.PausingTimeout - clock.GetElapsedTime(startedAt);
                if (left <= TimeSpan.Zero)
                {
                    throw new TaskNotStartedException(
                        taskId,
                        status,
                        "Task " + taskId.ToString(CultureInfo.InvariantCulture) + " was still pausing after " + Seconds(options.PausingTimeout)
                        + " (OMS.0065, request id " + (alreadyStarted.RequestId ?? "-") + "); start it again once it has stopped.",
                        alreadyStarted);
                }

                waited = sawPausing = true;
                await Task.Delay(left < options.PollInterval ? left : options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
                status = await ReadStatusAsync(projectId, taskId, cancellationToken).ConfigureAwait(false);
            }

            if (status == MigrationTaskStatus.Executing || status == MigrationTaskStatus.Retrying || status == MigrationTaskStatus.Waiting)
            {
                return new StartOutcome(taskId, StartOutcomeKind.AlreadyRunning, alreadyStarted.RequestId) { Status = status, WaitedForPause = waited, ErrorCode = alreadyStarted.ErrorCode };
            }

            if (status == MigrationTaskStatus.Succeeded)
            {
                return new StartOutcome(taskId, StartOutcomeKind.AlreadySucceeded, alreadyStarted.RequestId) { Status = status, WaitedForPause = waited, ErrorCode = alreadyStarted.ErrorCode };
            }

            if (status == MigrationTaskStatus.Stopped && clock.GetElapsedTime(startedAt) < options.PausingTimeout)
            {
                // It has stopped: send the start again, at once when it was just seen pausing, else after a poll interval
                // (OMS still answering OMS.0065 for a stopped task must not make this a tight loop).
                waited = true;
                if (!sawPausing)
                {
                    await Task.Delay(options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            throw new TaskNotStartedException(
                taskId,
                status,
                "Task " + taskId.ToString(CultureInfo.InvariantCulture) + " was answered \"already started\" (OMS.0065, request id "
                + (alreadyStarted.RequestId ?? "-") + ") but is " + (status is { } s ? "in status " + s.ToString() : "in an unknown state")
                + ", not running.",
                alreadyStarted);
        }
    }

    private async Task<MigrationTaskStatus?> ReadStatusAsync(string projectId, long taskId, CancellationToken cancellationToken)
        => (await ShowTaskAsync(projectId, taskId, cancellationToken).ConfigureAwait(false)).Status;

    private static string Seconds(TimeSpan duration)
        => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Stops (pauses) a task in <see cref="ProjectId"/>; OMS.0066 ("not migrating") counts as success when the task is
    /// in fact stopped or pausing.
    /// </summary>
    /// <remarks>
    /// OMS answers OMS.0066 for every task that is not migrating, including finished, failed and waiting ones. So on
    /// OMS.0066 the task is read back (ShowTask): only <see cref="MigrationTaskStatus.Stopped"/> and
    /// <see cref="MigrationTaskStatus.Pausing"/> give <see cref="StopOutcomeKind.AlreadyStopped"/>; otherwise (or when the
    /// read fails) the original OMS.0066 error is rethrown.
    /// </remarks>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="ErrorResponseException">An OMS error, including OMS.0066 for a task that is not stopped.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<StopOutcome> EnsureStoppedAsync(long taskId, CancellationToken cancellationToken = default)
    {
        string projectId = RequireProjectId();
        try
        {
            await StopTaskAsync(projectId, taskId, cancellationToken).ConfigureAwait(false);
            return new StopOutcome(taskId, StopOutcomeKind.Stopped);
        }
        catch (ErrorResponseException e) when (string.Equals(e.ErrorCode, OmsErrorCodes.Oms0066, StringComparison.Ordinal))
        {
            MigrationTaskStatus? status;
            try
            {
                status = (await ShowTaskAsync(projectId, taskId, cancellationToken).ConfigureAwait(false)).Status;
            }
            catch (Exception readFailure) when (readFailure is not OperationCanceledException)
            {
                status = null;
            }

            if (status == MigrationTaskStatus.Stopped || status == MigrationTaskStatus.Pausing)
            {
                return new StopOutcome(taskId, StopOutcomeKind.AlreadyStopped, e.RequestId);
            }

            throw;
        }
    }
}

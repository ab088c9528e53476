using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>What <see cref="OmsClient.EnsureStartedAsync"/> observed.</summary>
public enum StartOutcomeKind
{
    /// <summary>OMS accepted the start request.</summary>
    Started,

    /// <summary>OMS answered OMS.0065 ("already started"): the task is already running, for example because an earlier
    /// attempt of the same (retried) request succeeded.</summary>
    AlreadyRunning,
}

/// <summary>The result of <see cref="OmsClient.EnsureStartedAsync"/>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Kind">Started, or already running.</param>
/// <param name="RequestId">The request ID of the OMS.0065 answer when <paramref name="Kind"/> is <see cref="StartOutcomeKind.AlreadyRunning"/>.</param>
public sealed record StartOutcome(long TaskId, StartOutcomeKind Kind, string? RequestId = null)
{
    /// <summary>Whether the task was already running.</summary>
    public bool AlreadyRunning => Kind == StartOutcomeKind.AlreadyRunning;
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
/// These methods report that as success.
/// </remarks>
public partial class OmsClient
{
    /// <summary>
    /// Starts (resumes or restarts) a task in <see cref="ProjectId"/>; OMS.0065 ("already started") counts as success.
    /// </summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The request body (destination and source credentials, <c>migrate_failed_object</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><see cref="StartOutcomeKind.Started"/>, or <see cref="StartOutcomeKind.AlreadyRunning"/> for OMS.0065.</returns>
    /// <exception cref="ErrorResponseException">Any other OMS error, for example OMS.0070 (task finished) or OMS.1009 (no such task).</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<StartOutcome> EnsureStartedAsync(long taskId, StartTaskReq body, CancellationToken cancellationToken = default)
    {
        try
        {
            await StartTaskAsync(RequireProjectId(), taskId, body, cancellationToken).ConfigureAwait(false);
            return new StartOutcome(taskId, StartOutcomeKind.Started);
        }
        catch (ErrorResponseException e) when (string.Equals(e.ErrorCode, OmsErrorCodes.Oms0065, StringComparison.Ordinal))
        {
            return new StartOutcome(taskId, StartOutcomeKind.AlreadyRunning, e.RequestId);
        }
    }

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

using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>The result of <see cref="OmsClient.EnsureSyncTaskStartedAsync"/>.</summary>
/// <param name="SyncTaskId">The sync task.</param>
/// <param name="Kind">Started, or already running.</param>
/// <param name="RequestId">The request ID of the refused start when <paramref name="Kind"/> is <see cref="StartOutcomeKind.AlreadyRunning"/>.</param>
/// <param name="ErrorCode">The OMS code of the refused start when the sync task was already synchronizing.</param>
public sealed record SyncTaskStartOutcome(string SyncTaskId, StartOutcomeKind Kind, string? RequestId = null, string? ErrorCode = null)
{
    /// <summary>Whether the sync task was already synchronizing.</summary>
    public bool AlreadyRunning => Kind == StartOutcomeKind.AlreadyRunning;
}

/// <summary>The result of <see cref="OmsClient.EnsureSyncTaskStoppedAsync"/>.</summary>
/// <param name="SyncTaskId">The sync task.</param>
/// <param name="Kind">Stopped, or already stopped.</param>
/// <param name="RequestId">The request ID of the refused stop when <paramref name="Kind"/> is <see cref="StopOutcomeKind.AlreadyStopped"/>.</param>
/// <param name="ErrorCode">The OMS code of the refused stop when the sync task was already stopped.</param>
public sealed record SyncTaskStopOutcome(string SyncTaskId, StopOutcomeKind Kind, string? RequestId = null, string? ErrorCode = null)
{
    /// <summary>Whether the sync task was already stopped.</summary>
    public bool AlreadyStopped => Kind == StopOutcomeKind.AlreadyStopped;
}

/// <summary>Hand-written additions: idempotent start and stop of sync tasks.</summary>
/// <remarks>
/// As for task groups, no source names the code OMS uses for "already synchronizing" or "already stopped": a refused
/// start or stop (a 400 other than OMS.0064 and OMS.1009) is followed by ShowSyncTask, and only the wanted status
/// counts as success. ShowSyncTask needs a <c>query_time</c>; the current time is sent.
/// </remarks>
public partial class OmsClient
{
    /// <summary>Starts a sync task in <see cref="ProjectId"/>; one that is already synchronizing counts as success.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="body">The source and destination credentials.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns><see cref="StartOutcomeKind.Started"/>, or <see cref="StartOutcomeKind.AlreadyRunning"/>.</returns>
    /// <exception cref="ErrorResponseException">An OMS error, including a refused start of a sync task that is not synchronizing.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<SyncTaskStartOutcome> EnsureSyncTaskStartedAsync(string syncTaskId, StartSyncTaskReq body, CancellationToken cancellationToken = default)
    {
        string projectId = RequireProjectId();
        try
        {
            await StartSyncTaskAsync(projectId, syncTaskId, body, cancellationToken).ConfigureAwait(false);
            return new SyncTaskStartOutcome(syncTaskId, StartOutcomeKind.Started);
        }
        catch (ErrorResponseException e) when (IsStateConflict(e))
        {
            if (await TryReadSyncStatusAsync(projectId, syncTaskId, cancellationToken).ConfigureAwait(false) == SyncTaskStatus.Synchronizing)
            {
                return new SyncTaskStartOutcome(syncTaskId, StartOutcomeKind.AlreadyRunning, e.RequestId, e.ErrorCode);
            }

            throw;
        }
    }

    /// <summary>Stops a sync task in <see cref="ProjectId"/>; one that is already stopped counts as success.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns><see cref="StopOutcomeKind.Stopped"/>, or <see cref="StopOutcomeKind.AlreadyStopped"/>.</returns>
    /// <exception cref="ErrorResponseException">An OMS error, including a refused stop of a sync task that is not stopped.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<SyncTaskStopOutcome> EnsureSyncTaskStoppedAsync(string syncTaskId, CancellationToken cancellationToken = default)
    {
        string projectId = RequireProjectId();
        try
        {
            await StopSyncTaskAsync(projectId, syncTaskId, cancellationToken).ConfigureAwait(false);
            return new SyncTaskStopOutcome(syncTaskId, StopOutcomeKind.Stopped);
        }
        catch (ErrorResponseException e) when (IsStateConflict(e))
        {
            if (await TryReadSyncStatusAsync(projectId, syncTaskId, cancellationToken).ConfigureAwait(false) == SyncTaskStatus.Stopped)
            {
                return new SyncTaskStopOutcome(syncTaskId, StopOutcomeKind.AlreadyStopped, e.RequestId, e.ErrorCode);
            }

            throw;
        }
    }

    private async Task<SyncTaskStatus?> TryReadSyncStatusAsync(string projectId, string syncTaskId, CancellationToken cancellationToken)
    {
        try
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return (await ShowSyncTaskAsync(projectId, syncTaskId, now, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (Exception readFailure) when (readFailure is not OperationCanceledException)
        {
            return null;
        }
    }
}

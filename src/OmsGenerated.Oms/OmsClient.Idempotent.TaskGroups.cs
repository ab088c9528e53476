using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>The result of <see cref="OmsClient.EnsureTaskGroupStartedAsync"/>.</summary>
/// <param name="GroupId">The task group.</param>
/// <param name="Kind">Started, or already running.</param>
/// <param name="RequestId">The request ID of the refused start when <paramref name="Kind"/> is <see cref="StartOutcomeKind.AlreadyRunning"/>.</param>
/// <param name="ErrorCode">The OMS code of the refused start when the group was already running.</param>
public sealed record TaskGroupStartOutcome(string GroupId, StartOutcomeKind Kind, string? RequestId = null, string? ErrorCode = null)
{
    /// <summary>Whether the group was already running (executing or monitoring).</summary>
    public bool AlreadyRunning => Kind == StartOutcomeKind.AlreadyRunning;
}

/// <summary>The result of <see cref="OmsClient.EnsureTaskGroupStoppedAsync"/>.</summary>
/// <param name="GroupId">The task group.</param>
/// <param name="Kind">Stopped, or already stopped.</param>
/// <param name="RequestId">The request ID of the refused stop when <paramref name="Kind"/> is <see cref="StopOutcomeKind.AlreadyStopped"/>.</param>
/// <param name="ErrorCode">The OMS code of the refused stop when the group was already stopped.</param>
public sealed record TaskGroupStopOutcome(string GroupId, StopOutcomeKind Kind, string? RequestId = null, string? ErrorCode = null)
{
    /// <summary>Whether the group was already paused or pausing.</summary>
    public bool AlreadyStopped => Kind == StopOutcomeKind.AlreadyStopped;
}

/// <summary>Hand-written additions: idempotent start and stop of task groups.</summary>
/// <remarks>
/// The official sources name no error code for "group already running" or "group already paused", so these methods
/// do not guess one: when OMS refuses the start or stop with a 400 (other than OMS.0064, invalid parameters, and
/// OMS.1009, no such group), the group is read back (ShowTaskGroup), and only the state that was wanted counts as
/// success. Anything else rethrows the original error.
/// </remarks>
public partial class OmsClient
{
    /// <summary>Resumes a task group in <see cref="ProjectId"/>; a group that is already executing or monitoring counts as success.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="body">The credentials OMS needs to resume the group's tasks.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns><see cref="StartOutcomeKind.Started"/>, or <see cref="StartOutcomeKind.AlreadyRunning"/>.</returns>
    /// <exception cref="ErrorResponseException">An OMS error, including a refused start of a group that is not running.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<TaskGroupStartOutcome> EnsureTaskGroupStartedAsync(string groupId, StartTaskGroupReq body, CancellationToken cancellationToken = default)
    {
        string projectId = RequireProjectId();
        try
        {
            await StartTaskGroupAsync(projectId, groupId, body, cancellationToken).ConfigureAwait(false);
            return new TaskGroupStartOutcome(groupId, StartOutcomeKind.Started);
        }
        catch (ErrorResponseException e) when (IsStateConflict(e))
        {
            TaskGroupStatus? status = await TryReadGroupStatusAsync(projectId, groupId, cancellationToken).ConfigureAwait(false);
            if (status == TaskGroupStatus.Executing || status == TaskGroupStatus.Monitoring)
            {
                return new TaskGroupStartOutcome(groupId, StartOutcomeKind.AlreadyRunning, e.RequestId, e.ErrorCode);
            }

            throw;
        }
    }

    /// <summary>Pauses a task group in <see cref="ProjectId"/>; a group that is already paused or pausing counts as success.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns><see cref="StopOutcomeKind.Stopped"/>, or <see cref="StopOutcomeKind.AlreadyStopped"/>.</returns>
    /// <exception cref="ErrorResponseException">An OMS error, including a refused stop of a group that is not paused.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<TaskGroupStopOutcome> EnsureTaskGroupStoppedAsync(string groupId, CancellationToken cancellationToken = default)
    {
        string projectId = RequireProjectId();
        try
        {
            await StopTaskGroupAsync(projectId, groupId, cancellationToken).ConfigureAwait(false);
            return new TaskGroupStopOutcome(groupId, StopOutcomeKind.Stopped);
        }
        catch (ErrorResponseException e) when (IsStateConflict(e))
        {
            TaskGroupStatus? status = await TryReadGroupStatusAsync(projectId, groupId, cancellationToken).ConfigureAwait(false);
            if (status == TaskGroupStatus.Paused || status == TaskGroupStatus.Pausing)
            {
                return new TaskGroupStopOutcome(groupId, StopOutcomeKind.AlreadyStopped, e.RequestId, e.ErrorCode);
            }

            throw;
        }
    }

    /// <summary>A 400 that may mean "not in a state that allows this": not a parameter error and not "no such resource".</summary>
    private static bool IsStateConflict(ErrorResponseException e)
        => e.StatusCode == 400
            && !string.Equals(e.ErrorCode, OmsErrorCodes.Oms0064, StringComparison.Ordinal)
            && !string.Equals(e.ErrorCode, OmsErrorCodes.Oms1009, StringComparison.Ordinal);

    private async Task<TaskGroupStatus?> TryReadGroupStatusAsync(string projectId, string groupId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ShowTaskGroupAsync(projectId, groupId, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (Exception readFailure) when (readFailure is not OperationCanceledException)
        {
            return null;
        }
    }
}

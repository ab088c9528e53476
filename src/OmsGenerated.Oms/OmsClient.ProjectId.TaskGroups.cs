using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Overloads of the task-group operations (and the task bandwidth and batch operations) that use <see cref="ProjectId"/>.</summary>
public partial class OmsClient
{
    /// <summary>Lists the task groups of <see cref="ProjectId"/>, one page at a time.</summary>
    /// <param name="limit">Number of groups per page (1-100, OMS's default 10).</param>
    /// <param name="offset">Index of the first group to return (default 0).</param>
    /// <param name="status">Only groups in this status; without it, groups in every status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of groups and the total number of matching groups.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ListTaskGroupResponse> ListTaskGroupAsync(
        int? limit = null, int? offset = null, TaskGroupStatus? status = null, CancellationToken cancellationToken = default)
        => await ListTaskGroupAsync(RequireProjectId(), limit, offset, status, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a task group in <see cref="ProjectId"/>; OMS creates its tasks. Never retried (see <see cref="OmsRetryOptions"/>).</summary>
    /// <param name="body">The request body; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new group's ID.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<CreateTaskGroupResponse> CreateTaskGroupAsync(CreateTaskGroupReq body, CancellationToken cancellationToken = default)
        => await CreateTaskGroupAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns the details and counters of one task group in <see cref="ProjectId"/>.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<TaskGroupResp> ShowTaskGroupAsync(string groupId, CancellationToken cancellationToken = default)
        => await ShowTaskGroupAsync(RequireProjectId(), groupId, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a task group in <see cref="ProjectId"/> (not while it is creating, monitoring or pausing).</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task DeleteTaskGroupAsync(string groupId, CancellationToken cancellationToken = default)
        => await DeleteTaskGroupAsync(RequireProjectId(), groupId, cancellationToken).ConfigureAwait(false);

    /// <summary>Pauses a creating or monitoring task group in <see cref="ProjectId"/>.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StopTaskGroupAsync(string groupId, CancellationToken cancellationToken = default)
        => await StopTaskGroupAsync(RequireProjectId(), groupId, cancellationToken).ConfigureAwait(false);

    /// <summary>Resumes a paused task group in <see cref="ProjectId"/>.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="body">The credentials; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StartTaskGroupAsync(string groupId, StartTaskGroupReq body, CancellationToken cancellationToken = default)
        => await StartTaskGroupAsync(RequireProjectId(), groupId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Restarts a failed task group in <see cref="ProjectId"/>.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="body">The credentials and <c>migrate_failed_object</c>; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task RetryTaskGroupAsync(string groupId, RetryTaskGroupReq body, CancellationToken cancellationToken = default)
        => await RetryTaskGroupAsync(RequireProjectId(), groupId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces the traffic limits of a task group in <see cref="ProjectId"/>.</summary>
    /// <param name="groupId">Task group ID.</param>
    /// <param name="body">The new bandwidth policy.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task UpdateTaskGroupAsync(string groupId, UpdateBandwidthPolicyReq body, CancellationToken cancellationToken = default)
        => await UpdateTaskGroupAsync(RequireProjectId(), groupId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Replaces the traffic limits of an unfinished task in <see cref="ProjectId"/>.</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The new bandwidth policy.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task UpdateBandwidthPolicyAsync(long taskId, UpdateBandwidthPolicyReq body, CancellationToken cancellationToken = default)
        => await UpdateBandwidthPolicyAsync(RequireProjectId(), taskId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Updates the traffic limits (and priority) of a group's tasks or of listed tasks in <see cref="ProjectId"/>.</summary>
    /// <param name="body">Exactly one of <c>group_id</c> and <c>ids</c>, and the new bandwidth policy.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task BatchUpdateTasksAsync(BatchUpdateTasksReq body, CancellationToken cancellationToken = default)
        => await BatchUpdateTasksAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);
}

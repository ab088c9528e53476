using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Hand-written additions to the generated client: a default project ID and overloads that use it.</summary>
/// <remarks>
/// Every operation has an overload without <c>projectId</c> that sends <see cref="ProjectId"/>; the generated overloads
/// with an explicit <c>projectId</c> stay available for clients that work across projects.
/// </remarks>
public partial class OmsClient
{
    /// <summary>
    /// The project ID the overloads without a <c>projectId</c> parameter use. Set by <see cref="OmsClientFactory"/> and
    /// <c>AddOmsClient</c> from <see cref="OmsClientOptions.ResolveProjectId"/>.
    /// </summary>
    public string? ProjectId { get; init; }

    /// <summary>Lists the migration tasks of <see cref="ProjectId"/>, one page at a time.</summary>
    /// <remarks>
    /// The parameters are those of the generated overload in a different order: <paramref name="groupId"/>, a string
    /// like the project ID, comes last so that a call with a project ID as its first argument always means the
    /// generated overload. Name the arguments: <c>ListTasksAsync(limit: 100, status: MigrationTaskStatus.Failed)</c>.
    /// </remarks>
    /// <param name="limit">Number of tasks per page (1-100, OMS's default 10).</param>
    /// <param name="offset">Index of the first task to return (0-10000, default 0).</param>
    /// <param name="status">Only tasks in this status; without it, tasks in every status.</param>
    /// <param name="taskName">Fuzzy match on the task name (at most 255 characters).</param>
    /// <param name="groupId">Only tasks of this task group.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of tasks and the total number of matching tasks.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ListTasksResponse> ListTasksAsync(
        int? limit = null,
        int? offset = null,
        MigrationTaskStatus? status = null,
        string? taskName = null,
        string? groupId = null,
        CancellationToken cancellationToken = default)
    {
        return await ListTasksAsync(RequireProjectId(), groupId, limit, offset, status, taskName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a migration task in <see cref="ProjectId"/>. The task starts automatically. Never retried (see <see cref="OmsRetryOptions"/>).</summary>
    /// <param name="body">The request body; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new task's ID and name.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<CreateTaskResponse> CreateTaskAsync(CreateTaskReq body, CancellationToken cancellationToken = default)
    {
        return await CreateTaskAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the details and progress of one migration task in <see cref="ProjectId"/>.</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<TaskResp> ShowTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        return await ShowTaskAsync(RequireProjectId(), taskId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a migration task in <see cref="ProjectId"/> (a migrating task must be stopped first).</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task DeleteTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await DeleteTaskAsync(RequireProjectId(), taskId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts (resumes or restarts) a paused or failed migration task in <see cref="ProjectId"/>.</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The request body; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StartTaskAsync(long taskId, StartTaskReq body, CancellationToken cancellationToken = default)
    {
        await StartTaskAsync(RequireProjectId(), taskId, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops (pauses) a migrating task in <see cref="ProjectId"/>.</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StopTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await StopTaskAsync(RequireProjectId(), taskId, cancellationToken).ConfigureAwait(false);
    }

    private string RequireProjectId()
    {
        if (string.IsNullOrWhiteSpace(ProjectId))
        {
            throw new InvalidOperationException(
                "OmsClient.ProjectId is not set: configure OmsClientOptions.ProjectId (or HUAWEICLOUD_SDK_PROJECT_ID, or a project ID in the credentials), or pass the project ID explicitly.");
        }

        return ProjectId;
    }
}

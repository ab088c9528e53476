using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Overloads of the sync-task operations that use <see cref="ProjectId"/>.</summary>
public partial class OmsClient
{
    /// <summary>Lists the sync tasks of <see cref="ProjectId"/>, one page at a time.</summary>
    /// <param name="limit">Number of sync tasks per page (1-100, OMS's default 10).</param>
    /// <param name="offset">Index of the first sync task to return (default 0).</param>
    /// <param name="status">Only sync tasks in this status; without it, every status.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One page of sync tasks and the total number of matching sync tasks.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ListSyncTasksResponse> ListSyncTasksAsync(
        int? limit = null, int? offset = null, SyncTaskStatus? status = null, CancellationToken cancellationToken = default)
        => await ListSyncTasksAsync(RequireProjectId(), limit, offset, status, cancellationToken).ConfigureAwait(false);

    /// <summary>Creates a sync task in <see cref="ProjectId"/>; it starts synchronizing. Never retried (see <see cref="OmsRetryOptions"/>).</summary>
    /// <param name="body">The request body; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new sync task's ID.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<CreateSyncTaskResponse> CreateSyncTaskAsync(CreateSyncTaskReq body, CancellationToken cancellationToken = default)
        => await CreateSyncTaskAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns one sync task of <see cref="ProjectId"/> with the statistics of the month of <paramref name="queryTime"/>.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="queryTime">A time as Unix milliseconds; the month it falls in selects the statistics.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ShowSyncTaskResponse> ShowSyncTaskAsync(string syncTaskId, long queryTime, CancellationToken cancellationToken = default)
        => await ShowSyncTaskAsync(RequireProjectId(), syncTaskId, queryTime, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a stopped sync task in <see cref="ProjectId"/>.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task DeleteSyncTaskAsync(string syncTaskId, CancellationToken cancellationToken = default)
        => await DeleteSyncTaskAsync(RequireProjectId(), syncTaskId, cancellationToken).ConfigureAwait(false);

    /// <summary>Starts a stopped sync task in <see cref="ProjectId"/>.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="body">The source and destination credentials; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StartSyncTaskAsync(string syncTaskId, StartSyncTaskReq body, CancellationToken cancellationToken = default)
        => await StartSyncTaskAsync(RequireProjectId(), syncTaskId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Stops a synchronizing sync task in <see cref="ProjectId"/>.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StopSyncTaskAsync(string syncTaskId, CancellationToken cancellationToken = default)
        => await StopSyncTaskAsync(RequireProjectId(), syncTaskId, cancellationToken).ConfigureAwait(false);

    /// <summary>Pushes up to 10 object keys for a sync task of <see cref="ProjectId"/> to copy.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="body">The URL-encoded object keys.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task CreateSyncEventsAsync(string syncTaskId, SyncObjectReq body, CancellationToken cancellationToken = default)
        => await CreateSyncEventsAsync(RequireProjectId(), syncTaskId, body, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns statistics series of a sync task of <see cref="ProjectId"/>.</summary>
    /// <param name="syncTaskId">Sync task ID.</param>
    /// <param name="dataType">Comma-separated series: REQUEST, SUCCESS, FAILURE, SKIP, SIZE.</param>
    /// <param name="startTime">Start of the period.</param>
    /// <param name="endTime">End of the period.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ListSyncTaskStatisticResponse> ListSyncTaskStatisticAsync(
        string syncTaskId, string dataType, string startTime, string endTime, CancellationToken cancellationToken = default)
        => await ListSyncTaskStatisticAsync(RequireProjectId(), syncTaskId, dataType, startTime, endTime, cancellationToken).ConfigureAwait(false);
}

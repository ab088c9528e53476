using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Hand-written additions: every page of the list operations as one <see cref="IAsyncEnumerable{T}"/>.</summary>
/// <remarks>
/// Pages are requested one at a time, as the caller enumerates, with <c>limit</c> = the page size and <c>offset</c>
/// advancing by the items received. Enumeration ends at a short or empty page, or when <c>offset</c> reaches the
/// <c>count</c> OMS reported. Items can move between pages while OMS is being read (a task changes status, a new one
/// arrives first); an item already yielded is never yielded again. OMS accepts offsets up to 10000, so at most the
/// items up to offset 10000 plus one page are returned.
/// </remarks>
public partial class OmsClient
{
    /// <summary>OMS's largest page (the <c>limit</c> maximum).</summary>
    public const int MaxPageSize = 100;

    /// <summary>OMS's largest <c>offset</c>.</summary>
    public const int MaxListOffset = 10000;

    /// <summary>Every matching migration task of <see cref="ProjectId"/>, page by page.</summary>
    /// <param name="status">Only tasks in this status.</param>
    /// <param name="taskName">Fuzzy match on the task name.</param>
    /// <param name="groupId">Only tasks of this task group.</param>
    /// <param name="pageSize">Tasks per request, 1-100.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not 1-100.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public IAsyncEnumerable<TaskResp> ListAllTasksAsync(
        MigrationTaskStatus? status = null,
        string? taskName = null,
        string? groupId = null,
        int pageSize = MaxPageSize,
        CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        string projectId = RequireProjectId();
        return PagesAsync(
            async (offset, ct) =>
            {
                ListTasksResponse page = await ListTasksAsync(projectId, groupId, pageSize, offset, status, taskName, ct).ConfigureAwait(false);
                return (page.Tasks, page.Count);
            },
            static task => task.Id?.ToString(CultureInfo.InvariantCulture),
            pageSize,
            cancellationToken);
    }

    /// <summary>Every matching task group of <see cref="ProjectId"/>, page by page.</summary>
    /// <param name="status">Only groups in this status.</param>
    /// <param name="pageSize">Groups per request, 1-100.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not 1-100.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public IAsyncEnumerable<TaskGroupResp> ListAllTaskGroupsAsync(
        TaskGroupStatus? status = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        string projectId = RequireProjectId();
        return PagesAsync(
            async (offset, ct) =>
            {
                ListTaskGroupResponse page = await ListTaskGroupAsync(projectId, pageSize, offset, status, ct).ConfigureAwait(false);
                return (page.Taskgroups, page.Count);
            },
            static group => group.GroupId,
            pageSize,
            cancellationToken);
    }

    /// <summary>Every matching sync task of <see cref="ProjectId"/>, page by page.</summary>
    /// <param name="status">Only sync tasks in this status.</param>
    /// <param name="pageSize">Sync tasks per request, 1-100.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not 1-100.</exception>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public IAsyncEnumerable<SyncTaskInfo> ListAllSyncTasksAsync(
        SyncTaskStatus? status = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        string projectId = RequireProjectId();
        return PagesAsync(
            async (offset, ct) =>
            {
                ListSyncTasksResponse page = await ListSyncTasksAsync(projectId, pageSize, offset, status, ct).ConfigureAwait(false);
                return (page.Tasks, page.Count);
            },
            static task => task.SyncTaskId,
            pageSize,
            cancellationToken);
    }

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be between 1 and 100.");
        }
    }

    private static async IAsyncEnumerable<T> PagesAsync<T>(
        Func<int, CancellationToken, Task<(List<T>? Items, long? Count)>> fetchPage,
        Func<T, string?> identity,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int offset = 0;
        while (true)
        {
            (List<T>? items, long? count) = await fetchPage(offset, cancellationToken).ConfigureAwait(false);
            int received = items?.Count ?? 0;
            if (items is not null)
            {
                foreach (T item in items)
                {
                    if (identity(item) is not { } id || seen.Add(id))
                    {
                        yield return item;
                    }
                }
            }

            offset += received;
            if (received < pageSize || (count is { } total && offset >= total) || offset > MaxListOffset)
            {
                yield break;
            }
        }
    }
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Cli.Configuration;
using OmsGenerated.Oms;

namespace OmsGenerated.Cli.Commands;

/// <summary>Listing helpers shared by <c>tasks list</c> and the batch start.</summary>
internal static class TaskQueries
{
    /// <summary>OMS's largest page.</summary>
    public const int PageSize = 100;

    /// <summary>OMS's largest offset.</summary>
    private const int MaxOffset = 10000;

    /// <summary>Every matching task, page by page; the count is OMS's total.</summary>
    public static async Task<(List<TaskResp> Tasks, long? Count)> ListAllAsync(
        OmsConnection connection, MigrationTaskStatus? status, string? name, CancellationToken cancellationToken)
    {
        var tasks = new List<TaskResp>();
        long? count = null;
        int offset = 0;
        var seen = new HashSet<long>();
        while (true)
        {
            ListTasksResponse page = await connection.Client.ListTasksAsync(
                connection.ProjectId, limit: PageSize, offset: offset, status: status, taskName: name, cancellationToken: cancellationToken).ConfigureAwait(false);
            count = page.Count ?? count;
            List<TaskResp> items = page.Tasks ?? new List<TaskResp>();
            foreach (TaskResp task in items)
            {
                // Tasks can move between pages while we read; never list one twice.
                if (task.Id is not { } id || seen.Add(id))
                {
                    tasks.Add(task);
                }
            }

            offset += items.Count;
            if (items.Count < PageSize || (count is { } total && offset >= total) || offset > MaxOffset)
            {
                return (tasks, count);
            }
        }
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Hand-written additions to the generated client: a default project ID and overloads that use it.</summary>
public partial class OmsClient
{
    /// <summary>
    /// The project ID the overloads without a <c>projectId</c> parameter use. Set by <see cref="OmsClientFactory"/> and
    /// <c>AddOmsClient</c> from <see cref="OmsClientOptions.ResolveProjectId"/>.
    /// </summary>
    public string? ProjectId { get; init; }

    /// <summary>Starts (resumes or restarts) a paused or failed migration task in <see cref="ProjectId"/>.</summary>
    /// <param name="taskId">Migration task ID.</param>
    /// <param name="body">The request body; validated before anything is sent.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task StartTaskAsync(long taskId, StartTaskReq body, CancellationToken cancellationToken = default)
    {
        await StartTaskAsync(RequireProjectId(), taskId, body, cancellationToken).ConfigureAwait(false);
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

using System;

namespace OmsGenerated.Oms;

/// <summary>
/// <see cref="OmsClient.EnsureStartedAsync(long, StartTaskReq, System.Threading.CancellationToken)"/> was answered
/// "already started" (OMS.0065) but the task is not running: it was still pausing when the wait ran out, or it is in a
/// state a start does not lead to. The <see cref="Exception.InnerException"/> is the last OMS.0065 answer.
/// </summary>
public sealed class TaskNotStartedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="status">The status it was last read in.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="lastAnswer">The last OMS.0065 answer.</param>
    public TaskNotStartedException(long taskId, MigrationTaskStatus? status, string message, ErrorResponseException? lastAnswer)
        : base(message, lastAnswer)
    {
        TaskId = taskId;
        Status = status;
        RequestId = lastAnswer?.RequestId;
    }

    /// <summary>The task.</summary>
    public long TaskId { get; }

    /// <summary>The status it was last read in, when the read succeeded.</summary>
    public MigrationTaskStatus? Status { get; }

    /// <summary>The request ID of the last OMS.0065 answer.</summary>
    public string? RequestId { get; }
}

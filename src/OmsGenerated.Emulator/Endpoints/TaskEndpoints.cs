using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>The migration-task operations: <c>/v2/{project_id}/tasks</c>.</summary>
internal static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        RouteGroupBuilder tasks = project.MapGroup("/tasks");
        tasks.MapGet("", List).WithMetadata(new OmsOperation("ListTasks"));
        tasks.MapPost("", Create).WithMetadata(new OmsOperation("CreateTask"));
        tasks.MapGet("/{task_id}", Show).WithMetadata(new OmsOperation("ShowTask"));
        tasks.MapDelete("/{task_id}", Delete).WithMetadata(new OmsOperation("DeleteTask"));
        tasks.MapPost("/{task_id}/start", Start).WithMetadata(new OmsOperation("StartTask"));
        tasks.MapPost("/{task_id}/stop", Stop).WithMetadata(new OmsOperation("StopTask"));
        tasks.MapPut("/{task_id}/bandwidth-policy", UpdateBandwidthPolicy).WithMetadata(new OmsOperation("UpdateBandwidthPolicy"));
        tasks.MapPost("/batch-update", BatchUpdate).WithMetadata(new OmsOperation("BatchUpdateTasks"));
    }

    /// <summary>UpdateBandwidthPolicy: any task that has not succeeded gets the new traffic limits.</summary>
    private static EmulatorResponse UpdateBandwidthPolicy(string task_id, HttpContext context, TaskStore store)
    {
        if (!QueryParameters.TryTaskId(task_id, out long id))
        {
            return OmsErrors.InvalidParameter("task_id");
        }

        UpdateBandwidthPolicyReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref System.Text.Json.Utf8JsonReader reader) => UpdateBandwidthPolicyReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (BandwidthPolicies.Check(request.BandwidthPolicy) is { } invalid)
        {
            return invalid;
        }

        return store.Transact((state, _) =>
        {
            if (!state.Tasks.TryGetValue(id, out EmulatedTask? task))
            {
                return OmsErrors.TaskNotFound();
            }

            if (task.Status == 5)
            {
                return OmsErrors.Finished();
            }

            task.BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy);
            return EmulatorResponse.Empty();
        });
    }

    /// <summary>
    /// BatchUpdateTasks: the tasks of one group (group_id) or a list (ids), exactly one of the two. Every one must exist;
    /// all get the bandwidth policy, and task_priority, which only a waiting, paused or failed task may change. Nothing
    /// changes unless every task accepts the update.
    /// </summary>
    private static EmulatorResponse BatchUpdate(HttpContext context, TaskStore store)
    {
        BatchUpdateTasksReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref System.Text.Json.Utf8JsonReader reader) => BatchUpdateTasksReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        bool byGroup = request.GroupId is not null;
        bool byIds = request.Ids is { Count: > 0 };
        if (byGroup == byIds)
        {
            return OmsErrors.InvalidParameter(byGroup ? "ids" : "group_id");
        }

        if (BandwidthPolicies.Check(request.BandwidthPolicy) is { } invalid)
        {
            return invalid;
        }

        return store.Transact((state, _) =>
        {
            List<EmulatedTask> tasks;
            if (byGroup)
            {
                if (!state.Groups.TryGetValue(request.GroupId!, out EmulatedTaskGroup? group))
                {
                    return OmsErrors.TaskNotFound();
                }

                tasks = [.. group.TaskIds.Where(state.Tasks.ContainsKey).Select(taskId => state.Tasks[taskId])];
            }
            else
            {
                tasks = [];
                foreach (long taskId in request.Ids!.Distinct())
                {
                    if (!state.Tasks.TryGetValue(taskId, out EmulatedTask? task))
                    {
                        return OmsErrors.TaskNotFound();
                    }

                    tasks.Add(task);
                }
            }

            if (request.TaskPriority is not null && tasks.Any(task => task.Status is not (1 or 3 or 4)))
            {
                return OmsErrors.InvalidParameter("task_priority");
            }

            foreach (EmulatedTask task in tasks)
            {
                task.BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy);
                if (request.TaskPriority is { } priority)
                {
                    task.TaskPriority = priority;
                }
            }

            return EmulatorResponse.Empty();
        });
    }

    private static EmulatorResponse List(HttpContext context, TaskStore store)
    {
        IQueryCollection query = context.Request.Query;
        if (QueryParameters.TryPage(query, out int limit, out int offset) is { } invalidPage)
        {
            return invalidPage;
        }

        if (QueryParameters.TryStatus(query, 1, 7, out int? status) is { } invalidStatus)
        {
            return invalidStatus;
        }

        string? taskName = QueryParameters.Single(query, "task_name");
        if (taskName is { Length: > 255 })
        {
            return OmsErrors.InvalidParameter("task_name");
        }

        string? groupId = QueryParameters.Single(query, "group_id");
        if (groupId is { Length: < 1 or > 100 })
        {
            return OmsErrors.InvalidParameter("group_id");
        }

        (List<TaskResp> page, long count) = store.List(limit, offset, status, taskName, groupId);
        return EmulatorResponse.Json(200, TaskJson.List(page, count));
    }

    private static EmulatorResponse Create(HttpContext context, TaskStore store)
    {
        CreateTaskReq? request = RequestBodies.ReadCreateTask(EmulatorExchange.Of(context).Body, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        EmulatedTask task = store.Add(id => CreatedTasks.Describe(id, request));
        return EmulatorResponse.Json(200, ModelJson.Write(new CreateTaskResponse { Id = task.Id, TaskName = task.Name }, static (model, writer) => model.WriteJson(writer)));
    }

    private static EmulatorResponse Show(string task_id, TaskStore store)
    {
        if (!QueryParameters.TryTaskId(task_id, out long id))
        {
            return OmsErrors.InvalidParameter("task_id");
        }

        return store.Show(id) is { } task ? EmulatorResponse.Json(200, TaskJson.Task(task)) : OmsErrors.TaskNotFound();
    }

    private static EmulatorResponse Delete(string task_id, TaskStore store)
        => QueryParameters.TryTaskId(task_id, out long id) ? Answer(store.Delete(id)) : OmsErrors.InvalidParameter("task_id");

    private static EmulatorResponse Start(string task_id, HttpContext context, TaskStore store)
    {
        if (!QueryParameters.TryTaskId(task_id, out long id))
        {
            return OmsErrors.InvalidParameter("task_id");
        }

        StartTaskReq? request = RequestBodies.ReadStartTask(EmulatorExchange.Of(context).Body, out EmulatorResponse? error);
        return request is null ? error! : Answer(store.Start(id, request.MigrateFailedObject == true));
    }

    private static EmulatorResponse Stop(string task_id, TaskStore store)
        => QueryParameters.TryTaskId(task_id, out long id) ? Answer(store.Stop(id)) : OmsErrors.InvalidParameter("task_id");

    /// <summary>The OMS answer to the outcome of a state-changing task operation.</summary>
    public static EmulatorResponse Answer(TaskOperationResult result) => result switch
    {
        TaskOperationResult.Ok => EmulatorResponse.Empty(),
        TaskOperationResult.NotFound => OmsErrors.TaskNotFound(),
        TaskOperationResult.AlreadyStarted => OmsErrors.AlreadyStarted(),
        TaskOperationResult.StillPausing => OmsErrors.StillPausing(),
        TaskOperationResult.Finished => OmsErrors.Finished(),
        TaskOperationResult.NotMigrating => OmsErrors.NotMigrating(),
        TaskOperationResult.Migrating => OmsErrors.CannotDeleteMigrating(),
        _ => throw new System.ArgumentOutOfRangeException(nameof(result), result, null),
    };
}

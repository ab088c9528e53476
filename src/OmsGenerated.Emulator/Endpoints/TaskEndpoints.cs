using System.Collections.Generic;
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
    }

    private static EmulatorResponse List(HttpContext context, TaskStore store)
    {
        IQueryCollection query = context.Request.Query;
        if (QueryParameters.TryPage(query, out int limit, out int offset) is { } invalidPage)
        {
            return invalidPage;
        }

        int? status = null;
        if (query.ContainsKey("status"))
        {
            if (!QueryParameters.TryInt(query, "status", 1, 7, 0, out int value))
            {
                return OmsErrors.InvalidParameter("status");
            }

            status = value;
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

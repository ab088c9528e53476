using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OmsGenerated.Emulator.State;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// A task group and its state machine (status codes of §1.6): created in 1 (creating, its tasks are made at once and
/// wait), 2 (monitoring) after <see cref="CreatingSeconds"/> simulated seconds, then 6 (completed) when every task has
/// succeeded or 5 (migration failed) when every task has finished and one failed. Stop (from 1 or 2) makes it 7
/// (pausing) and 3 (paused) once no task still runs; start (from 3) and retry (from 5) make it 2 again.
/// Its status follows its tasks, so it is advanced after them.
/// </summary>
internal sealed class EmulatedTaskGroup
{
    /// <summary>Simulated seconds a group spends creating its tasks.</summary>
    public const double CreatingSeconds = 10;

    /// <summary>A new group: creating (1) with its tasks, or task creation failed (4) when it has none to make.</summary>
    public EmulatedTaskGroup(string id, TaskGroupResp description, List<long> taskIds, DateTimeOffset now, double speedFactor)
    {
        Id = id;
        Description = description;
        TaskIds = taskIds;
        Status = taskIds.Count == 0 ? 4 : 1;
        CreatedAtMs = now.ToUnixTimeMilliseconds();
        TransitionAtMs = (now + TimeSpan.FromSeconds(CreatingSeconds / speedFactor)).ToUnixTimeMilliseconds();
    }

    private EmulatedTaskGroup(string id, TaskGroupResp description, List<long> taskIds, int status, long createdAtMs, long transitionAtMs)
    {
        Id = id;
        Description = description;
        TaskIds = taskIds;
        Status = status;
        CreatedAtMs = createdAtMs;
        TransitionAtMs = transitionAtMs;
    }

    public string Id { get; }

    /// <summary>What the group was created with (no credentials); counters and status are filled in when shown.</summary>
    public TaskGroupResp Description { get; }

    public List<long> TaskIds { get; }

    /// <summary>Task group status code, 0-9.</summary>
    public int Status { get; private set; }

    public long CreatedAtMs { get; }

    /// <summary>When a creating group starts monitoring (Unix ms).</summary>
    public long TransitionAtMs { get; private set; }

    /// <summary>Moves the group on, from the state of its (already advanced) tasks.</summary>
    public void Advance(DateTimeOffset now, EmulatorState state)
    {
        if (Status == 1 && now.ToUnixTimeMilliseconds() >= TransitionAtMs)
        {
            Status = 2;
        }

        List<EmulatedTask> tasks = Tasks(state);
        if (Status == 2 && tasks.All(task => task.Status is 4 or 5))
        {
            Status = tasks.Any(task => task.Status == 4) ? 5 : 6;
        }
        else if (Status == 7 && tasks.All(task => task.Status is 3 or 4 or 5))
        {
            Status = 3;
        }
    }

    /// <summary>StopTaskGroup: only a creating or monitoring group; its waiting and migrating tasks are paused.</summary>
    public bool Stop(DateTimeOffset now, EmulatorState state)
    {
        if (Status is not (1 or 2))
        {
            return false;
        }

        foreach (EmulatedTask task in Tasks(state))
        {
            task.PauseForGroup(now);
        }

        Status = 7;
        Advance(now, state);
        return true;
    }

    /// <summary>StartTaskGroup: only a paused group; its paused tasks resume.</summary>
    public bool Start(DateTimeOffset now, EmulatorState state)
    {
        if (Status != 3)
        {
            return false;
        }

        foreach (EmulatedTask task in Tasks(state).Where(task => task.Status == 3))
        {
            task.Start(migrateFailedObjects: false, now);
        }

        Status = 2;
        return true;
    }

    /// <summary>RetryTaskGroup: only a group whose migration failed; its failed tasks run again (only their failed objects when asked).</summary>
    public bool Retry(bool migrateFailedObjects, DateTimeOffset now, EmulatorState state)
    {
        if (Status != 5)
        {
            return false;
        }

        foreach (EmulatedTask task in Tasks(state).Where(task => task.Status == 4))
        {
            task.Start(migrateFailedObjects, now);
        }

        Status = 2;
        return true;
    }

    /// <summary>Whether DeleteTaskGroup must refuse the group (creating, monitoring or pausing).</summary>
    public bool IsBusy => Status is 1 or 2 or 7;

    /// <summary>The group as ShowTaskGroup and ListTaskGroup report it (advance it first).</summary>
    public TaskGroupResp ToResponse(EmulatorState state)
    {
        List<EmulatedTask> tasks = Tasks(state);
        TaskGroupResp response = Copy(Description);
        response.GroupId = Id;
        response.Status = Status;
        response.StartTime = CreatedAtMs;
        response.TotalTaskNum = TaskIds.Count;
        response.CreateTaskNum = tasks.Count;
        response.CompleteTaskNum = tasks.Count(task => task.Status == 5);
        response.FailedTaskNum = tasks.Count(task => task.Status == 4);
        response.PausedTaskNum = tasks.Count(task => task.Status == 3);
        response.ExecutingTaskNum = tasks.Count(task => task.Status is 2 or 6 or 7);
        response.WaitingTaskNum = tasks.Count(task => task.Status == 1);
        response.TotalNum = tasks.Sum(task => task.TotalNum);
        response.CreateCompleteNum = response.TotalNum;
        response.SuccessNum = tasks.Sum(task => task.SuccessfulNum);
        response.FailNum = tasks.Sum(task => task.FailedNum);
        response.SkipNum = 0;
        response.TotalSize = tasks.Sum(task => task.TotalSize);
        response.CreateCompleteSize = response.TotalSize;
        response.CompleteSize = tasks.Sum(task => task.CompleteSize);
        List<TaskResp> reports = tasks.Select(task => task.ToResponse()).ToList();
        response.MigrateSpeed = reports.Sum(task => task.MigrateSpeed ?? 0);
        response.TotalTime = reports.Count == 0 ? 0 : reports.Max(task => task.TotalTime ?? 0);
        response.ErrorReason = Status switch
        {
            5 => new ErrorReason { ErrorCode = EmulatedTask.FailureCode, ErrorMsg = "Some tasks of the group failed. Retry the group." },
            4 => Description.ErrorReason,
            _ => null,
        };
        return response;
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteNumber("status", Status);
        writer.WriteNumber("created_at", CreatedAtMs);
        writer.WriteNumber("transition_at", TransitionAtMs);
        writer.WriteStartArray("task_ids");
        foreach (long id in TaskIds)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("description");
        Description.WriteJson(writer);
        writer.WriteEndObject();
    }

    public static EmulatedTaskGroup ReadState(JsonElement state)
    {
        TaskGroupResp description = ModelJson.Read(state.GetProperty("description"), static (ref Utf8JsonReader reader) => TaskGroupResp.ReadJson(ref reader));
        return new EmulatedTaskGroup(
            state.GetProperty("id").GetString() ?? string.Empty,
            description,
            state.GetProperty("task_ids").EnumerateArray().Select(id => id.GetInt64()).ToList(),
            state.GetProperty("status").GetInt32(),
            state.GetProperty("created_at").GetInt64(),
            state.GetProperty("transition_at").GetInt64());
    }

    private List<EmulatedTask> Tasks(EmulatorState state)
        => TaskIds.Select(id => state.Tasks.TryGetValue(id, out EmulatedTask? task) ? task : null).OfType<EmulatedTask>().ToList();

    private static TaskGroupResp Copy(TaskGroupResp model)
    {
        byte[] json = ModelJson.Write(model, static (value, writer) => value.WriteJson(writer), 1024);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return TaskGroupResp.ReadJson(ref reader)!;
    }
}

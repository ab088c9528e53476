using System;
using System.Collections.Generic;
using System.Linq;
using OmsGenerated.Emulator.State;

namespace OmsGenerated.Emulator;

/// <summary>
/// The task operations on the emulator's state. Each runs in one state-store transaction and first advances the tasks
/// (and task groups) it touches to the current time.
/// </summary>
internal sealed class TaskStore
{
    private readonly IEmulatorStateStore _state;
    private readonly TimeProvider _timeProvider;
    private readonly double _speedFactor;

    public TaskStore(IEmulatorStateStore state, TimeProvider timeProvider, double speedFactor)
    {
        _state = state;
        _timeProvider = timeProvider;
        _speedFactor = speedFactor;
    }

    public TimeProvider TimeProvider => _timeProvider;

    public double SpeedFactor => _speedFactor;

    /// <summary>Runs <paramref name="action"/> in one transaction, after advancing every task and group to now.</summary>
    public T Transact<T>(Func<EmulatorState, DateTimeOffset, T> action)
        => _state.Transact(state =>
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            foreach (EmulatedTask task in state.Tasks.Values)
            {
                task.Advance(now);
            }

            foreach (EmulatedTaskGroup group in state.Groups.Values)
            {
                group.Advance(now, state);
            }

            return action(state, now);
        });

    /// <summary>Adds a task with the next free ID.</summary>
    public long Add(EmulatedTaskSeed seed, TaskProfile? profile = null)
    {
        Validate(seed);
        return Transact((state, now) => Add(state, seed, profile ?? new TaskProfile(), now, _speedFactor).Id);
    }

    /// <summary>Adds a task to <paramref name="state"/> with the next free ID (seeding, CreateTask, CreateTaskGroup).</summary>
    public static EmulatedTask Add(EmulatorState state, EmulatedTaskSeed seed, TaskProfile profile, DateTimeOffset now, double speedFactor, string? groupId = null)
    {
        Validate(seed);
        long id = state.TakeTaskId();
        var task = new EmulatedTask(id, seed, profile, speedFactor, now) { GroupId = groupId };
        state.Tasks.Add(id, task);
        return task;
    }

    /// <summary>Adds a task whose ID and name are decided inside the transaction (CreateTask).</summary>
    public EmulatedTask Add(Func<long, (EmulatedTaskSeed Seed, TaskProfile Profile)> create)
        => Transact((state, now) =>
        {
            (EmulatedTaskSeed seed, TaskProfile profile) = create(state.NextTaskId);
            return Add(state, seed, profile, now, _speedFactor);
        });

    /// <summary>ShowTask: the task as reported now, or null.</summary>
    public Oms.TaskResp? Show(long id)
        => Transact((state, _) => state.Tasks.TryGetValue(id, out EmulatedTask? task) ? task.ToResponse() : null);

    /// <summary>ListTasks: newest first (descending ID), filtered, then paged; count is the number matching the filters.</summary>
    public (List<Oms.TaskResp> Page, long Count) List(int limit, int offset, int? status, string? nameContains, string? groupId)
        => Transact((state, _) =>
        {
            var matching = new List<EmulatedTask>();
            foreach (EmulatedTask task in state.Tasks.Values.Reverse())
            {
                if (status is { } wanted && task.Status != wanted)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(nameContains) && !task.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (groupId is not null && !string.Equals(task.GroupId, groupId, StringComparison.Ordinal))
                {
                    continue;
                }

                matching.Add(task);
            }

            List<Oms.TaskResp> page = matching.Skip(offset).Take(limit).Select(task => task.ToResponse()).ToList();
            return (page, (long)matching.Count);
        });

    public TaskOperationResult Start(long id, bool migrateFailedObjects)
        => Transact((state, now) => state.Tasks.TryGetValue(id, out EmulatedTask? task)
            ? task.Start(migrateFailedObjects, now)
            : TaskOperationResult.NotFound);

    public TaskOperationResult Stop(long id)
        => Transact((state, now) => state.Tasks.TryGetValue(id, out EmulatedTask? task)
            ? task.Stop(now)
            : TaskOperationResult.NotFound);

    public TaskOperationResult Delete(long id)
        => Transact((state, _) =>
        {
            if (!state.Tasks.TryGetValue(id, out EmulatedTask? task))
            {
                return TaskOperationResult.NotFound;
            }

            if (task.IsBusy)
            {
                return TaskOperationResult.Migrating;
            }

            state.Tasks.Remove(id);
            return TaskOperationResult.Ok;
        });

    public static void Validate(EmulatedTaskSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (string.IsNullOrEmpty(seed.Name) || seed.Name.Length > 255)
        {
            throw new ArgumentException("The task name must be 1 to 255 characters.", nameof(seed));
        }

        if (seed.Status is < 1 or > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed.Status, "The status must be an OMS task status from 1 to 7.");
        }

        if (seed.TotalObjects < 0 || seed.TotalBytes < 0 || seed.FailedObjects < 0 || seed.FailedObjects > seed.TotalObjects)
        {
            throw new ArgumentException("TotalObjects and TotalBytes must be non-negative, and FailedObjects between 0 and TotalObjects.", nameof(seed));
        }

        if (!(seed.Progress >= 0 && seed.Progress <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed.Progress, "Progress must be between 0 and 1.");
        }

        if (!(seed.FailureRate >= 0 && seed.FailureRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(seed), seed.FailureRate, "FailureRate must be between 0 and 1.");
        }

        if (seed.BytesPerSecond is { } speed && !(speed > 0 && !double.IsInfinity(speed)))
        {
            throw new ArgumentOutOfRangeException(nameof(seed), speed, "BytesPerSecond must be positive and finite.");
        }
    }
}

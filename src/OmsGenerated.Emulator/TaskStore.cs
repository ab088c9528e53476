using System;
using System.Collections.Generic;
using System.Linq;

namespace OmsGenerated.Emulator;

/// <summary>The emulated tasks of the one project, behind one lock. Every operation first advances the tasks it touches.</summary>
internal sealed class TaskStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, EmulatedTask> _tasks = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _speedFactor;
    private long _nextId = 1001;

    public TaskStore(TimeProvider timeProvider, double speedFactor)
    {
        _timeProvider = timeProvider;
        _speedFactor = speedFactor;
    }

    /// <summary>Adds a task with the next free ID.</summary>
    public long Add(EmulatedTaskSeed seed, TaskProfile? profile = null)
    {
        Validate(seed);
        lock (_gate)
        {
            long id = _nextId++;
            _tasks.Add(id, new EmulatedTask(id, seed, profile ?? new TaskProfile(), _speedFactor, _timeProvider.GetUtcNow()));
            return id;
        }
    }

    /// <summary>Adds a task whose ID and name are decided under the lock (CreateTask).</summary>
    public EmulatedTask Add(Func<long, (EmulatedTaskSeed Seed, TaskProfile Profile)> create)
    {
        lock (_gate)
        {
            long id = _nextId++;
            (EmulatedTaskSeed seed, TaskProfile profile) = create(id);
            Validate(seed);
            var task = new EmulatedTask(id, seed, profile, _speedFactor, _timeProvider.GetUtcNow());
            _tasks.Add(id, task);
            return task;
        }
    }

    /// <summary>ShowTask: the task as reported now, or null.</summary>
    public Oms.TaskResp? Show(long id)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out EmulatedTask? task))
            {
                return null;
            }

            task.Advance(_timeProvider.GetUtcNow());
            return task.ToResponse();
        }
    }

    /// <summary>ListTasks: newest first (descending ID), filtered, then paged; count is the number matching the filters.</summary>
    public (List<Oms.TaskResp> Page, long Count) List(int limit, int offset, int? status, string? nameContains, string? groupId)
    {
        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            var matching = new List<EmulatedTask>();
            foreach (EmulatedTask task in _tasks.Values.Reverse())
            {
                task.Advance(now);
                if (status is { } wanted && task.Status != wanted)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(nameContains) && !task.Name.Contains(nameContains, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (groupId is not null)
                {
                    continue; // no emulated task belongs to a task group
                }

                matching.Add(task);
            }

            List<Oms.TaskResp> page = matching.Skip(offset).Take(limit).Select(task => task.ToResponse()).ToList();
            return (page, matching.Count);
        }
    }

    public TaskOperationResult Start(long id, bool migrateFailedObjects)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(id, out EmulatedTask? task)
                ? task.Start(migrateFailedObjects, _timeProvider.GetUtcNow())
                : TaskOperationResult.NotFound;
        }
    }

    public TaskOperationResult Stop(long id)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue(id, out EmulatedTask? task)
                ? task.Stop(_timeProvider.GetUtcNow())
                : TaskOperationResult.NotFound;
        }
    }

    public TaskOperationResult Delete(long id)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out EmulatedTask? task))
            {
                return TaskOperationResult.NotFound;
            }

            task.Advance(_timeProvider.GetUtcNow());
            if (task.IsBusy)
            {
                return TaskOperationResult.Migrating;
            }

            _tasks.Remove(id);
            return TaskOperationResult.Ok;
        }
    }

    private static void Validate(EmulatedTaskSeed seed)
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

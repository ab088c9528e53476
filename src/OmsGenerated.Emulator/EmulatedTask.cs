using System;
using System.Text.Json;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// One migration task and its state machine. Progress is not driven by a timer: every read or operation first calls
/// <see cref="Advance"/>, which moves the task forward by the simulated time elapsed since the previous call
/// (real time × SpeedFactor). Not thread-safe; <see cref="TaskStore"/> serialises access.
/// </summary>
/// <remarks>
/// A task runs in "runs": a run has a number of objects and bytes to transfer, a transferred byte count and a failure
/// rate. Objects done in the run are <c>floor(share × objects)</c>; failed objects are <c>floor(done × rate)</c> (at
/// least one at the end of a run with a non-zero rate). When a run ends, the task becomes Failed (4) if any object has
/// failed, else Succeeded (5). Pausing freezes the run; resuming continues it.
/// </remarks>
internal sealed class EmulatedTask
{
    /// <summary>Simulated seconds a full run takes when the seed gives no speed.</summary>
    public const double DefaultFullRunSeconds = 300;

    /// <summary>Simulated seconds a waiting (1) task waits before it is scheduled.</summary>
    public const double WaitingSeconds = 30;

    /// <summary>Simulated seconds a pausing (7) task takes to become stopped (3).</summary>
    public const double PausingSeconds = 2;

    public const string FailureCode = "TRF.0152";
    public const string FailureMessage = "Some objects failed to be migrated: the source denied access to them. Retry the failed objects.";

    private readonly double _speedFactor;
    private readonly double _averageObjectSize;
    private readonly TaskProfile _profile;
    private double _totalTimeMs;
    private long _successBase;
    private long _failedBase;
    private double _completeBase;
    private long _runObjects;
    private double _runBytes;
    private double _runDone;
    private double _runFailureRate;
    private DateTimeOffset _lastAdvance;
    private DateTimeOffset _transitionAt;

    public EmulatedTask(long id, EmulatedTaskSeed seed, TaskProfile profile, double speedFactor, DateTimeOffset now)
    {
        Id = id;
        Name = seed.Name;
        Status = seed.Status;
        TotalNum = seed.TotalObjects;
        TotalSize = seed.TotalBytes;
        _profile = profile;
        FailureRate = seed.FailureRate;
        BytesPerSecond = seed.BytesPerSecond ?? Math.Max(1, seed.TotalBytes / DefaultFullRunSeconds);
        _speedFactor = speedFactor;
        _averageObjectSize = TotalNum > 0 ? (double)TotalSize / TotalNum : 0;
        _lastAdvance = now;
        StartTimeMs = now.ToUnixTimeMilliseconds();

        long failed = Math.Min(seed.FailedObjects, TotalNum);
        switch (Status)
        {
            case 5:
                _successBase = TotalNum;
                _completeBase = TotalSize;
                _totalTimeMs = TotalSize / BytesPerSecond * 1000;
                break;
            case 4:
            {
                long processed = seed.Progress > 0 ? (long)Math.Round(seed.Progress * TotalNum) : TotalNum;
                processed = Math.Max(processed, failed);
                _successBase = processed - failed;
                _failedBase = failed;
                _completeBase = BytesOf(_successBase);
                _totalTimeMs = BytesOf(processed) / BytesPerSecond * 1000;
                break;
            }

            default:
            {
                // 1, 2, 3, 6, 7: part-way through a run that covers the rest of the task.
                long processed = Math.Max((long)Math.Round(seed.Progress * TotalNum), failed);
                _successBase = processed - failed;
                _failedBase = failed;
                _completeBase = BytesOf(_successBase);
                _runObjects = TotalNum - processed;
                _runBytes = BytesOf(_runObjects);
                _runFailureRate = FailureRate;
                _totalTimeMs = BytesOf(processed) / BytesPerSecond * 1000;
                if (Status == 1)
                {
                    _transitionAt = now + RealTime(WaitingSeconds);
                }
                else if (Status == 7)
                {
                    _transitionAt = now + RealTime(PausingSeconds);
                }

                break;
            }
        }

        HasFailureReason = Status == 4;
    }

    /// <summary>Restores a task saved by <see cref="WriteState"/> (progress then continues from its saved clock).</summary>
    private EmulatedTask(JsonElement state, TaskProfile profile, double speedFactor)
    {
        Id = state.GetProperty("id").GetInt64();
        Name = state.GetProperty("name").GetString() ?? string.Empty;
        GroupId = state.TryGetProperty("group_id", out JsonElement group) ? group.GetString() : null;
        Status = state.GetProperty("status").GetInt32();
        TotalNum = state.GetProperty("total_num").GetInt64();
        TotalSize = state.GetProperty("total_size").GetInt64();
        BytesPerSecond = state.GetProperty("bytes_per_second").GetDouble();
        FailureRate = state.GetProperty("failure_rate").GetDouble();
        StartTimeMs = state.GetProperty("start_time").GetInt64();
        HasFailureReason = state.GetProperty("has_failure_reason").GetBoolean();
        _profile = profile;
        _speedFactor = speedFactor;
        _averageObjectSize = TotalNum > 0 ? (double)TotalSize / TotalNum : 0;
        _totalTimeMs = state.GetProperty("total_time_ms").GetDouble();
        _successBase = state.GetProperty("success_base").GetInt64();
        _failedBase = state.GetProperty("failed_base").GetInt64();
        _completeBase = state.GetProperty("complete_base").GetDouble();
        _runObjects = state.GetProperty("run_objects").GetInt64();
        _runBytes = state.GetProperty("run_bytes").GetDouble();
        _runDone = state.GetProperty("run_done").GetDouble();
        _runFailureRate = state.GetProperty("run_failure_rate").GetDouble();
        _lastAdvance = new DateTimeOffset(state.GetProperty("last_advance_ticks").GetInt64(), TimeSpan.Zero);
        _transitionAt = new DateTimeOffset(state.GetProperty("transition_at_ticks").GetInt64(), TimeSpan.Zero);
    }

    /// <summary>Reads a task written by <see cref="WriteState"/>; its progress runs at <paramref name="speedFactor"/> from now on.</summary>
    public static EmulatedTask ReadState(JsonElement state, double speedFactor)
    {
        TaskResp model = ModelJson.Read(state.GetProperty("profile"), static (ref Utf8JsonReader reader) => TaskResp.ReadJson(ref reader));
        return new EmulatedTask(state, TaskProfile.FromModel(model), speedFactor);
    }

    /// <summary>Writes everything needed to continue the task in another process (clock values as UTC ticks).</summary>
    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", Id);
        writer.WriteString("name", Name);
        if (GroupId is not null)
        {
            writer.WriteString("group_id", GroupId);
        }

        writer.WriteNumber("status", Status);
        writer.WriteNumber("total_num", TotalNum);
        writer.WriteNumber("total_size", TotalSize);
        writer.WriteNumber("bytes_per_second", BytesPerSecond);
        writer.WriteNumber("failure_rate", FailureRate);
        writer.WriteNumber("start_time", StartTimeMs);
        writer.WriteBoolean("has_failure_reason", HasFailureReason);
        writer.WriteNumber("total_time_ms", _totalTimeMs);
        writer.WriteNumber("success_base", _successBase);
        writer.WriteNumber("failed_base", _failedBase);
        writer.WriteNumber("complete_base", _completeBase);
        writer.WriteNumber("run_objects", _runObjects);
        writer.WriteNumber("run_bytes", _runBytes);
        writer.WriteNumber("run_done", _runDone);
        writer.WriteNumber("run_failure_rate", _runFailureRate);
        // Ticks, not milliseconds: a clock rounded on save would move the task on by the rounding on the next load.
        writer.WriteNumber("last_advance_ticks", _lastAdvance.UtcTicks);
        writer.WriteNumber("transition_at_ticks", _transitionAt.UtcTicks);
        writer.WritePropertyName("profile");
        _profile.ToModel().WriteJson(writer);
        writer.WriteEndObject();
    }

    public long Id { get; }

    public string Name { get; }

    /// <summary>OMS status code (1-7).</summary>
    public int Status { get; private set; }

    public long TotalNum { get; }

    public long TotalSize { get; }

    public double BytesPerSecond { get; }

    public double FailureRate { get; }

    public TaskProfile Profile => _profile;

    /// <summary>The task group the task belongs to, or null for a task created on its own.</summary>
    public string? GroupId { get; init; }

    /// <summary>Traffic limits (UpdateBandwidthPolicy, BatchUpdateTasks and UpdateTaskGroup replace them).</summary>
    public System.Collections.Generic.List<BandwidthPolicyDto> BandwidthPolicy
    {
        get => _profile.BandwidthPolicy;
        set => _profile.BandwidthPolicy = value;
    }

    /// <summary>Priority (BatchUpdateTasks changes it on waiting, paused or failed tasks).</summary>
    public TaskPriority TaskPriority
    {
        get => _profile.TaskPriority;
        set => _profile.TaskPriority = value;
    }

    public long StartTimeMs { get; private set; }

    /// <summary>Whether a failed task reports error_reason TRF.0152 (otherwise error_reason is "").</summary>
    public bool HasFailureReason { get; private set; }

    public long SuccessfulNum => _successBase + RunProcessed - RunFailed;

    public long FailedNum => _failedBase + RunFailed;

    public long CompleteSize => (long)Math.Round(Math.Min(TotalSize, _completeBase + (_runDone * (1 - _runFailureRate))));

    private bool RunComplete => _runDone >= _runBytes;

    private long RunProcessed => RunComplete ? _runObjects : (long)Math.Floor(_runDone / _runBytes * _runObjects);

    private long RunFailed
    {
        get
        {
            if (_runObjects == 0 || _runFailureRate <= 0)
            {
                return 0;
            }

            long failed = (long)Math.Floor(RunProcessed * _runFailureRate);
            return RunComplete ? Math.Max(1, failed) : failed;
        }
    }

    private bool IsRunning => Status is 2 or 6;

    /// <summary>Moves the task forward to <paramref name="now"/>.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (now <= _lastAdvance)
        {
            return;
        }

        DateTimeOffset from = _lastAdvance;
        if (Status == 1 && _transitionAt <= now)
        {
            Status = 2;
            from = _transitionAt;
        }
        else if (Status == 7 && _transitionAt <= now)
        {
            Status = 3;
        }

        if (IsRunning && now > from)
        {
            double simulatedSeconds = (now - from).TotalSeconds * _speedFactor;
            double neededSeconds = (_runBytes - _runDone) / BytesPerSecond;
            if (simulatedSeconds >= neededSeconds)
            {
                _runDone = _runBytes;
                _totalTimeMs += neededSeconds * 1000;
                FinishRun();
            }
            else
            {
                _runDone += simulatedSeconds * BytesPerSecond;
                _totalTimeMs += simulatedSeconds * 1000;
            }
        }

        _lastAdvance = now;
    }

    /// <summary>StartTask: resumes a paused task, or restarts a failed one (only its failed objects when asked).</summary>
    public TaskOperationResult Start(bool migrateFailedObjects, DateTimeOffset now)
    {
        Advance(now);
        switch (Status)
        {
            case 1 or 2 or 6:
                return TaskOperationResult.AlreadyStarted;
            case 7:
                return TaskOperationResult.StillPausing;
            case 5:
                return TaskOperationResult.Finished;
            case 3:
                // Resume the frozen run from the paused point (migrate_failed_object does not apply to a paused task).
                break;
            case 4:
                long failed = FailedNum;
                long successful = SuccessfulNum;
                double complete = CompleteSize;
                if (migrateFailedObjects && failed > 0)
                {
                    // Only the failed objects are sent again: earlier successes stay, the failed count starts over.
                    _successBase = successful;
                    _failedBase = 0;
                    _completeBase = complete;
                    _runObjects = failed;
                    _runBytes = BytesOf(failed);
                    _runFailureRate = 0;
                }
                else
                {
                    // A full migration again, from the start.
                    _successBase = 0;
                    _failedBase = 0;
                    _completeBase = 0;
                    _runObjects = TotalNum;
                    _runBytes = TotalSize;
                    _runFailureRate = FailureRate;
                }

                _runDone = 0;
                HasFailureReason = false;
                break;
        }

        Status = 2;
        _lastAdvance = now;
        return TaskOperationResult.Ok;
    }

    /// <summary>StopTask: a migrating task becomes pausing (7), then stopped (3) after <see cref="PausingSeconds"/>.</summary>
    public TaskOperationResult Stop(DateTimeOffset now)
    {
        Advance(now);
        if (Status != 2)
        {
            return TaskOperationResult.NotMigrating;
        }

        Status = 7;
        _transitionAt = now + RealTime(PausingSeconds);
        return TaskOperationResult.Ok;
    }

    /// <summary>StopTaskGroup on a member task: a waiting task is held (stopped at once), a migrating one pauses.</summary>
    public void PauseForGroup(DateTimeOffset now)
    {
        Advance(now);
        if (Status == 1)
        {
            Status = 3;
            _lastAdvance = now;
        }
        else if (Status is 2 or 6)
        {
            Status = 7;
            _transitionAt = now + RealTime(PausingSeconds);
        }
    }

    /// <summary>Whether DeleteTask must refuse the task (it is migrating, retrying or pausing).</summary>
    public bool IsBusy => Status is 2 or 6 or 7;

    /// <summary>The task as ShowTask and ListTasks report it (call <see cref="Advance"/> first).</summary>
    public TaskResp ToResponse()
    {
        long complete = CompleteSize;
        double progress = Status == 5 ? 1
            : TotalSize > 0 ? (double)complete / TotalSize
            : TotalNum > 0 ? (double)SuccessfulNum / TotalNum
            : 0;
        double remainingSeconds = Math.Max(0, _runBytes - _runDone) / BytesPerSecond;
        long failed = FailedNum;
        return new TaskResp
        {
            Id = Id,
            Name = Name,
            Status = Status,
            Progress = Math.Round(progress, 4),
            TotalNum = TotalNum,
            SuccessfulNum = SuccessfulNum,
            FailedNum = failed,
            SkippedNum = 0,
            TotalSize = TotalSize,
            CompleteSize = complete,
            RealSize = TotalSize,
            // Speed and remaining time are reported in wall-clock terms (the simulation runs SpeedFactor times faster), so a
            // client's ETA matches what its user sees.
            MigrateSpeed = IsRunning ? (long)Math.Round(BytesPerSecond * _speedFactor) : 0,
            StartTime = StartTimeMs,
            LeftTime = IsRunning || Status == 1 ? (long)Math.Round(remainingSeconds * 1000 / _speedFactor) : 0,
            TotalTime = (long)Math.Round(_totalTimeMs),
            IsQueryOver = true,
            MigrateSince = Profile.MigrateSinceSeconds is { } since ? since * 1000 : null,
            TaskType = Profile.TaskType,
            GroupType = GroupId is null ? GroupType.NormalTask : GroupType.GroupTask,
            GroupId = GroupId,
            Description = Profile.Description,
            ErrorReason = Status == 4 && HasFailureReason ? new ErrorReason { ErrorCode = FailureCode, ErrorMsg = FailureMessage } : null,
            FailedObjectRecord = failed > 0 && Profile.EnableFailedObjectRecording
                ? new FailedObjectRecord { Result = true, ListFileKey = "oms/failed_object_lists/" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/failed_objects.txt" }
                : null,
            SrcNode = new SrcNodeResp
            {
                Bucket = Profile.SourceBucket,
                CloudType = Profile.SourceCloud,
                Region = Profile.SourceRegion,
                ObjectKey = [.. Profile.ObjectKeys],
            },
            DstNode = new DstNodeResp
            {
                Bucket = Profile.DestinationBucket,
                Region = Profile.DestinationRegion,
                SavePrefix = Profile.SavePrefix,
            },
            BandwidthPolicy = [.. Profile.BandwidthPolicy],
            SourceCdn = Profile.SourceCdn,
            EnableMetadataMigration = Profile.EnableMetadataMigration,
            EnableRestore = Profile.EnableRestore,
            EnableFailedObjectRecording = Profile.EnableFailedObjectRecording,
            EnableRequesterPays = Profile.EnableRequesterPays,
            ObjectOverwriteMode = Profile.ObjectOverwriteMode,
            DstStoragePolicy = Profile.DstStoragePolicy,
            ConsistencyCheck = Profile.ConsistencyCheck,
            ObsSystem = ObsSystem.Bucket,
            TaskPriority = Profile.TaskPriority,
        };
    }

    private void FinishRun()
    {
        long successful = SuccessfulNum;
        long failed = FailedNum;
        _successBase = successful;
        _failedBase = failed;
        _completeBase = successful == TotalNum ? TotalSize : Math.Min(TotalSize, BytesOf(successful));
        _runObjects = 0;
        _runBytes = 0;
        _runDone = 0;
        _runFailureRate = 0;
        Status = failed > 0 ? 4 : 5;
        HasFailureReason = failed > 0;
    }

    private double BytesOf(long objects) => objects == TotalNum ? TotalSize : objects * _averageObjectSize;

    private TimeSpan RealTime(double simulatedSeconds) => TimeSpan.FromSeconds(simulatedSeconds / _speedFactor);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// A sync task: SYNCHRONIZING from creation; stop makes it STOPPED, start SYNCHRONIZING again; only a stopped one can be
/// deleted. CreateSyncEvents records the object names pushed to it; each event is synchronized at once (one object in
/// <see cref="FailureEvery"/> fails, deterministically), which is what ShowSyncTask's monthly counters and
/// ListSyncTaskStatistic report.
/// </summary>
internal sealed class EmulatedSyncTask
{
    /// <summary>Every n-th object pushed fails to synchronize.</summary>
    public const int FailureEvery = 10;

    /// <summary>Bytes an emulated object has.</summary>
    public const long ObjectSize = 1024 * 1024;

    public EmulatedSyncTask(string id, SyncTaskInfo description, DateTimeOffset now)
    {
        Id = id;
        Description = description;
        Synchronizing = true;
        CreatedAtMs = now.ToUnixTimeMilliseconds();
        LastStartMs = CreatedAtMs;
    }

    private EmulatedSyncTask(string id, SyncTaskInfo description, bool synchronizing, long createdAtMs, long lastStartMs, List<SyncEvent> events)
    {
        Id = id;
        Description = description;
        Synchronizing = synchronizing;
        CreatedAtMs = createdAtMs;
        LastStartMs = lastStartMs;
        Events = events;
    }

    public string Id { get; }

    /// <summary>What the task was created with (no credentials).</summary>
    public SyncTaskInfo Description { get; }

    public bool Synchronizing { get; private set; }

    public long CreatedAtMs { get; }

    public long LastStartMs { get; private set; }

    /// <summary>The objects pushed, in order: when (Unix ms) and whether each one failed.</summary>
    public List<SyncEvent> Events { get; } = [];

    public SyncTaskStatus Status => Synchronizing ? SyncTaskStatus.Synchronizing : SyncTaskStatus.Stopped;

    public bool Start(DateTimeOffset now)
    {
        if (Synchronizing)
        {
            return false;
        }

        Synchronizing = true;
        LastStartMs = now.ToUnixTimeMilliseconds();
        return true;
    }

    public bool Stop()
    {
        if (!Synchronizing)
        {
            return false;
        }

        Synchronizing = false;
        return true;
    }

    /// <summary>CreateSyncEvents: records the objects (only while synchronizing).</summary>
    public bool Push(IReadOnlyList<string> objectKeys, DateTimeOffset now)
    {
        if (!Synchronizing)
        {
            return false;
        }

        long at = now.ToUnixTimeMilliseconds();
        foreach (string key in objectKeys)
        {
            Events.Add(new SyncEvent(at, (Events.Count + 1) % FailureEvery == 0));
        }

        return true;
    }

    public SyncTaskInfo ToInfo()
    {
        SyncTaskInfo info = Copy(Description);
        info.SyncTaskId = Id;
        info.Status = Status;
        info.CreateTime = CreatedAtMs;
        info.LastStartTime = LastStartMs;
        return info;
    }

    /// <summary>ShowSyncTask: the description plus the counters of the month <paramref name="queryTimeMs"/> falls in (UTC).</summary>
    public ShowSyncTaskResponse ToDetails(long queryTimeMs)
    {
        DateTimeOffset query = DateTimeOffset.FromUnixTimeMilliseconds(queryTimeMs);
        var monthStart = new DateTimeOffset(query.Year, query.Month, 1, 0, 0, 0, TimeSpan.Zero);
        long from = monthStart.ToUnixTimeMilliseconds();
        long to = monthStart.AddMonths(1).ToUnixTimeMilliseconds();
        List<SyncEvent> month = Events.Where(e => e.AtMs >= from && e.AtMs < to).ToList();
        SyncTaskInfo info = ToInfo();
        return new ShowSyncTaskResponse
        {
            SyncTaskId = Id,
            SrcCloudType = info.SrcCloudType,
            SrcRegion = info.SrcRegion,
            SrcBucket = info.SrcBucket,
            CreateTime = info.CreateTime,
            LastStartTime = info.LastStartTime,
            DstBucket = info.DstBucket,
            DstRegion = info.DstRegion,
            Description = info.Description,
            Status = info.Status,
            EnableMetadataMigration = info.EnableMetadataMigration,
            EnableRestore = info.EnableRestore,
            AppId = info.AppId,
            MonthlyAcceptanceRequest = month.Count,
            MonthlySuccessObject = month.Count(e => !e.Failed),
            MonthlyFailureObject = month.Count(e => e.Failed),
            MonthlySkipObject = 0,
            MonthlySize = month.Count(e => !e.Failed) * ObjectSize,
            ObjectOverwriteMode = info.ObjectOverwriteMode,
            DstStoragePolicy = info.DstStoragePolicy,
            ConsistencyCheck = info.ConsistencyCheck,
        };
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteBoolean("synchronizing", Synchronizing);
        writer.WriteNumber("created_at", CreatedAtMs);
        writer.WriteNumber("last_start", LastStartMs);
        writer.WriteStartArray("events");
        foreach (SyncEvent e in Events)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(e.AtMs);
            writer.WriteBooleanValue(e.Failed);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("description");
        Description.WriteJson(writer);
        writer.WriteEndObject();
    }

    public static EmulatedSyncTask ReadState(JsonElement state)
        => new(
            state.GetProperty("id").GetString() ?? string.Empty,
            ModelJson.Read(state.GetProperty("description"), static (ref Utf8JsonReader reader) => SyncTaskInfo.ReadJson(ref reader)),
            state.GetProperty("synchronizing").GetBoolean(),
            state.GetProperty("created_at").GetInt64(),
            state.GetProperty("last_start").GetInt64(),
            state.GetProperty("events").EnumerateArray().Select(e => new SyncEvent(e[0].GetInt64(), e[1].GetBoolean())).ToList());

    private static SyncTaskInfo Copy(SyncTaskInfo model)
    {
        byte[] json = ModelJson.Write(model, static (value, writer) => value.WriteJson(writer), 512);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return SyncTaskInfo.ReadJson(ref reader)!;
    }
}

/// <summary>One object pushed to a sync task.</summary>
/// <param name="AtMs">When (Unix ms).</param>
/// <param name="Failed">Whether its synchronization failed.</param>
internal readonly record struct SyncEvent(long AtMs, bool Failed);

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Emulator.State;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>The sync-task operations: <c>/v2/{project_id}/sync-tasks</c>. The state machine is <see cref="EmulatedSyncTask"/>.</summary>
internal static class SyncTaskEndpoints
{
    private static readonly string[] s_dataTypes = ["REQUEST", "SUCCESS", "FAILURE", "SKIP", "SIZE"];

    public static void Map(RouteGroupBuilder project)
    {
        RouteGroupBuilder sync = project.MapGroup("/sync-tasks");
        sync.MapGet("", List).WithMetadata(new OmsOperation("ListSyncTasks"));
        sync.MapPost("", Create).WithMetadata(new OmsOperation("CreateSyncTask"));
        sync.MapGet("/{sync_task_id}", Show).WithMetadata(new OmsOperation("ShowSyncTask"));
        sync.MapDelete("/{sync_task_id}", Delete).WithMetadata(new OmsOperation("DeleteSyncTask"));
        sync.MapPost("/{sync_task_id}/start", Start).WithMetadata(new OmsOperation("StartSyncTask"));
        sync.MapPost("/{sync_task_id}/stop", Stop).WithMetadata(new OmsOperation("StopSyncTask"));
        sync.MapPost("/{sync_task_id}/events", Events).WithMetadata(new OmsOperation("CreateSyncEvents"));
        sync.MapGet("/{sync_task_id}/statistics", Statistics).WithMetadata(new OmsOperation("ListSyncTaskStatistic"));
    }

    private static EmulatorResponse List(HttpContext context, TaskStore store)
    {
        IQueryCollection query = context.Request.Query;
        if (QueryParameters.TryPage(query, out int limit, out int offset) is { } invalidPage)
        {
            return invalidPage;
        }

        string? status = QueryParameters.Single(query, "status");
        if (status is not null && status != SyncTaskStatus.Synchronizing.Value && status != SyncTaskStatus.Stopped.Value)
        {
            return OmsErrors.InvalidParameter("status");
        }

        return store.Transact((state, _) =>
        {
            List<EmulatedSyncTask> matching = state.SyncTasks.Values
                .Where(task => status is null || task.Status.Value == status)
                .OrderByDescending(task => task.CreatedAtMs).ThenByDescending(task => task.Id, StringComparer.Ordinal)
                .ToList();
            var response = new ListSyncTasksResponse { Count = matching.Count, Tasks = matching.Skip(offset).Take(limit).Select(task => task.ToInfo()).ToList() };
            return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 2048));
        });
    }

    private static EmulatorResponse Create(HttpContext context, TaskStore store)
    {
        CreateSyncTaskReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => CreateSyncTaskReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (RequestBodies.HasForbiddenCharacters(request.Description))
        {
            return OmsErrors.ForbiddenDescription();
        }

        string? cloud = FakeObjectStore.Canonical(request.SrcCloudType ?? "Aliyun");
        if (cloud is null or "URLSource")
        {
            return OmsErrors.InvalidParameter("src_cloud_type");
        }

        if (FakeObjectStore.Find(cloud, request.SrcBucket) is not { } bucket)
        {
            return OmsErrors.InvalidParameter("src_bucket");
        }

        if (!string.Equals(bucket.Region, request.SrcRegion, StringComparison.Ordinal))
        {
            return OmsErrors.InvalidParameter("src_region");
        }

        return store.Transact((state, now) =>
        {
            string id = "sync" + state.TakeSequence().ToString("D8", CultureInfo.InvariantCulture) + now.ToUnixTimeMilliseconds().ToString("x", CultureInfo.InvariantCulture);
            var description = new SyncTaskInfo
            {
                SrcCloudType = cloud,
                SrcRegion = request.SrcRegion,
                SrcBucket = request.SrcBucket,
                DstBucket = request.DstBucket,
                DstRegion = request.DstRegion,
                Description = request.Description ?? string.Empty,
                EnableMetadataMigration = request.EnableMetadataMigration ?? false,
                EnableRestore = request.EnableRestore ?? false,
                AppId = request.AppId,
                SourceCdn = request.SourceCdn is { } cdn ? new SourceCdnResp { Domain = cdn.Domain, Protocol = cdn.Protocol, AuthenticationType = cdn.AuthenticationType } : null,
                ObjectOverwriteMode = ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite,
                DstStoragePolicy = request.DstStoragePolicy ?? DstStoragePolicy.Standard,
                ConsistencyCheck = (request.ConsistencyCheck ?? SyncConsistencyCheck.SizeLastModified).Value,
            };
            state.SyncTasks.Add(id, new EmulatedSyncTask(id, description, now));
            return EmulatorResponse.Json(200, ModelJson.Write(new CreateSyncTaskResponse { SyncTaskId = id }, static (model, writer) => model.WriteJson(writer)));
        });
    }

    private static EmulatorResponse Show(string sync_task_id, HttpContext context, TaskStore store)
    {
        string? text = QueryParameters.Single(context.Request.Query, "query_time");
        if (text is null || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long queryTime) || queryTime > 253402300799999)
        {
            return OmsErrors.InvalidParameter("query_time");
        }

        return OnSyncTask(store, sync_task_id, (task, _) =>
            EmulatorResponse.Json(200, ModelJson.Write(task.ToDetails(queryTime), static (model, writer) => model.WriteJson(writer), 1024)));
    }

    private static EmulatorResponse Delete(string sync_task_id, TaskStore store)
        => store.Transact((state, _) =>
        {
            if (!state.SyncTasks.TryGetValue(sync_task_id, out EmulatedSyncTask? task))
            {
                return OmsErrors.TaskNotFound();
            }

            if (task.Synchronizing)
            {
                return OmsErrors.WrongState("OMS.0063", "The sync task is synchronizing and cannot be deleted. Stop it first.");
            }

            state.SyncTasks.Remove(sync_task_id);
            return EmulatorResponse.Empty();
        });

    private static EmulatorResponse Start(string sync_task_id, HttpContext context, TaskStore store)
    {
        StartSyncTaskReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => StartSyncTaskReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        return request is null
            ? error!
            : OnSyncTask(store, sync_task_id, (task, now) => task.Start(now)
                ? EmulatorResponse.Empty()
                : OmsErrors.WrongState("OMS.0065", "The sync task is already synchronizing."));
    }

    private static EmulatorResponse Stop(string sync_task_id, TaskStore store)
        => OnSyncTask(store, sync_task_id, (task, _) => task.Stop()
            ? EmulatorResponse.Empty()
            : OmsErrors.WrongState("OMS.0066", "The sync task is not synchronizing and cannot be stopped."));

    private static EmulatorResponse Events(string sync_task_id, HttpContext context, TaskStore store)
    {
        SyncObjectReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => SyncObjectReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (request.ObjectKeys.Count == 0 || request.ObjectKeys.Any(string.IsNullOrEmpty))
        {
            return OmsErrors.InvalidParameter("object_keys");
        }

        return OnSyncTask(store, sync_task_id, (task, now) => task.Push(request.ObjectKeys, now)
            ? EmulatorResponse.Empty()
            : OmsErrors.WrongState("OMS.0066", "The sync task is stopped. Start it before pushing objects."));
    }

    /// <summary>
    /// ListSyncTaskStatistic: per series, the objects pushed in each interval between start_time and end_time (Unix ms):
    /// five-minute points for a range of up to a day, else hourly ones.
    /// </summary>
    private static EmulatorResponse Statistics(string sync_task_id, HttpContext context, TaskStore store)
    {
        IQueryCollection query = context.Request.Query;
        string? types = QueryParameters.Single(query, "data_type");
        string[] requested = types?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (requested.Length == 0 || requested.Any(type => !s_dataTypes.Contains(type, StringComparer.Ordinal)))
        {
            return OmsErrors.InvalidParameter("data_type");
        }

        if (!long.TryParse(QueryParameters.Single(query, "start_time"), NumberStyles.None, CultureInfo.InvariantCulture, out long start))
        {
            return OmsErrors.InvalidParameter("start_time");
        }

        if (!long.TryParse(QueryParameters.Single(query, "end_time"), NumberStyles.None, CultureInfo.InvariantCulture, out long end) || end < start || end - start > 31L * 24 * 3600 * 1000)
        {
            return OmsErrors.InvalidParameter("end_time");
        }

        bool fine = end - start <= 24L * 3600 * 1000;
        long step = fine ? 5 * 60 * 1000 : 3600 * 1000;
        return OnSyncTask(store, sync_task_id, (task, _) =>
        {
            var series = new List<StatisticTypeData>();
            foreach (string type in requested.Distinct(StringComparer.Ordinal))
            {
                var points = new List<StatisticData>();
                for (long at = start - (start % step); at <= end; at += step)
                {
                    IEnumerable<SyncEvent> window = task.Events.Where(e => e.AtMs >= at && e.AtMs < at + step && e.AtMs >= start && e.AtMs <= end);
                    long value = type switch
                    {
                        "REQUEST" => window.Count(),
                        "SUCCESS" => window.Count(e => !e.Failed),
                        "FAILURE" => window.Count(e => e.Failed),
                        "SIZE" => window.Count(e => !e.Failed) * EmulatedSyncTask.ObjectSize,
                        _ => 0,
                    };
                    points.Add(new StatisticData { TimeStamp = at, StatisticNum = value });
                }

                series.Add(new StatisticTypeData { DataType = type, Data = points });
            }

            var response = new ListSyncTaskStatisticResponse { SyncTaskId = task.Id, StatisticTimeType = fine ? "FIVE_MINUTES" : "ONE_HOUR", StatisticDatas = series };
            return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 4096));
        });
    }

    private static EmulatorResponse OnSyncTask(TaskStore store, string id, Func<EmulatedSyncTask, DateTimeOffset, EmulatorResponse> action)
        => store.Transact((state, now) => state.SyncTasks.TryGetValue(id, out EmulatedSyncTask? task)
            ? action(task, now)
            : OmsErrors.TaskNotFound());
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Emulator.State;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>The task-group operations: <c>/v2/{project_id}/taskgroups</c>. The state machine is <see cref="EmulatedTaskGroup"/>.</summary>
internal static class TaskGroupEndpoints
{
    /// <summary>At most this many tasks per group (one per prefix, or per top-level folder of a whole bucket).</summary>
    private const int MaxTasksPerGroup = 20;

    public static void Map(RouteGroupBuilder project)
    {
        RouteGroupBuilder groups = project.MapGroup("/taskgroups");
        groups.MapGet("", List).WithMetadata(new OmsOperation("ListTaskGroup"));
        groups.MapPost("", Create).WithMetadata(new OmsOperation("CreateTaskGroup"));
        groups.MapGet("/{group_id}", Show).WithMetadata(new OmsOperation("ShowTaskGroup"));
        groups.MapDelete("/{group_id}", Delete).WithMetadata(new OmsOperation("DeleteTaskGroup"));
        groups.MapPut("/{group_id}/stop", Stop).WithMetadata(new OmsOperation("StopTaskGroup"));
        groups.MapPut("/{group_id}/start", Start).WithMetadata(new OmsOperation("StartTaskGroup"));
        groups.MapPut("/{group_id}/retry", Retry).WithMetadata(new OmsOperation("RetryTaskGroup"));
        groups.MapPut("/{group_id}/update", Update).WithMetadata(new OmsOperation("UpdateTaskGroup"));
    }

    private static EmulatorResponse List(HttpContext context, TaskStore store)
    {
        IQueryCollection query = context.Request.Query;
        if (QueryParameters.TryPage(query, out int limit, out int offset) is { } invalidPage)
        {
            return invalidPage;
        }

        if (QueryParameters.TryStatus(query, 0, 9, out int? status) is { } invalidStatus)
        {
            return invalidStatus;
        }

        return store.Transact((state, _) =>
        {
            // Newest first, as ListTasks.
            List<EmulatedTaskGroup> matching = state.Groups.Values
                .Where(group => status is null || group.Status == status)
                .OrderByDescending(group => group.CreatedAtMs).ThenByDescending(group => group.Id, StringComparer.Ordinal)
                .ToList();
            var response = new ListTaskGroupResponse
            {
                Count = matching.Count,
                Taskgroups = matching.Skip(offset).Take(limit).Select(group => group.ToResponse(state)).ToList(),
            };
            return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 2048));
        });
    }

    private static EmulatorResponse Create(HttpContext context, TaskStore store)
    {
        CreateTaskGroupReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => CreateTaskGroupReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (RequestBodies.HasForbiddenCharacters(request.Description))
        {
            return OmsErrors.ForbiddenDescription();
        }

        if (BandwidthPolicies.Check(request.BandwidthPolicy) is { } invalidPolicy)
        {
            return invalidPolicy;
        }

        TaskGroupSrcNode source = request.SrcNode;
        TaskGroupTaskType taskType = request.TaskType ?? TaskGroupTaskType.Prefix;
        string? cloud = FakeObjectStore.Canonical(source.CloudType ?? "Aliyun");
        if (cloud is null)
        {
            return OmsErrors.InvalidParameter("src_node.cloud_type");
        }

        if (taskType == TaskGroupTaskType.UrlList)
        {
            if (cloud != "URLSource")
            {
                return OmsErrors.InvalidParameter("src_node.cloud_type");
            }

            if (source.ListFile is null)
            {
                return OmsErrors.InvalidParameter("src_node.list_file");
            }
        }
        else
        {
            foreach ((string field, string? value) in new[] { ("src_node.ak", source.Ak), ("src_node.sk", source.Sk), ("src_node.region", source.Region), ("src_node.bucket", source.Bucket) })
            {
                if (string.IsNullOrEmpty(value))
                {
                    return OmsErrors.InvalidParameter(field);
                }
            }

            if (taskType == TaskGroupTaskType.List && source.ListFile is null)
            {
                return OmsErrors.InvalidParameter("src_node.list_file");
            }
        }

        return store.Transact((state, now) =>
        {
            string id = GroupId(state);
            List<(string Name, List<string> Keys, long Objects, long Bytes, double FailureRate)> parts = Plan(request, cloud, taskType);
            var taskIds = new List<long>();
            foreach ((string name, List<string> keys, long objects, long bytes, double failureRate) in parts)
            {
                var profile = new TaskProfile
                {
                    TaskType = taskType == TaskGroupTaskType.UrlList ? TaskType.UrlList : taskType == TaskGroupTaskType.List ? TaskType.List : TaskType.Prefix,
                    SourceCloud = cloud,
                    SourceRegion = source.Region ?? string.Empty,
                    SourceBucket = source.Bucket ?? string.Empty,
                    ObjectKeys = keys,
                    DestinationRegion = request.DstNode.Region,
                    DestinationBucket = request.DstNode.Bucket,
                    SavePrefix = request.DstNode.SavePrefix ?? string.Empty,
                    Description = request.Description ?? string.Empty,
                    MigrateSinceSeconds = request.MigrateSince,
                    BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy),
                    EnableMetadataMigration = request.EnableMetadataMigration ?? false,
                    EnableRestore = request.EnableRestore ?? false,
                    EnableFailedObjectRecording = request.EnableFailedObjectRecording ?? true,
                    EnableRequesterPays = request.EnableRequesterPays ?? false,
                    ObjectOverwriteMode = request.ObjectOverwriteMode ?? ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite,
                    DstStoragePolicy = request.DstStoragePolicy ?? DstStoragePolicy.Standard,
                    ConsistencyCheck = request.ConsistencyCheck ?? ConsistencyCheck.SizeLastModified,
                };
                var seed = new EmulatedTaskSeed(name + "-" + state.NextTaskId.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, objects, bytes) { FailureRate = failureRate };
                taskIds.Add(TaskStore.Add(state, seed, profile, now, store.SpeedFactor, id).Id);
            }

            var description = new TaskGroupResp
            {
                SrcNode = new TaskGroupSrcNodeResp
                {
                    Bucket = source.Bucket,
                    CloudType = cloud.ToUpperInvariant(),
                    Region = source.Region,
                    AppId = source.AppId,
                    ObjectKey = source.ObjectKey is { } objectKeys ? [.. objectKeys] : null,
                    ListFile = source.ListFile,
                },
                DstNode = new TaskGroupDstNodeResp { Bucket = request.DstNode.Bucket, Region = request.DstNode.Region, SavePrefix = request.DstNode.SavePrefix },
                Description = request.Description ?? string.Empty,
                TaskType = taskType,
                BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy),
                SourceCdn = request.SourceCdn is { } cdn ? new SourceCdnResp { Domain = cdn.Domain, Protocol = cdn.Protocol, AuthenticationType = cdn.AuthenticationType } : null,
                MigrateSince = request.MigrateSince,
                EnableMetadataMigration = request.EnableMetadataMigration ?? false,
                EnableFailedObjectRecording = request.EnableFailedObjectRecording ?? true,
                EnableRestore = request.EnableRestore ?? false,
                EnableRequesterPays = request.EnableRequesterPays ?? false,
                ObjectOverwriteMode = request.ObjectOverwriteMode ?? ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite,
                DstStoragePolicy = request.DstStoragePolicy ?? DstStoragePolicy.Standard,
                ConsistencyCheck = request.ConsistencyCheck ?? ConsistencyCheck.SizeLastModified,
                ErrorReason = parts.Count == 0
                    ? new ErrorReason { ErrorCode = "TRF.0153", ErrorMsg = "The source bucket does not exist or has no object under the prefixes." }
                    : null,
            };
            state.Groups.Add(id, new EmulatedTaskGroup(id, description, taskIds, now, store.SpeedFactor));
            return EmulatorResponse.Json(200, ModelJson.Write(new CreateTaskGroupResponse { GroupId = id }, static (model, writer) => model.WriteJson(writer)));
        });
    }

    private static EmulatorResponse Show(string group_id, TaskStore store)
        => store.Transact((state, _) => state.Groups.TryGetValue(group_id, out EmulatedTaskGroup? group)
            ? EmulatorResponse.Json(200, ModelJson.Write(group.ToResponse(state), static (model, writer) => model.WriteJson(writer), 2048))
            : OmsErrors.TaskNotFound());

    private static EmulatorResponse Delete(string group_id, TaskStore store)
        => store.Transact((state, _) =>
        {
            if (!state.Groups.TryGetValue(group_id, out EmulatedTaskGroup? group))
            {
                return OmsErrors.TaskNotFound();
            }

            if (group.IsBusy)
            {
                return OmsErrors.WrongState("OMS.0063", "The task group is being created, monitored or paused and cannot be deleted. Pause it first.");
            }

            foreach (long taskId in group.TaskIds)
            {
                state.Tasks.Remove(taskId);
            }

            state.Groups.Remove(group_id);
            return EmulatorResponse.Empty();
        });

    private static EmulatorResponse Stop(string group_id, TaskStore store)
        => OnGroup(store, group_id, (group, state, now) => group.Stop(now, state)
            ? EmulatorResponse.Empty()
            : OmsErrors.WrongState("OMS.0066", "The task group is not being created or monitored and cannot be paused."));

    private static EmulatorResponse Start(string group_id, HttpContext context, TaskStore store)
    {
        StartTaskGroupReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => StartTaskGroupReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        return request is null
            ? error!
            : OnGroup(store, group_id, (group, state, now) => group.Start(now, state)
                ? EmulatorResponse.Empty()
                : RefusedStart(group, "Only a paused task group can be started."));
    }

    private static EmulatorResponse Retry(string group_id, HttpContext context, TaskStore store)
    {
        RetryTaskGroupReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => RetryTaskGroupReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        return request is null
            ? error!
            : OnGroup(store, group_id, (group, state, now) => group.Retry(request.MigrateFailedObject == true, now, state)
                ? EmulatorResponse.Empty()
                : RefusedStart(group, "Only a task group whose migration failed can be retried."));
    }

    /// <summary>Why a start or retry did nothing: a completed group is "finished" (OMS.0070), any other state OMS.0065.</summary>
    private static EmulatorResponse RefusedStart(EmulatedTaskGroup group, string message)
        => group.Status == 6 ? OmsErrors.Finished() : OmsErrors.WrongState("OMS.0065", message);

    /// <summary>UpdateTaskGroup: new traffic limits for the group and each of its tasks that has not succeeded.</summary>
    private static EmulatorResponse Update(string group_id, HttpContext context, TaskStore store)
    {
        UpdateBandwidthPolicyReq? request = RequestBodies.ReadModel(
            EmulatorExchange.Of(context).Body, static (ref Utf8JsonReader reader) => UpdateBandwidthPolicyReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (BandwidthPolicies.Check(request.BandwidthPolicy) is { } invalid)
        {
            return invalid;
        }

        return OnGroup(store, group_id, (group, state, _) =>
        {
            if (group.Status is 6 or 9)
            {
                return OmsErrors.Finished();
            }

            group.Description.BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy);
            foreach (long taskId in group.TaskIds)
            {
                if (state.Tasks.TryGetValue(taskId, out EmulatedTask? task) && task.Status != 5)
                {
                    task.BandwidthPolicy = BandwidthPolicies.Copy(request.BandwidthPolicy);
                }
            }

            return EmulatorResponse.Empty();
        });
    }

    private static EmulatorResponse OnGroup(TaskStore store, string groupId, Func<EmulatedTaskGroup, EmulatorState, DateTimeOffset, EmulatorResponse> action)
        => store.Transact((state, now) => state.Groups.TryGetValue(groupId, out EmulatedTaskGroup? group)
            ? action(group, state, now)
            : OmsErrors.TaskNotFound());

    /// <summary>A UUID-shaped group ID, unique in this state (derived from its sequence number).</summary>
    private static string GroupId(EmulatorState state)
    {
        long sequence = state.TakeSequence();
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("group-" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>
    /// The tasks a group makes: one per prefix (a whole bucket, <c>[""]</c>, is split by its top-level folders), each
    /// sized from the fake object store (see <see cref="FakeBucket.FailureRateUnder"/>); one for a list or URL-list file. None when the bucket does not exist there.
    /// </summary>
    private static List<(string Name, List<string> Keys, long Objects, long Bytes, double FailureRate)> Plan(CreateTaskGroupReq request, string cloud, TaskGroupTaskType taskType)
    {
        var parts = new List<(string, List<string>, long, long, double)>();
        string destination = request.DstNode.Bucket;
        if (taskType != TaskGroupTaskType.Prefix)
        {
            string file = request.SrcNode.ListFile?.ListFileKey ?? "list";
            long objects = 100 + (file.Length * 7 % 400);
            parts.Add(("oms-group-" + destination, [file], objects, objects * 4 * 1024 * 1024, 0));
            return parts;
        }

        if (FakeObjectStore.Find(cloud, request.SrcNode.Bucket ?? string.Empty) is not { } bucket)
        {
            return parts;
        }

        List<string> prefixes = request.SrcNode.ObjectKey is { Count: > 0 } keys && !(keys.Count == 1 && keys[0].Length == 0)
            ? keys.Distinct(StringComparer.Ordinal).ToList()
            : [.. bucket.Folders];
        foreach (string prefix in prefixes.Take(MaxTasksPerGroup))
        {
            List<FakeObject> objects = bucket.Under(prefix).ToList();
            if (objects.Count > 0)
            {
                parts.Add(("oms-group-" + bucket.Name + "-" + prefix.TrimEnd('/'), [prefix], objects.Count, objects.Sum(o => o.Size), bucket.FailureRateUnder(prefix)));
            }
        }

        return parts;
    }
}

using System;
using System.Globalization;
using System.Linq;
using System.Text;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>
/// What a CreateTask request becomes: a migrating task whose size is derived deterministically from the source (the
/// emulator has no real buckets to list) and whose name is generated, since CreateTaskReq has no name field.
/// </summary>
internal static class CreatedTasks
{
    public static (EmulatedTaskSeed Seed, TaskProfile Profile) Describe(long id, CreateTaskReq request)
    {
        SrcNodeReq source = request.SrcNode;
        DstNodeReq destination = request.DstNode;
        string sourceName = source.Bucket is { Length: > 0 } bucket ? bucket : "url-list";
        ulong hash = Fnv1a(sourceName + "|" + string.Join("|", source.ObjectKey ?? []) + "|" + id.ToString(CultureInfo.InvariantCulture));
        long objects = 200 + (long)(hash % 1800);
        long averageSize = 256 * 1024 + (long)((hash >> 20) % (8 * 1024 * 1024));
        string name = "oms-" + sourceName + "-to-" + destination.Bucket + "-" + id.ToString(CultureInfo.InvariantCulture);

        var profile = new TaskProfile
        {
            TaskType = request.TaskType ?? TaskType.Object,
            SourceCloud = source.CloudType ?? CloudType.Aliyun,
            SourceRegion = source.Region ?? string.Empty,
            SourceBucket = source.Bucket ?? string.Empty,
            ObjectKeys = source.ObjectKey is { Count: > 0 } keys ? [.. keys] : [""],
            DestinationRegion = destination.Region,
            DestinationBucket = destination.Bucket,
            SavePrefix = destination.SavePrefix ?? string.Empty,
            Description = request.Description ?? string.Empty,
            MigrateSinceSeconds = request.MigrateSince,
            BandwidthPolicy = request.BandwidthPolicy?.Where(policy => policy is not null).ToList() ?? [],
            SourceCdn = request.SourceCdn is { } cdn
                ? new SourceCdnResp { Domain = cdn.Domain, Protocol = cdn.Protocol, AuthenticationType = cdn.AuthenticationType }
                : null,
            EnableMetadataMigration = request.EnableMetadataMigration ?? false,
            EnableRestore = request.EnableRestore ?? false,
            EnableFailedObjectRecording = request.EnableFailedObjectRecording ?? true,
            EnableRequesterPays = request.EnableRequesterPays ?? false,
            ObjectOverwriteMode = request.ObjectOverwriteMode ?? ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite,
            DstStoragePolicy = request.DstStoragePolicy ?? DstStoragePolicy.Standard,
            ConsistencyCheck = request.ConsistencyCheck ?? ConsistencyCheck.SizeLastModified,
            TaskPriority = request.TaskPriority ?? TaskPriority.Medium,
        };
        return (new EmulatedTaskSeed(name, 2, objects, objects * averageSize), profile);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}

using System.Collections.Generic;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator;

/// <summary>The static description of an emulated task (what ShowTask reports besides progress). Holds no credentials.</summary>
internal sealed class TaskProfile
{
    public TaskType TaskType { get; init; } = TaskType.Object;

    public CloudType SourceCloud { get; init; } = CloudType.Aws;

    public string SourceRegion { get; init; } = "us-east-1";

    public string SourceBucket { get; init; } = "demo-source-bucket";

    public List<string> ObjectKeys { get; init; } = [""];

    public string DestinationRegion { get; init; } = "cn-north-4";

    public string DestinationBucket { get; init; } = "demo-destination-bucket";

    public string SavePrefix { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public long? MigrateSinceSeconds { get; init; }

    public List<BandwidthPolicyDto> BandwidthPolicy { get; set; } = [];

    public SourceCdnResp? SourceCdn { get; init; }

    public bool EnableMetadataMigration { get; init; }

    public bool EnableRestore { get; init; }

    public bool EnableFailedObjectRecording { get; init; } = true;

    public bool EnableRequesterPays { get; init; }

    public ObjectOverwriteMode ObjectOverwriteMode { get; init; } = ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite;

    public DstStoragePolicy DstStoragePolicy { get; init; } = DstStoragePolicy.Standard;

    public ConsistencyCheck ConsistencyCheck { get; init; } = ConsistencyCheck.SizeLastModified;

    public TaskPriority TaskPriority { get; set; } = TaskPriority.Medium;

    /// <summary>The profile as the static fields of a TaskResp, so it is stored in the format the spec defines.</summary>
    public TaskResp ToModel() => new()
    {
        TaskType = TaskType,
        SrcNode = new SrcNodeResp { CloudType = SourceCloud, Region = SourceRegion, Bucket = SourceBucket, ObjectKey = [.. ObjectKeys] },
        DstNode = new DstNodeResp { Region = DestinationRegion, Bucket = DestinationBucket, SavePrefix = SavePrefix },
        Description = Description,
        MigrateSince = MigrateSinceSeconds,
        BandwidthPolicy = [.. BandwidthPolicy],
        SourceCdn = SourceCdn,
        EnableMetadataMigration = EnableMetadataMigration,
        EnableRestore = EnableRestore,
        EnableFailedObjectRecording = EnableFailedObjectRecording,
        EnableRequesterPays = EnableRequesterPays,
        ObjectOverwriteMode = ObjectOverwriteMode,
        DstStoragePolicy = DstStoragePolicy,
        ConsistencyCheck = ConsistencyCheck,
        TaskPriority = TaskPriority,
    };

    /// <summary>The inverse of <see cref="ToModel"/>.</summary>
    public static TaskProfile FromModel(TaskResp model) => new()
    {
        TaskType = model.TaskType ?? TaskType.Object,
        SourceCloud = model.SrcNode?.CloudType ?? CloudType.Aws,
        SourceRegion = model.SrcNode?.Region ?? string.Empty,
        SourceBucket = model.SrcNode?.Bucket ?? string.Empty,
        ObjectKeys = model.SrcNode?.ObjectKey is { } keys ? [.. keys] : [""],
        DestinationRegion = model.DstNode?.Region ?? string.Empty,
        DestinationBucket = model.DstNode?.Bucket ?? string.Empty,
        SavePrefix = model.DstNode?.SavePrefix ?? string.Empty,
        Description = model.Description ?? string.Empty,
        MigrateSinceSeconds = model.MigrateSince,
        BandwidthPolicy = model.BandwidthPolicy is { } policy ? [.. policy] : [],
        SourceCdn = model.SourceCdn,
        EnableMetadataMigration = model.EnableMetadataMigration ?? false,
        EnableRestore = model.EnableRestore ?? false,
        EnableFailedObjectRecording = model.EnableFailedObjectRecording ?? true,
        EnableRequesterPays = model.EnableRequesterPays ?? false,
        ObjectOverwriteMode = model.ObjectOverwriteMode ?? ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite,
        DstStoragePolicy = model.DstStoragePolicy ?? DstStoragePolicy.Standard,
        ConsistencyCheck = model.ConsistencyCheck ?? ConsistencyCheck.SizeLastModified,
        TaskPriority = model.TaskPriority ?? TaskPriority.Medium,
    };
}

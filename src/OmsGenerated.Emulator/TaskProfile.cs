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

    public List<BandwidthPolicyDto> BandwidthPolicy { get; init; } = [];

    public SourceCdnResp? SourceCdn { get; init; }

    public bool EnableMetadataMigration { get; init; }

    public bool EnableRestore { get; init; }

    public bool EnableFailedObjectRecording { get; init; } = true;

    public bool EnableRequesterPays { get; init; }

    public ObjectOverwriteMode ObjectOverwriteMode { get; init; } = ObjectOverwriteMode.SizeLastModifiedComparisonOverwrite;

    public DstStoragePolicy DstStoragePolicy { get; init; } = DstStoragePolicy.Standard;

    public ConsistencyCheck ConsistencyCheck { get; init; } = ConsistencyCheck.SizeLastModified;

    public TaskPriority TaskPriority { get; init; } = TaskPriority.Medium;
}

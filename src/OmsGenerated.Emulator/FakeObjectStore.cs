using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OmsGenerated.Emulator;

/// <summary>
/// The source buckets the emulator pretends each cloud has (the object-storage checks and new task groups read them):
/// a few buckets per vendor, each with objects under three folders, sizes derived from the key. Fixed, so answers are
/// reproducible; holds no credentials (any non-empty AK/SK is accepted).
/// </summary>
internal static class FakeObjectStore
{
    /// <summary>The vendors OMS migrates from, in the spelling of <c>CloudType</c>.</summary>
    public static IReadOnlyList<string> SourceClouds { get; } =
        ["AWS", "Azure", "Aliyun", "Tencent", "HuaweiCloud", "QingCloud", "KingsoftCloud", "Baidu", "Qiniu", "Google", "URLSource", "UCloud"];

    /// <summary>The only destination vendor.</summary>
    public static IReadOnlyList<string> DestinationClouds { get; } = ["HuaweiCloud"];

    private static readonly FakeBucket[] s_buckets =
    [
        new("AWS", "us-east-1", "demo-source-bucket"),
        new("AWS", "us-east-1", "demo-photos"),
        new("AWS", "us-east-1", "demo-videos"),
        new("AWS", "eu-west-1", "demo-backups"),
        new("AWS", "us-east-1", "demo-docs"),
        new("Aliyun", "cn-hangzhou", "demo-logs"),
        new("Aliyun", "cn-shanghai", "demo-archive"),
        new("Tencent", "ap-guangzhou", "demo-docs"),
        new("Azure", "eastus", "demo-blobs"),
        new("Google", "us-central1", "demo-gcs"),
        new("HuaweiCloud", "cn-north-4", "obs-photos"),
        new("HuaweiCloud", "cn-north-4", "obs-lists"),
        new("Qiniu", "cn-east-1", "demo-qiniu"),
    ];

    /// <summary>The regions of each vendor (ShowRegionInfo).</summary>
    public static IReadOnlyDictionary<string, string[]> Regions { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AWS"] = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-1"],
        ["Aliyun"] = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen"],
        ["Tencent"] = ["ap-guangzhou", "ap-shanghai", "ap-beijing"],
        ["Azure"] = ["eastus", "westeurope"],
        ["Google"] = ["us-central1", "europe-west1"],
        ["HuaweiCloud"] = ["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1"],
        ["Qiniu"] = ["cn-east-1", "cn-north-1"],
    };

    /// <summary>Whether <paramref name="cloud"/> is a vendor OMS knows (case-insensitive, as OMS compares it).</summary>
    public static string? Canonical(string? cloud)
        => cloud is null ? null : SourceClouds.FirstOrDefault(known => string.Equals(known, cloud, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<FakeBucket> Buckets(string cloud)
        => s_buckets.Where(bucket => string.Equals(bucket.Cloud, cloud, StringComparison.OrdinalIgnoreCase));

    public static FakeBucket? Find(string cloud, string bucket)
        => Buckets(cloud).FirstOrDefault(candidate => string.Equals(candidate.Name, bucket, StringComparison.Ordinal));
}

/// <summary>One fake source bucket.</summary>
internal sealed record FakeBucket(string Cloud, string Region, string Name)
{
    private static readonly string[] s_folders = ["2024/", "2025/", "shared/"];

    /// <summary>The top-level folders (prefixes) of the bucket.</summary>
    public IReadOnlyList<string> Folders => s_folders;

    /// <summary>Every object, sorted by key: 40 per folder.</summary>
    public IReadOnlyList<FakeObject> Objects { get; } = s_folders
        .SelectMany(folder => Enumerable.Range(1, 40).Select(i => folder + "object-" + i.ToString("D3", CultureInfo.InvariantCulture) + ".bin"))
        .Select(key => new FakeObject(key, 64 * 1024 + (Hash(Name + "/" + key) % (16 * 1024 * 1024))))
        .OrderBy(o => o.Key, StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The share of objects under <paramref name="prefix"/> whose migration fails (the source denies access): 5 % under
    /// <c>shared/</c> of AWS <c>demo-videos</c> (whose demo task 1003 fails too), so a group over that bucket fails and can
    /// be retried; none anywhere else.
    /// </summary>
    public double FailureRateUnder(string prefix)
        => Cloud == "AWS" && Name == "demo-videos" && prefix.StartsWith("shared/", StringComparison.Ordinal) ? 0.05 : 0;

    /// <summary>The objects whose key starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<FakeObject> Under(string prefix) => Objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal));

    private static long Hash(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (long)(hash >> 1);
    }
}

/// <summary>One fake object.</summary>
internal sealed record FakeObject(string Key, long Size);

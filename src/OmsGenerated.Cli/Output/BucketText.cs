namespace OmsGenerated.Cli.Output;

/// <summary>One-line names of the buckets a migration reads from and writes to; an unknown part prints as "?".</summary>
internal static class BucketText
{
    /// <summary>"Aliyun cn-hangzhou my-bucket".</summary>
    public static string Source(string? cloudType, string? region, string? bucket)
        => (cloudType ?? "?") + " " + (region ?? "?") + " " + (bucket ?? "?");

    /// <summary>"cn-north-4 my-bucket/prefix".</summary>
    public static string Destination(string? region, string? bucket, string? savePrefix = null)
        => (region ?? "?") + " " + (bucket ?? "?") + (string.IsNullOrEmpty(savePrefix) ? string.Empty : "/" + savePrefix);
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace OmsGenerated.Oms;

/// <summary>
/// A Huawei Cloud region where OMS v2 is offered, with its endpoint <c>https://oms.{id}.myhuaweicloud.com</c>.
/// </summary>
/// <remarks>
/// The 21 regions listed by the official Python and Go OMS SDKs (<c>oms_region.py</c>, <c>region.go</c>).
/// Create a migration task in the destination bucket's region. To call any other endpoint (for example a local
/// emulator), set <see cref="OmsClientOptions.Endpoint"/> instead. Configuration binding reads a region from its ID
/// (<see cref="OmsRegionConverter"/>).
/// </remarks>
[TypeConverter(typeof(OmsRegionConverter))]
public sealed class OmsRegion
{
    private OmsRegion(string id, string displayName)
    {
        Id = id;
        DisplayName = displayName;
        Endpoint = new Uri("https://oms." + id + ".myhuaweicloud.com", UriKind.Absolute);
    }

    /// <summary>The region ID, e.g. <c>cn-north-4</c>.</summary>
    public string Id { get; }

    /// <summary>The region's name in the Huawei Cloud documentation, e.g. <c>Beijing 4</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The OMS endpoint of the region, <c>https://oms.{id}.myhuaweicloud.com</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>cn-north-1, Beijing 1.</summary>
    public static OmsRegion CnNorth1 { get; } = new("cn-north-1", "Beijing 1");

    /// <summary>cn-north-4, Beijing 4 (the default region).</summary>
    public static OmsRegion CnNorth4 { get; } = new("cn-north-4", "Beijing 4");

    /// <summary>cn-north-9, Ulanqab 1.</summary>
    public static OmsRegion CnNorth9 { get; } = new("cn-north-9", "Ulanqab 1");

    /// <summary>cn-north-12 (the documentation gives no name).</summary>
    public static OmsRegion CnNorth12 { get; } = new("cn-north-12", "cn-north-12");

    /// <summary>cn-east-2, Shanghai 2.</summary>
    public static OmsRegion CnEast2 { get; } = new("cn-east-2", "Shanghai 2");

    /// <summary>cn-east-3, Shanghai 1.</summary>
    public static OmsRegion CnEast3 { get; } = new("cn-east-3", "Shanghai 1");

    /// <summary>cn-east-4, East China 2.</summary>
    public static OmsRegion CnEast4 { get; } = new("cn-east-4", "East China 2");

    /// <summary>cn-south-1, Guangzhou.</summary>
    public static OmsRegion CnSouth1 { get; } = new("cn-south-1", "Guangzhou");

    /// <summary>cn-south-4, Guangzhou friendly-user environment.</summary>
    public static OmsRegion CnSouth4 { get; } = new("cn-south-4", "Guangzhou friendly-user environment");

    /// <summary>cn-southwest-2, Guiyang 1.</summary>
    public static OmsRegion CnSouthwest2 { get; } = new("cn-southwest-2", "Guiyang 1");

    /// <summary>ap-southeast-1, Hong Kong.</summary>
    public static OmsRegion ApSoutheast1 { get; } = new("ap-southeast-1", "Hong Kong");

    /// <summary>ap-southeast-2, Bangkok.</summary>
    public static OmsRegion ApSoutheast2 { get; } = new("ap-southeast-2", "Bangkok");

    /// <summary>ap-southeast-3, Singapore.</summary>
    public static OmsRegion ApSoutheast3 { get; } = new("ap-southeast-3", "Singapore");

    /// <summary>ap-southeast-4, Jakarta.</summary>
    public static OmsRegion ApSoutheast4 { get; } = new("ap-southeast-4", "Jakarta");

    /// <summary>ap-southeast-5, Manila.</summary>
    public static OmsRegion ApSoutheast5 { get; } = new("ap-southeast-5", "Manila");

    /// <summary>la-south-2, Santiago.</summary>
    public static OmsRegion LaSouth2 { get; } = new("la-south-2", "Santiago");

    /// <summary>la-north-2, Mexico City 2.</summary>
    public static OmsRegion LaNorth2 { get; } = new("la-north-2", "Mexico City 2");

    /// <summary>sa-brazil-1, São Paulo 1.</summary>
    public static OmsRegion SaBrazil1 { get; } = new("sa-brazil-1", "São Paulo 1");

    /// <summary>tr-west-1, Istanbul.</summary>
    public static OmsRegion TrWest1 { get; } = new("tr-west-1", "Istanbul");

    /// <summary>me-east-1, Riyadh.</summary>
    public static OmsRegion MeEast1 { get; } = new("me-east-1", "Riyadh");

    /// <summary>af-south-1, Johannesburg.</summary>
    public static OmsRegion AfSouth1 { get; } = new("af-south-1", "Johannesburg");

    /// <summary>The default region, cn-north-4, used when neither code nor <c>HUAWEICLOUD_SDK_REGION</c> picks one.</summary>
    public static OmsRegion Default => CnNorth4;

    /// <summary>All 21 regions, in documentation order.</summary>
    public static IReadOnlyList<OmsRegion> All { get; } = Array.AsReadOnly(new[]
    {
        CnNorth1, CnNorth4, CnNorth9, CnNorth12, CnEast2, CnEast3, CnEast4, CnSouth1, CnSouth4, CnSouthwest2,
        ApSoutheast1, ApSoutheast2, ApSoutheast3, ApSoutheast4, ApSoutheast5,
        LaSouth2, LaNorth2, SaBrazil1, TrWest1, MeEast1, AfSouth1,
    });

    /// <summary>The valid region IDs, comma-separated (used in error messages).</summary>
    public static string ValidIds { get; } = string.Join(", ", All.Select(r => r.Id));

    /// <summary>Finds a region by ID (case-insensitive, surrounding whitespace ignored).</summary>
    /// <param name="id">A region ID such as <c>cn-north-4</c>.</param>
    /// <returns>The region, or <see langword="null"/> when <paramref name="id"/> is null, blank or not an OMS region.</returns>
    public static OmsRegion? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        string trimmed = id.Trim();
        foreach (OmsRegion region in All)
        {
            if (string.Equals(region.Id, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>Finds a region by ID (case-insensitive), returning whether it exists.</summary>
    public static bool TryParse(string? id, out OmsRegion? region)
    {
        region = Find(id);
        return region is not null;
    }

    /// <summary>Returns the region with the given ID (case-insensitive, surrounding whitespace ignored).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an OMS region; the message lists the valid IDs.</exception>
    public static OmsRegion Parse(string id)
    {
        return Find(id) ?? throw new ArgumentException(
            "'" + id + "' is not an OMS region. Valid region IDs: " + ValidIds + ".",
            nameof(id));
    }

    /// <summary>The region ID.</summary>
    public override string ToString() => Id;
}

using System;
using System.Linq;
using Xunit;

namespace OmsGenerated.Oms.Tests;

public class OmsRegionTests
{
    private static readonly string[] s_expectedIds =
    {
        "cn-north-1", "cn-north-4", "cn-north-9", "cn-north-12", "cn-east-2", "cn-east-3", "cn-east-4", "cn-south-1",
        "cn-south-4", "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "la-south-2", "la-north-2", "sa-brazil-1", "tr-west-1", "me-east-1", "af-south-1",
    };

    [Fact]
    public void All_lists_the_21_documented_regions_with_their_endpoints()
    {
        Assert.Equal(21, OmsRegion.All.Count);
        Assert.Equal(s_expectedIds.OrderBy(x => x, StringComparer.Ordinal), OmsRegion.All.Select(r => r.Id).OrderBy(x => x, StringComparer.Ordinal));
        foreach (OmsRegion region in OmsRegion.All)
        {
            Assert.Equal(new Uri("https://oms." + region.Id + ".myhuaweicloud.com"), region.Endpoint);
            Assert.False(string.IsNullOrWhiteSpace(region.DisplayName));
            Assert.Equal(region.Id, region.ToString());
        }

        Assert.Equal("Beijing 4", OmsRegion.CnNorth4.DisplayName);
        Assert.Same(OmsRegion.CnNorth4, OmsRegion.Default);
    }

    [Theory]
    [InlineData("cn-north-4")]
    [InlineData("CN-NORTH-4")]
    [InlineData("  cn-north-4 ")]
    public void Find_and_Parse_are_case_insensitive(string id)
    {
        Assert.Same(OmsRegion.CnNorth4, OmsRegion.Find(id));
        Assert.Same(OmsRegion.CnNorth4, OmsRegion.Parse(id));
        Assert.True(OmsRegion.TryParse(id, out OmsRegion? region));
        Assert.Same(OmsRegion.CnNorth4, region);
    }

    [Fact]
    public void Find_returns_null_for_unknown_ids()
    {
        Assert.Null(OmsRegion.Find("eu-west-0"));
        Assert.Null(OmsRegion.Find(null));
        Assert.Null(OmsRegion.Find(" "));
        Assert.False(OmsRegion.TryParse("eu-west-0", out _));
    }

    [Fact]
    public void Parse_rejects_unknown_ids_listing_the_valid_ones()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => OmsRegion.Parse("eu-west-0"));
        Assert.Equal("id", ex.ParamName);
        Assert.Contains("eu-west-0", ex.Message, StringComparison.Ordinal);
        foreach (string id in s_expectedIds)
        {
            Assert.Contains(id, ex.Message, StringComparison.Ordinal);
        }
    }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using OmsGenerated.Tests.Shared;
using Xunit;
using static OmsGenerated.Oms.Tests.OperationTestClient;

namespace OmsGenerated.Oms.Tests;

/// <summary>The source checks, vendor lists, API versions and privacy record through the generated client against the stub.</summary>
public class ObjectStorageOperationsTests : IClassFixture<StubServerFixture>
{
    private readonly OmsStubServer _server;

    public ObjectStorageOperationsTests(StubServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task ShowBucketList_reads_a_bare_json_array()
    {
        _server.NextResponse = JsonOk("[\"bucket-a\",\"bucket-b\"]");
        using OmsClient client = Create(_server);

        List<string> buckets = await client.ShowBucketListAsync(new ListBucketsReq { CloudType = "Aliyun", Ak = Canary.SrcAk, Sk = Canary.SrcSk });

        JsonElement body = BodyObject(AssertSingle(_server, "ShowBucketList", "POST", ProjectPath + "/objectstorage/buckets"));
        Assert.Equal("Aliyun", body.GetProperty("cloud_type").GetString());
        Assert.Equal(new[] { "bucket-a", "bucket-b" }, buckets);
    }

    [Fact]
    public async Task ShowBucketObjects_posts_the_page_request()
    {
        _server.NextResponse = JsonOk("{\"next_page\":true,\"next_marker\":\"b.txt\",\"records\":[{\"name\":\"a.txt\",\"size\":\"12\"},{\"name\":\"dir/\",\"size\":\"--\"}]}");
        using OmsClient client = Create(_server);

        ShowBucketObjectsResponse page = await client.ShowBucketObjectsAsync(new ShowBucketReq
        {
            CloudType = "Aliyun", FilePath = "/", DataCenter = "cn-hangzhou", PageSize = 2, BehindFilename = "", BucketName = "src",
            Ak = Canary.SrcAk, Sk = Canary.SrcSk,
        });

        JsonElement body = BodyObject(AssertSingle(_server, "ShowBucketObjects", "POST", ProjectPath + "/objectstorage/buckets/objects"));
        Assert.Equal(2, body.GetProperty("page_size").GetInt32());
        Assert.Equal("src", body.GetProperty("bucket_name").GetString());
        Assert.True(page.NextPage);
        Assert.Equal("b.txt", page.NextMarker);
        Assert.Equal("--", page.Records![1].Size);
    }

    [Fact]
    public async Task ShowBucketRegion_reads_the_region()
    {
        _server.NextResponse = JsonOk("{\"id\":\"cn-hangzhou\",\"name\":\"Hangzhou\",\"support\":true}");
        using OmsClient client = Create(_server);

        ShowBucketRegionResponse region = await client.ShowBucketRegionAsync(new ShowBucketRegionReq { CloudType = "Aliyun", BucketName = "src" });

        AssertSingle(_server, "ShowBucketRegion", "POST", ProjectPath + "/objectstorage/buckets/regions");
        Assert.Equal("cn-hangzhou", region.Id);
        Assert.True(region.Support);
    }

    [Fact]
    public async Task ShowCdnInfo_posts_the_cdn_and_reads_the_checked_keys()
    {
        _server.NextResponse = JsonOk("{\"is_same_cloud_type\":true,\"is_download_available\":false,\"checked_keys\":[{\"key\":\"a.txt\",\"is_etag_matching\":false,\"is_object_existing\":true}]}");
        using OmsClient client = Create(_server);

        ShowCdnInfoResponse info = await client.ShowCdnInfoAsync(new ShowCdnInfoReq
        {
            Ak = Canary.SrcAk, Sk = Canary.SrcSk, CloudType = "Aliyun", Region = "cn-hangzhou", Bucket = "src",
            Prefix = new PrefixKeyInfo { Keys = new List<string> { "a.txt" } },
            SourceCdn = new SourceCdnReq { Domain = "cdn.example.com", Protocol = CdnProtocol.Https, AuthenticationType = CdnAuthenticationType.None },
        });

        JsonElement body = BodyObject(AssertSingle(_server, "ShowCdnInfo", "POST", ProjectPath + "/objectstorage/buckets/cdn-info"));
        Assert.Equal("cdn.example.com", body.GetProperty("source_cdn").GetProperty("domain").GetString());
        Assert.False(info.IsDownloadAvailable);
        CheckedKey key = Assert.Single(info.CheckedKeys!);
        Assert.True(key.IsObjectExisting);
    }

    [Fact]
    public async Task CheckPrefix_reads_exist()
    {
        _server.NextResponse = JsonOk("{\"exist\":true}");
        using OmsClient client = Create(_server);

        CheckPrefixResponse result = await client.CheckPrefixAsync(new CheckPrefixReq { CloudType = "Aliyun", BucketName = "src", FileName = "logs/", DataCenter = "cn-hangzhou" });

        JsonElement body = BodyObject(AssertSingle(_server, "CheckPrefix", "POST", ProjectPath + "/objectstorage/buckets/prefix"));
        Assert.Equal("logs/", body.GetProperty("file_name").GetString());
        Assert.True(result.Exist);
    }

    [Fact]
    public async Task CheckUrlSourceListFileFormat_posts_the_file()
    {
        using OmsClient client = Create(_server);

        await client.CheckUrlSourceListFileFormatAsync(new CheckUrlSourceListFileFormatReq
        {
            ObsBucket = "lists", ListFileKey = "urls.txt", Ak = Canary.DstAk, Sk = Canary.DstSk, Region = "cn-north-4",
        });

        JsonElement body = BodyObject(AssertSingle(_server, "CheckUrlSourceListFileFormat", "POST", ProjectPath + "/objectstorage/buckets/url-source-list-file"));
        Assert.Equal("urls.txt", body.GetProperty("list_file_key").GetString());
    }

    [Fact]
    public async Task ShowCloudType_sends_type_and_reads_a_bare_array()
    {
        _server.NextResponse = JsonOk("[\"AWS\",\"Aliyun\",\"HuaweiCloud\"]");
        using OmsClient client = Create(_server);

        List<string> vendors = await client.ShowCloudTypeAsync("src");

        AssertSingle(_server, "ShowCloudType", "GET", ProjectPath + "/objectstorage/cloud-type?type=src");
        Assert.Equal(new[] { "AWS", "Aliyun", "HuaweiCloud" }, vendors);
    }

    [Fact]
    public async Task ShowRegionInfo_reads_a_bare_array_of_vendors()
    {
        _server.NextResponse = JsonOk("[{\"service_name\":\"Aliyun\",\"region_list\":[{\"cloud_type\":\"Aliyun\",\"value\":\"cn-hangzhou\",\"description\":\"Hangzhou\"}]}]");
        using OmsClient client = Create(_server);

        List<ShowRegionInfoResp> vendors = await client.ShowRegionInfoAsync();

        AssertSingle(_server, "ShowRegionInfo", "GET", ProjectPath + "/objectstorage/data-center");
        ShowRegionInfoResp vendor = Assert.Single(vendors);
        Assert.Equal("Aliyun", vendor.ServiceName);
        Assert.Equal("cn-hangzhou", Assert.Single(vendor.RegionList!).Value);
    }

    [Fact]
    public async Task UpdatePrivacyAgreementRecord_posts_without_a_body()
    {
        using OmsClient client = Create(_server);

        await client.UpdatePrivacyAgreementRecordAsync();

        Assert.Empty(AssertSingle(_server, "UpdatePrivacyAgreementRecord", "POST", ProjectPath + "/privacy-agreements").Body);
    }

    [Fact]
    public async Task ListApiVersions_gets_the_root()
    {
        _server.NextResponse = JsonOk("{\"versions\":[{\"id\":\"v2\",\"status\":\"CURRENT\",\"updated\":\"2024-01-01T00:00:00Z\",\"links\":[{\"href\":\"https://oms.cn-north-4.myhuaweicloud.com/v2\",\"rel\":\"self\"}]}]}");
        using OmsClient client = Create(_server);

        ListApiVersionsResponse versions = await client.ListApiVersionsAsync();

        AssertSingle(_server, "ListApiVersions", "GET", "/", inProject: false);
        Version version = Assert.Single(versions.Versions!);
        Assert.Equal(ApiVersionStatus.Current, version.Status);
        Assert.Equal("self", Assert.Single(version.Links!).Rel);
    }

    [Fact]
    public async Task ShowApiInfo_gets_one_version()
    {
        _server.NextResponse = JsonOk("{\"id\":\"v2\",\"status\":\"SUPPORTED\",\"updated\":\"2024-01-01T00:00:00Z\"}");
        using OmsClient client = Create(_server);

        Version version = await client.ShowApiInfoAsync("v2");

        RecordedRequest request = AssertSingle(_server, "ShowApiInfo", "GET", "/v2", inProject: false);
        Assert.Equal("v2", request.ResourceId);
        Assert.Equal(ApiVersionStatus.Supported, version.Status);
    }
}

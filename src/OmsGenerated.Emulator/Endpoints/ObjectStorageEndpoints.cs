using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>
/// The source checks OMS makes before a migration (<c>/v2/{project_id}/objectstorage/…</c>), answered from
/// <see cref="FakeObjectStore"/>. A cloud type OMS does not know, or a missing AK/SK where the vendor needs one, is
/// 400 OMS.0064; an unknown bucket is 400 OMS.1009.
/// </summary>
internal static class ObjectStorageEndpoints
{
    public static void Map(RouteGroupBuilder project)
    {
        RouteGroupBuilder storage = project.MapGroup("/objectstorage");
        storage.MapPost("/buckets", Buckets).WithMetadata(new OmsOperation("ShowBucketList"));
        storage.MapPost("/buckets/objects", Objects).WithMetadata(new OmsOperation("ShowBucketObjects"));
        storage.MapPost("/buckets/regions", Region).WithMetadata(new OmsOperation("ShowBucketRegion"));
        storage.MapPost("/buckets/cdn-info", CdnInfo).WithMetadata(new OmsOperation("ShowCdnInfo"));
        storage.MapPost("/buckets/prefix", Prefix).WithMetadata(new OmsOperation("CheckPrefix"));
        storage.MapPost("/buckets/url-source-list-file", UrlListFile).WithMetadata(new OmsOperation("CheckUrlSourceListFileFormat"));
        storage.MapGet("/cloud-type", CloudTypes).WithMetadata(new OmsOperation("ShowCloudType"));
        storage.MapGet("/data-center", DataCenters).WithMetadata(new OmsOperation("ShowRegionInfo"));
    }

    private static EmulatorResponse Buckets(HttpContext context)
    {
        ListBucketsReq? request = ReadSourceRequest(context, static (ref Utf8JsonReader reader) => ListBucketsReq.ReadJson(ref reader), static r => r.Validate(),
            static r => (r.CloudType, r.Ak, r.Sk, r.ConnectionString, r.JsonAuthFile), out string cloud, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        string[] names = FakeObjectStore.Buckets(cloud).Select(bucket => bucket.Name).ToArray();
        return EmulatorResponse.Json(200, ModelJson.Write(names, static (list, writer) =>
        {
            writer.WriteStartArray();
            foreach (string name in list)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }));
    }

    /// <summary>ShowBucketObjects: one page of the objects under file_path, after the key behind_filename (a marker).</summary>
    private static EmulatorResponse Objects(HttpContext context)
    {
        ShowBucketReq? request = ReadSourceRequest(context, static (ref Utf8JsonReader reader) => ShowBucketReq.ReadJson(ref reader), static r => r.Validate(),
            static r => (r.CloudType, r.Ak, r.Sk, r.ConnectionString, r.JsonAuthFile), out string cloud, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (request.PageSize is < 1 or > 1000)
        {
            return OmsErrors.InvalidParameter("page_size");
        }

        if (FakeObjectStore.Find(cloud, request.BucketName) is not { } bucket || bucket.Region != request.DataCenter)
        {
            return OmsErrors.TaskNotFound();
        }

        List<FakeObject> after = bucket.Under(request.FilePath)
            .Where(o => request.BehindFilename.Length == 0 || string.CompareOrdinal(o.Key, request.BehindFilename) > 0)
            .ToList();
        List<FakeObject> page = after.Take(request.PageSize).ToList();
        var response = new ShowBucketObjectsResponse
        {
            NextPage = after.Count > page.Count,
            NextMarker = after.Count > page.Count ? page[^1].Key : string.Empty,
            Records = page.Select(o => new ShowBucketRecord { Name = o.Key, Size = o.Size.ToString(CultureInfo.InvariantCulture) }).ToList(),
        };
        return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 4096));
    }

    private static EmulatorResponse Region(HttpContext context)
    {
        ShowBucketRegionReq? request = ReadSourceRequest(context, static (ref Utf8JsonReader reader) => ShowBucketRegionReq.ReadJson(ref reader), static r => r.Validate(),
            static r => (r.CloudType, r.Ak, r.Sk, r.ConnectionString, r.JsonAuthFile), out string cloud, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (FakeObjectStore.Find(cloud, request.BucketName) is not { } bucket)
        {
            return OmsErrors.TaskNotFound();
        }

        var response = new ShowBucketRegionResponse { Id = bucket.Region, Name = bucket.Region, Support = true };
        return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer)));
    }

    /// <summary>ShowCdnInfo: which of the prefix keys exist in the bucket (the CDN serves what the bucket has).</summary>
    private static EmulatorResponse CdnInfo(HttpContext context)
    {
        ShowCdnInfoReq? request = ReadSourceRequest(context, static (ref Utf8JsonReader reader) => ShowCdnInfoReq.ReadJson(ref reader), static r => r.Validate(),
            static r => (r.CloudType, r.Ak, r.Sk, r.ConnectionString, null), out string cloud, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (FakeObjectStore.Find(cloud, request.Bucket) is not { } bucket || bucket.Region != request.Region)
        {
            return OmsErrors.TaskNotFound();
        }

        List<string> keys = request.Prefix?.Keys ?? [];
        var response = new ShowCdnInfoResponse
        {
            IsSameCloudType = true,
            IsDownloadAvailable = request.SourceCdn.Domain.Length > 0,
            CheckedKeys = keys.Select(key =>
            {
                bool exists = bucket.Objects.Any(o => o.Key == key);
                return new CheckedKey { Key = key, IsObjectExisting = exists, IsEtagMatching = exists };
            }).ToList(),
        };
        return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 1024));
    }

    private static EmulatorResponse Prefix(HttpContext context)
    {
        CheckPrefixReq? request = ReadSourceRequest(context, static (ref Utf8JsonReader reader) => CheckPrefixReq.ReadJson(ref reader), static r => r.Validate(),
            static r => (r.CloudType, r.Ak, r.Sk, r.ConnectionString, r.JsonAuthFile), out string cloud, out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (FakeObjectStore.Find(cloud, request.BucketName) is not { } bucket || bucket.Region != request.DataCenter)
        {
            return OmsErrors.TaskNotFound();
        }

        var response = new CheckPrefixResponse { Exist = bucket.Under(request.FileName).Any() };
        return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer)));
    }

    /// <summary>CheckUrlSourceListFileFormat: the list file must be a .txt object of an OBS bucket in that region.</summary>
    private static EmulatorResponse UrlListFile(HttpContext context)
    {
        CheckUrlSourceListFileFormatReq? request = Read(context, static (ref Utf8JsonReader reader) => CheckUrlSourceListFileFormatReq.ReadJson(ref reader), static r => r.Validate(), out EmulatorResponse? error);
        if (request is null)
        {
            return error!;
        }

        if (FakeObjectStore.Find("HuaweiCloud", request.ObsBucket) is not { } bucket || bucket.Region != request.Region)
        {
            return OmsErrors.InvalidParameter("obs_bucket");
        }

        return request.ListFileKey.EndsWith(".txt", StringComparison.Ordinal) && request.ListFileKey.Length <= 1024
            ? EmulatorResponse.Empty()
            : OmsErrors.InvalidParameter("list_file_key");
    }

    private static EmulatorResponse CloudTypes(HttpContext context)
    {
        IReadOnlyList<string>? clouds = QueryParameters.Single(context.Request.Query, "type") switch
        {
            "src" => FakeObjectStore.SourceClouds,
            "dst" => FakeObjectStore.DestinationClouds,
            _ => null,
        };
        if (clouds is null)
        {
            return OmsErrors.InvalidParameter("type");
        }

        return EmulatorResponse.Json(200, ModelJson.Write(clouds, static (list, writer) =>
        {
            writer.WriteStartArray();
            foreach (string cloud in list)
            {
                writer.WriteStringValue(cloud);
            }

            writer.WriteEndArray();
        }));
    }

    private static EmulatorResponse DataCenters()
    {
        List<ShowRegionInfoResp> services = FakeObjectStore.Regions
            .Select(pair => new ShowRegionInfoResp
            {
                ServiceName = pair.Key,
                RegionList = pair.Value.Select(region => new OmsGenerated.Oms.RegionInfo { CloudType = pair.Key, Value = region, Description = pair.Key + " " + region }).ToList(),
            })
            .ToList();
        return EmulatorResponse.Json(200, ModelJson.Write(services, static (list, writer) =>
        {
            writer.WriteStartArray();
            foreach (ShowRegionInfoResp service in list)
            {
                service.WriteJson(writer);
            }

            writer.WriteEndArray();
        }, 2048));
    }

    private static T? Read<T>(HttpContext context, OmsGenerated.Runtime.Json.JsonReadFunc<T?> read, Action<T> validate, out EmulatorResponse? error)
        where T : class
        => RequestBodies.ReadModel(EmulatorExchange.Of(context).Body, read, validate, out error);

    /// <summary>
    /// The body (read and validated as <see cref="Read"/>) of an operation that reaches into a source account, with its
    /// vendor checked as <see cref="CheckCloud"/> does; null with the 400 answer in <paramref name="error"/> otherwise.
    /// </summary>
    private static T? ReadSourceRequest<T>(
        HttpContext context,
        OmsGenerated.Runtime.Json.JsonReadFunc<T?> read,
        Action<T> validate,
        Func<T, (string CloudType, string? Ak, string? Sk, string? ConnectionString, string? JsonAuthFile)> account,
        out string cloud,
        out EmulatorResponse? error)
        where T : class
    {
        cloud = string.Empty;
        T? request = Read(context, read, validate, out error);
        if (request is null)
        {
            return null;
        }

        (string cloudType, string? ak, string? sk, string? connectionString, string? jsonAuthFile) = account(request);
        error = CheckCloud(cloudType, ak, sk, connectionString, jsonAuthFile, out cloud);
        return error is null ? request : null;
    }

    /// <summary>The vendor must be known; Azure needs a connection string, Google a JSON auth file, the others an AK and SK.</summary>
    private static EmulatorResponse? CheckCloud(string cloudType, string? ak, string? sk, string? connectionString, string? jsonAuthFile, out string cloud)
    {
        cloud = FakeObjectStore.Canonical(cloudType) ?? string.Empty;
        if (cloud.Length == 0 || cloud == "URLSource")
        {
            return OmsErrors.InvalidParameter("cloud_type");
        }

        switch (cloud)
        {
            case "Azure" when string.IsNullOrEmpty(connectionString) && (string.IsNullOrEmpty(ak) || string.IsNullOrEmpty(sk)):
                return OmsErrors.InvalidParameter("connection_string");
            case "Google" when string.IsNullOrEmpty(jsonAuthFile) && (string.IsNullOrEmpty(ak) || string.IsNullOrEmpty(sk)):
                return OmsErrors.InvalidParameter("json_auth_file");
            case not ("Azure" or "Google") when string.IsNullOrEmpty(ak):
                return OmsErrors.InvalidParameter("ak");
            case not ("Azure" or "Google") when string.IsNullOrEmpty(sk):
                return OmsErrors.InvalidParameter("sk");
            default:
                return null;
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;
using OmsGenerated.Oms;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>ListApiVersions (<c>GET /</c>) and ShowApiInfo (<c>GET /{version}</c>): v2 current, v1 supported. No project in the path.</summary>
internal static class ApiVersionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => List(context)).WithMetadata(new OmsOperation("ListApiVersions"));
        app.MapGet("/{version}", (string version, HttpContext context) => Show(version, context)).WithMetadata(new OmsOperation("ShowApiInfo"));
    }

    private static EmulatorResponse List(HttpContext context)
    {
        var response = new ListApiVersionsResponse { Versions = Versions(context).ToList() };
        return EmulatorResponse.Json(200, ModelJson.Write(response, static (model, writer) => model.WriteJson(writer), 512));
    }

    private static EmulatorResponse Show(string version, HttpContext context)
        => Versions(context).FirstOrDefault(v => v.Id == version) is { } found
            ? EmulatorResponse.Json(200, ModelJson.Write(found, static (model, writer) => model.WriteJson(writer), 256))
            : OmsErrors.NoSuchApi(EmulatorExchange.Of(context).RequestId);

    private static IEnumerable<Version> Versions(HttpContext context)
    {
        string origin = context.Request.Scheme + "://" + context.Request.Host.Value;
        yield return new Version { Id = "v2", Links = [new Link { Href = origin + "/v2/", Rel = "self" }], Status = ApiVersionStatus.Current, Updated = "2021-09-30T00:00:00Z" };
        yield return new Version { Id = "v1", Links = [new Link { Href = origin + "/v1/", Rel = "self" }], Status = ApiVersionStatus.Supported, Updated = "2018-12-31T00:00:00Z" };
    }
}

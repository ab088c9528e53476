using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Generator.Tests.ClientSurface;

/// <summary>
/// Query, header and cookie parameters as they reach the server, byte for byte, for every OpenAPI style: form
/// (explode true and false) for arrays and objects, deepObject, pipeDelimited, spaceDelimited; and parameter names that
/// are also the generator's own locals keep their names.
/// </summary>
public sealed class ParameterSerializationTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Params, version: '1'}
        paths:
          /items/{id}:
            get:
              operationId: listItems
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                - {name: ids, in: query, explode: false, schema: {type: array, items: {type: integer}}}
                - {name: pipes, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
                - {name: spaces, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: string}}}
                - {name: filter, in: query, style: deepObject, schema: {$ref: '#/components/schemas/Filter'}}
                - {name: point, in: query, schema: {$ref: '#/components/schemas/Point'}}
                - {name: range, in: query, explode: false, schema: {$ref: '#/components/schemas/Range'}}
                - {name: meta, in: query, style: deepObject, schema: {type: object, additionalProperties: {type: string}}}
                - {name: query, in: query, schema: {type: string}}
                - {name: url, in: query, schema: {type: string}}
                - {name: request, in: query, schema: {type: string}}
                - {name: item, in: query, schema: {type: string}}
                - {name: itemsbody, in: query, schema: {type: string}}
                - {name: knownstate, in: query, schema: {$ref: '#/components/schemas/State'}}
                - {name: state, in: query, schema: {$ref: '#/components/schemas/State'}}
                - {name: X-Trace, in: header, required: true, schema: {type: string}}
                - {name: X-Ids, in: header, schema: {type: array, items: {type: integer}}}
                - {name: session, in: cookie, required: true, schema: {type: string}}
                - {name: prefs, in: cookie, explode: false, schema: {type: array, items: {type: string}}}
                - {name: theme, in: cookie, schema: {type: string}}
              responses:
                '204': {description: none}
          /batches:
            post:
              operationId: addItems
              parameters:
                - {name: item, in: query, schema: {type: string}}
                - {name: itemsbody, in: query, schema: {type: string}}
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Point'}}
              responses:
                '204': {description: none}
        components:
          schemas:
            State: {type: string, enum: [on, off]}
            Filter:
              type: object
              properties:
                color: {type: string}
                size: {type: integer}
            Point:
              type: object
              required: [x, y]
              properties:
                x: {type: integer}
                y: {type: integer}
            Range:
              type: object
              properties:
                lo: {type: integer}
                hi: {type: integer}
        """;

    [Fact]
    public async Task EveryStyleIsSentAsOpenApiSpecifies()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Answer = (204, new System.Collections.Generic.Dictionary<string, string>(), string.Empty);
        const string probe = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Live.Api;
            public static class Probe
            {
                public static async Task<string> RunAsync(HttpClient http)
                {
                    var client = new LiveClient(http);
                    await client.ListItemsAsync(
                        id: "a/b",
                        xTrace: "t-1",
                        session: "s;1 x",
                        tags: new() { "x", "a b&c" },
                        ids: new() { 1, 2 },
                        pipes: new() { "p", "q|r" },
                        spaces: new() { "s", "t" },
                        filter: new Filter { Color = "red", Size = 3 },
                        point: new Point { X = 1, Y = 2 },
                        range: new Range { Lo = 1, Hi = 9 },
                        meta: new() { ["k"] = "v w" },
                        query: "q", url: "u", request: "r", item: "i", itemsbody: "ib",
                        knownstate: State.On,
                        state: State.Off,
                        xIds: new() { 7, 8 },
                        prefs: new() { "dark", "a,b" },
                        theme: null);
                    await client.AddItemsAsync(new() { new Point { X = 5, Y = 6 } }, item: "i2", itemsbody: "ib2");
                    return "sent";
                }
            }
            """;

        Assert.Equal("sent", await LiveClient.RunAsync(Document, probe, server));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("/batches?item=i2&itemsbody=ib2", server.Requests[1].RawTarget);
        var request = server.Requests[0];
        Assert.Equal(
            "/items/a%2Fb?tags=x&tags=a%20b%26c&ids=1,2&pipes=p%7Cq%7Cr&spaces=s%20t&filter[color]=red&filter[size]=3&x=1&y=2&range=lo,1,hi,9&meta[k]=v%20w"
            + "&query=q&url=u&request=r&item=i&itemsbody=ib&knownstate=on&state=off",
            request.RawTarget);
        Assert.Equal("t-1", request.Header("X-Trace"));
        Assert.Equal("7,8", request.Header("X-Ids"));
        Assert.Equal("session=s%3B1%20x; prefs=dark,a%2Cb", request.Header("Cookie"));
    }

    [Fact]
    public void ParameterNamesAreNeverRenamedForTheGeneratorsLocals()
    {
        var source = LiveClient.Source(Document);
        var signature = source.Split('\n').Single(l => l.Contains("ListItemsAsync(", System.StringComparison.Ordinal) && l.Contains("public ", System.StringComparison.Ordinal));
        foreach (var name in new[] { " query = null", " url = null", " request = null", " item = null", " itemsbody = null", " knownstate = null" })
        {
            Assert.Contains(name, signature, System.StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"\b(query|url|request|item|itemsbody|knownstate)\d\b", signature);
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace OmsGenerated.Generator.Tests.ClientSurface;

/// <summary>
/// The raw twins of operations with non-JSON bodies: a binary response is a stream there too (with the status and the
/// declared headers), and a multipart upload takes one parameter per form field, in the class and in the interface.
/// </summary>
public sealed class RawBodiesTests
{
    private const string Document = """
        openapi: 3.0.3
        info: {title: Files, version: '1'}
        paths:
          /files/{id}:
            get:
              operationId: download
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                '200':
                  description: the file
                  headers: {X-Checksum: {schema: {type: string}}}
                  content: {application/octet-stream: {schema: {type: string, format: binary}}}
          /files:
            post:
              operationId: upload
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file]
                      properties:
                        file: {type: string, format: binary}
                        note: {type: string}
              responses:
                '204': {description: stored}
        """;

    [Fact]
    public async Task A_binary_raw_response_is_a_stream_with_status_and_typed_headers_and_a_multipart_raw_upload_sends_its_fields()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond = request => request.Method == "GET"
            ? (200, new Dictionary<string, string> { ["X-Checksum"] = "abc" }, "file-bytes")
            : (204, new Dictionary<string, string>(), string.Empty);
        const string probe = """
            using System.IO;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using OmsGenerated.Runtime.Http;
            using Live.Api;
            public static class Probe
            {
                public static async Task<string> RunAsync(HttpClient http)
                {
                    ILiveClient client = new LiveClient(http);
                    DownloadApiResponse download = await client.DownloadWithResponseAsync("7");
                    string text;
                    await using (ApiStreamResponse body = download.Value)
                    {
                        text = await new StreamReader(body.Content).ReadToEndAsync();
                    }

                    ApiResponse upload = await client.UploadWithResponseAsync(new ApiFile(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "a.txt", "text/plain"), note: "hi");
                    return string.Join("|", download.StatusCode, download.XChecksum, text, upload.StatusCode);
                }
            }
            """;

        Assert.Equal("200|abc|file-bytes|204", await LiveClient.RunAsync(Document, probe, server));
        Assert.StartsWith("multipart/form-data; boundary=", server.Requests[1].Header("Content-Type"));
    }
}

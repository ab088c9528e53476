using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OmsGenerated.Runtime.Http;
using Xunit;

namespace OmsGenerated.Generator.Tests.Bodies;

/// <summary>Clients generated from <see cref="BodyDocuments"/>, run against a local Kestrel server that checks the exact bytes on the wire.</summary>
public sealed class BodyWireTests : IAsyncLifetime
{
    private static readonly Lazy<Assembly> s_openApi3 = new(() => Compile(BodyDocuments.OpenApi3, "/specs/bodies.yaml", "Bodies.Api", "BodiesClient"));
    private static readonly Lazy<Assembly> s_swagger2 = new(() => Compile(BodyDocuments.Swagger2, "/specs/forms.yaml", "Forms.Api", "FormsClient"));
    private static readonly TimeSpan s_gateTimeout = TimeSpan.FromSeconds(20);

    private WireServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await WireServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task MultipartSendsFieldsJsonAndStreamedFilesAsParts()
    {
        string? contentType = null;
        byte[] body = Array.Empty<byte>();
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            body = await WireServer.ReadBodyAsync(context);
            context.Response.StatusCode = 204;
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        using var png = new MemoryStream(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        var file = new ApiFile(png, "pixel.png", "image/png");
        var notes = new ApiFile(new MemoryStream(Encoding.UTF8.GetBytes("a;b")), "notes.csv", "text/csv");
        dynamic meta = Activator.CreateInstance(s_openApi3.Value.GetType("Bodies.Api.Thing", true)!)!;
        meta.Name = "m";
        var tags = new System.Collections.Generic.List<string> { "x", "y z" };
        await (Task)client.UploadMultipartAsync("Ünïcode \"title\"", file, 3, tags, meta, new[] { notes }, CancellationToken.None);

        Assert.StartsWith("multipart/form-data; boundary=", contentType, StringComparison.Ordinal);
        var boundary = contentType!.Substring("multipart/form-data; boundary=".Length).Trim('"');
        var expected =
            "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nÜnïcode \"title\""
            + "\r\n--" + boundary + "\r\nContent-Type: image/png\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pixel.png\"\r\n\r\n\u0089PNG"
            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3"
            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nx"
            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\ny z"
            + "\r\n--" + boundary + "\r\nContent-Type: application/json\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n{\"name\":\"m\"}"
            + "\r\n--" + boundary + "\r\nContent-Type: text/csv\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"notes.csv\"\r\n\r\na;b"
            + "\r\n--" + boundary + "--\r\n";
        Assert.Equal(Latin1OrUtf8(expected), body);
        Assert.True(png.CanRead, "the caller's stream is the caller's to dispose");
    }

    [Fact]
    public async Task UrlEncodedFormSendsFieldsInOrderWithRepeatedArrays()
    {
        string? contentType = null;
        string body = string.Empty;
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            body = Encoding.ASCII.GetString(await WireServer.ReadBodyAsync(context));
            context.Response.StatusCode = 204;
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        await (Task)client.SubmitFormAsync("a b&c=d", 42, new System.Collections.Generic.List<string> { "1", "ü" }, CancellationToken.None);
        Assert.Equal("application/x-www-form-urlencoded", contentType);
        Assert.Equal("name=a+b%26c%3Dd&amount=42&flags=1&flags=%C3%BC", body);

        await (Task)client.SubmitFormAsync("only", null, null, CancellationToken.None);
        Assert.Equal("name=only", body);

        await (Task)client.SubmitAnyFormAsync(new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v 1" }, CancellationToken.None);
        Assert.Equal("k=v+1", body);
    }

    [Fact]
    public async Task OctetStreamUploadIsStreamedNotBuffered()
    {
        var first = Enumerable.Range(0, 64 * 1024).Select(i => (byte)i).ToArray();
        var second = Encoding.ASCII.GetBytes("the rest");
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? contentType = null;
        string? transferEncoding = null;
        byte[] received = Array.Empty<byte>();
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            transferEncoding = context.Request.Headers.TransferEncoding;
            using var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length >= first.Length)
                {
                    firstArrived.TrySetResult();
                }
            }

            received = buffer.ToArray();
            context.Response.StatusCode = 204;
        };

        // the second part is only produced once the server has the first: a client that buffered the stream would never send
        var source = new GatedStream(first, second, firstArrived.Task);
        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        await (Task)client.UploadRawAsync(source, CancellationToken.None);

        Assert.Equal("application/octet-stream", contentType);
        Assert.Equal("chunked", transferEncoding);
        Assert.Equal(first.Concat(second).ToArray(), received);
        Assert.False(source.IsDisposed);
    }

    [Fact]
    public async Task TextGoesBothWaysWithItsContentType()
    {
        string? contentType = null;
        string? accept = null;
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            accept = context.Request.Headers.Accept;
            var text = Encoding.UTF8.GetString(await WireServer.ReadBodyAsync(context));
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(text.ToUpperInvariant());
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        string answer = await (Task<string>)client.EchoTextAsync("héllo", CancellationToken.None);

        Assert.Equal("text/plain; charset=utf-8", contentType);
        Assert.Equal("text/plain", accept);
        Assert.Equal("HÉLLO", answer);
    }

    [Fact]
    public async Task VendorJsonIsSentAndAcceptedWithItsDeclaredType()
    {
        string? contentType = null;
        string? accept = null;
        string body = string.Empty;
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            accept = context.Request.Headers.Accept;
            body = Encoding.UTF8.GetString(await WireServer.ReadBodyAsync(context));
            context.Response.ContentType = "application/vnd.bodies.thing+json";
            await context.Response.WriteAsync("{\"name\":\"patched\"}");
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        dynamic patch = Activator.CreateInstance(s_openApi3.Value.GetType("Bodies.Api.Thing", true)!)!;
        patch.Name = "new";
        var task = (Task)client.PatchThingAsync("t1", patch, CancellationToken.None);
        await task;
        dynamic result = ((dynamic)task).Result;

        Assert.Equal("application/merge-patch+json", contentType);
        Assert.Equal("application/vnd.bodies.thing+json", accept);
        Assert.Equal("{\"name\":\"new\"}", body);
        Assert.Equal("patched", (string)result.Name);
    }

    [Fact]
    public async Task JsonIsPreferredAmongSeveralTypesAndAnOptionalBodyIsOptional()
    {
        string? contentType = null;
        long? length = null;
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            length = (await WireServer.ReadBodyAsync(context)).Length;
            context.Response.StatusCode = 204;
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        dynamic thing = Activator.CreateInstance(s_openApi3.Value.GetType("Bodies.Api.Thing", true)!)!;
        await (Task)client.ChooseJsonAsync(thing, CancellationToken.None);
        Assert.Equal("application/json; charset=utf-8", contentType, ignoreCase: true);

        await (Task)client.OptionalBodyAsync(null, CancellationToken.None);
        Assert.Null(contentType);
        Assert.Equal(0, length);

        await (Task)client.OptionalBodyAsync(thing, CancellationToken.None);
        Assert.Equal(2, length);
    }

    [Fact]
    public async Task BinaryDownloadIsAStreamReadAsItArrives()
    {
        var first = Encoding.ASCII.GetBytes("first part;");
        var second = Encoding.ASCII.GetBytes("second part");
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string? accept = null;
        _server.Handler = async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(first);
            await context.Response.Body.FlushAsync();
            await firstRead.Task.WaitAsync(s_gateTimeout);
            await context.Response.Body.WriteAsync(second);
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        var task = (Task<ApiStreamResponse>)client.DownloadAsync(CancellationToken.None);
        await using var response = await task;
        Assert.Equal("application/octet-stream", response.ContentType);
        Assert.Equal("application/octet-stream", accept);

        // the server holds back the rest until the first part was read here: a buffered download would never return
        var buffer = new byte[first.Length];
        await response.Content.ReadExactlyAsync(buffer);
        Assert.Equal(first, buffer);
        firstRead.SetResult();
        using var rest = new MemoryStream();
        await response.Content.CopyToAsync(rest);
        Assert.Equal(second, rest.ToArray());
    }

    [Fact]
    public async Task DisposingTheDownloadReleasesTheConnection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Handler = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: one\n\n");
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(s_gateTimeout, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.SetResult();
            }
        };

        dynamic client = NewClient(s_openApi3.Value, "Bodies.Api.BodiesClient");
        var response = await (Task<ApiStreamResponse>)client.EventsAsync(CancellationToken.None);
        Assert.Equal("text/event-stream", response.ContentType);
        var buffer = new byte[11];
        await response.Content.ReadExactlyAsync(buffer);
        Assert.Equal("data: one\n\n", Encoding.ASCII.GetString(buffer));

        await response.DisposeAsync();
        // the server sees the client go away long before it would have finished the response on its own
        await aborted.Task.WaitAsync(s_gateTimeout);
    }

    [Fact]
    public async Task Swagger2FormDataIsSentAsMultipartOrUrlEncoded()
    {
        string? contentType = null;
        byte[] body = Array.Empty<byte>();
        _server.Handler = async context =>
        {
            contentType = context.Request.ContentType;
            body = await WireServer.ReadBodyAsync(context);
            if (context.Request.Path == "/report")
            {
                context.Response.ContentType = "application/pdf";
                await context.Response.WriteAsync("%PDF-1.7");
                return;
            }

            context.Response.StatusCode = 204;
        };

        dynamic client = NewClient(s_swagger2.Value, "Forms.Api.FormsClient");
        await (Task)client.UploadAsync(new ApiFile(new MemoryStream(new byte[] { 1, 2 }), "a.bin"), "d", CancellationToken.None);
        var boundary = contentType!.Substring("multipart/form-data; boundary=".Length).Trim('"');
        Assert.Equal(
            Latin1OrUtf8("--" + boundary + "\r\nContent-Type: application/octet-stream\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n\r\n\u0001\u0002"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nd\r\n--" + boundary + "--\r\n"),
            body);

        await (Task)client.LoginAsync("me", true, CancellationToken.None);
        Assert.Equal("application/x-www-form-urlencoded", contentType);
        Assert.Equal("user=me&remember=true", Encoding.ASCII.GetString(body));

        await using var report = await (Task<ApiStreamResponse>)client.ReportAsync(CancellationToken.None);
        Assert.Equal("application/pdf", report.ContentType);
        Assert.Equal("%PDF-1.7", await new StreamReader(report.Content).ReadToEndAsync());
    }

    [Fact]
    public void TheChosenContentTypeIsInTheXmlDocs()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec("/specs/bodies.yaml", BodyDocuments.OpenApi3, "Bodies.Api", "BodiesClient"));
        var client = result.Output.GetTypeByMetadataName("Bodies.Api.BodiesClient")!;
        var choose = client.GetMembers("ChooseJsonAsync").Single().GetDocumentationCommentXml()!;
        Assert.Contains("Sent as application/json; the document also allows application/xml, text/plain.", choose, StringComparison.Ordinal);
        var download = client.GetMembers("DownloadAsync").Single().GetDocumentationCommentXml()!;
        Assert.Contains("as a stream (application/octet-stream)", download, StringComparison.Ordinal);
    }

    // the expected text holds raw bytes below U+0100 (PNG's 0x89) and UTF-8 text: encode each part as it is sent
    private static byte[] Latin1OrUtf8(string text)
    {
        var bytes = new System.Collections.Generic.List<byte>();
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u00FF' && c != 'Ü' && c != 'ï')
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return bytes.ToArray();
    }

    private object NewClient(Assembly assembly, string typeName)
        => Activator.CreateInstance(assembly.GetType(typeName, throwOnError: true)!, _http, null)!;

    private static Assembly Compile(string text, string path, string ns, string clientName)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Spec(path, text, ns, clientName));
        Assert.Empty(result.CompileDiagnostics);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        return new AssemblyLoadContext("bodies-" + Guid.NewGuid().ToString("N")).LoadFromStream(stream);
    }

    /// <summary>A non-seekable source that produces its second part only after the gate opens.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly byte[] _first;
        private readonly byte[] _second;
        private readonly Task _gate;
        private int _state;

        public GatedStream(byte[] first, byte[] second, Task gate)
        {
            _first = first;
            _second = second;
            _gate = gate;
        }

        public bool IsDisposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            switch (_state)
            {
                case 0:
                    _state = 1;
                    _first.CopyTo(buffer);
                    return _first.Length;
                case 1:
                    await _gate.WaitAsync(s_gateTimeout, cancellationToken);
                    _state = 2;
                    _second.CopyTo(buffer);
                    return _second.Length;
                default:
                    return 0;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}

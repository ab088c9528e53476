using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmsGenerated.Tests.Shared;

/// <summary>What the stub answers to a request that passed its checks (scripted per test).</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="ContentType">Content-Type of the body, or null for none.</param>
/// <param name="Body">The body; the token <c>{request_id}</c> is replaced by the request ID the stub issued.</param>
public sealed record StubResponse(int StatusCode, string? ContentType, string Body)
{
    /// <summary>The media type of JSON bodies, as OMS sends it.</summary>
    public const string Json = "application/json;charset=UTF-8";

    /// <summary>How long to wait before answering (aborted when the client disconnects).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>200 with an empty body (StartTask's success).</summary>
    public static StubResponse Ok() => new(200, null, string.Empty);

    /// <summary>400 OMS.0064 naming dst_ak in error_detail.</summary>
    public static StubResponse Oms0064() => new(400, Json,
        "{\"error_code\":\"OMS.0064\",\"error_msg\":\"Invalid request parameters.\",\"error_detail\":\"request parameter [dst_ak] invalid.\"}");

    /// <summary>400 OMS.0066.</summary>
    public static StubResponse Oms0066() => new(400, Json,
        "{\"error_code\":\"OMS.0066\",\"error_msg\":\"The task is not in the migrating state.\"}");

    /// <summary>502 with a large HTML page, as a gateway or load balancer sends it.</summary>
    public static StubResponse BadGatewayHtml() => new(502, "text/html; charset=utf-8", BadGatewayPage);

    /// <summary>401 APIGW.0301 (bad AK/SK signature) with request_id in the body.</summary>
    public static StubResponse Apigw0301(string detail = "verify aksk signature fail") => new(401, Json,
        "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: " + detail + "\",\"request_id\":\"{request_id}\"}");

    /// <summary>The HTML page of <see cref="BadGatewayHtml"/>: about 20 KB, starting with a recognisable title.</summary>
    public static string BadGatewayPage { get; } =
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
        + string.Concat(Enumerable.Repeat("<p>upstream connect error or disconnect/reset before headers</p>\n", 300))
        + "<hr><center>stub-gateway</center></body></html>";
}

/// <summary>One request the stub received, with what it found.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(string method, string rawTarget, string path, IReadOnlyDictionary<string, string> headers, byte[] body, string requestId)
    {
        Method = method;
        RawTarget = rawTarget;
        Path = path;
        Headers = headers;
        Body = body;
        RequestId = requestId;
    }

    /// <summary>HTTP method.</summary>
    public string Method { get; }

    /// <summary>The raw request target (path and query) as received.</summary>
    public string RawTarget { get; }

    /// <summary>The decoded path.</summary>
    public string Path { get; }

    /// <summary>Request headers (case-insensitive names; repeated values joined by ", ").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The exact body bytes.</summary>
    public byte[] Body { get; }

    /// <summary>The X-Request-Id the stub answered with.</summary>
    public string RequestId { get; }

    /// <summary>The OMS operation the method and path matched (<c>StartTask</c>, <c>ListTasks</c>, …), or null for none.</summary>
    public string? Operation { get; internal set; }

    /// <summary>The {project_id} path segment, when the path matched an OMS operation.</summary>
    public string? ProjectId { get; internal set; }

    /// <summary>The {task_id} path segment, when the path matched an operation on one task.</summary>
    public string? TaskId { get; internal set; }

    /// <summary>The {group_id}, {sync_task_id} or {version} path segment, when the path has one.</summary>
    public string? ResourceId { get; internal set; }

    /// <summary>The body parsed as JSON, when it was JSON.</summary>
    public JsonElement? Json { get; internal set; }

    /// <summary>How the request authenticated: "aksk", "token" or "none".</summary>
    public string AuthMode { get; internal set; } = "none";

    /// <summary>Whether authentication (AK/SK signature and X-Sdk-Date, or the token) was valid.</summary>
    public bool AuthValid { get; internal set; }

    /// <summary>Why authentication failed (never contains a secret).</summary>
    public string AuthFailure { get; internal set; } = string.Empty;

    /// <summary>Problems with the method, path, Content-Type or body (empty when the request was well formed).</summary>
    public List<string> Problems { get; } = new();

    /// <summary>The status the stub answered with.</summary>
    public int ResponseStatus { get; internal set; }

    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>A string property of the JSON body, or null.</summary>
    public string? JsonString(string name)
        => Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>Settings of an <see cref="OmsStubServer"/>.</summary>
public sealed class OmsStubServerOptions
{
    /// <summary>The AK requests must be signed with.</summary>
    public required string AccessKey { get; init; }

    /// <summary>The SK the stub verifies signatures with.</summary>
    public required string SecretKey { get; init; }

    /// <summary>The X-Auth-Token the stub accepts, or null to reject token authentication.</summary>
    public string? AuthToken { get; init; }

    /// <summary>How far X-Sdk-Date may be from the stub's clock (Huawei API Gateway: 15 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// An in-process OMS stand-in: an ASP.NET Core minimal API on Kestrel at <c>http://127.0.0.1:{ephemeral}</c> that
/// serves the OMS v2 API (<c>POST /v2/{project_id}/tasks/{task_id}/start</c> with full body checks, and the other 34
/// operations of reference §1 by route) like OMS behind API Gateway would.
/// </summary>
/// <remarks>
/// <para>For every request it records the method, raw target, headers and raw body bytes (request buffering is
/// enabled), then checks authentication as the gateway does: an <c>SDK-HMAC-SHA256</c> signature verified with
/// <see cref="IndependentAkSkVerifier"/> plus <c>X-Sdk-Date</c> within 15 minutes, or a known <c>X-Auth-Token</c>.
/// A failure is answered with 401 <c>APIGW.0301</c> and a <c>request_id</c> in the body.</para>
/// <para>It then checks the method and path against the OMS operations (404 <c>APIGW.0101</c> for none), that
/// <c>X-Project-Id</c> matches the path, and for StartTask the JSON Content-Type and body (an object with string dst_ak
/// and dst_sk, other fields of the right types), for CreateTask a JSON object body, and for the other operations no
/// body; a problem is answered with 400 <c>STUB.0400</c> naming it. Otherwise it answers with
/// <see cref="NextResponse"/>. Every response carries <c>X-Request-Id</c>.</para>
/// </remarks>
public sealed class OmsStubServer : IAsyncDisposable
{
    /// <summary>The OMS operations the stub serves: method, path pattern and operation ID (as in spec/oms.openapi.yaml).</summary>
    private static readonly (string Method, Regex Path, string Operation)[] s_routes =
    {
        ("GET", new Regex("^/v2/(?<project>[^/]+)/tasks$", RegexOptions.CultureInvariant), "ListTasks"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/tasks$", RegexOptions.CultureInvariant), "CreateTask"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/tasks/(?<task>[^/]+)$", RegexOptions.CultureInvariant), "ShowTask"),
        ("DELETE", new Regex("^/v2/(?<project>[^/]+)/tasks/(?<task>[^/]+)$", RegexOptions.CultureInvariant), "DeleteTask"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/tasks/(?<task>[^/]+)/start$", RegexOptions.CultureInvariant), "StartTask"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/tasks/(?<task>[^/]+)/stop$", RegexOptions.CultureInvariant), "StopTask"),
        ("PUT", new Regex("^/v2/(?<project>[^/]+)/tasks/(?<task>[^/]+)/bandwidth-policy$", RegexOptions.CultureInvariant), "UpdateBandwidthPolicy"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/tasks/batch-update$", RegexOptions.CultureInvariant), "BatchUpdateTasks"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/taskgroups$", RegexOptions.CultureInvariant), "ListTaskGroup"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/taskgroups$", RegexOptions.CultureInvariant), "CreateTaskGroup"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)$", RegexOptions.CultureInvariant), "ShowTaskGroup"),
        ("DELETE", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)$", RegexOptions.CultureInvariant), "DeleteTaskGroup"),
        ("PUT", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)/stop$", RegexOptions.CultureInvariant), "StopTaskGroup"),
        ("PUT", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)/start$", RegexOptions.CultureInvariant), "StartTaskGroup"),
        ("PUT", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)/retry$", RegexOptions.CultureInvariant), "RetryTaskGroup"),
        ("PUT", new Regex("^/v2/(?<project>[^/]+)/taskgroups/(?<group>[^/]+)/update$", RegexOptions.CultureInvariant), "UpdateTaskGroup"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/sync-tasks$", RegexOptions.CultureInvariant), "ListSyncTasks"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/sync-tasks$", RegexOptions.CultureInvariant), "CreateSyncTask"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)$", RegexOptions.CultureInvariant), "ShowSyncTask"),
        ("DELETE", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)$", RegexOptions.CultureInvariant), "DeleteSyncTask"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)/start$", RegexOptions.CultureInvariant), "StartSyncTask"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)/stop$", RegexOptions.CultureInvariant), "StopSyncTask"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)/events$", RegexOptions.CultureInvariant), "CreateSyncEvents"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/sync-tasks/(?<sync>[^/]+)/statistics$", RegexOptions.CultureInvariant), "ListSyncTaskStatistic"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets$", RegexOptions.CultureInvariant), "ShowBucketList"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets/objects$", RegexOptions.CultureInvariant), "ShowBucketObjects"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets/regions$", RegexOptions.CultureInvariant), "ShowBucketRegion"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets/cdn-info$", RegexOptions.CultureInvariant), "ShowCdnInfo"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets/prefix$", RegexOptions.CultureInvariant), "CheckPrefix"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/objectstorage/buckets/url-source-list-file$", RegexOptions.CultureInvariant), "CheckUrlSourceListFileFormat"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/objectstorage/cloud-type$", RegexOptions.CultureInvariant), "ShowCloudType"),
        ("GET", new Regex("^/v2/(?<project>[^/]+)/objectstorage/data-center$", RegexOptions.CultureInvariant), "ShowRegionInfo"),
        ("POST", new Regex("^/v2/(?<project>[^/]+)/privacy-agreements$", RegexOptions.CultureInvariant), "UpdatePrivacyAgreementRecord"),
        ("GET", new Regex("^/$", RegexOptions.CultureInvariant), "ListApiVersions"),
        ("GET", new Regex("^/(?<version>v[0-9]+)$", RegexOptions.CultureInvariant), "ShowApiInfo"),
    };

    /// <summary>The operations besides StartTask whose request body is a JSON object (reference §1 and §1.6); every other one has no body.</summary>
    private static readonly HashSet<string> s_objectBodyOperations = new(StringComparer.Ordinal)
    {
        "CreateTask", "UpdateBandwidthPolicy", "BatchUpdateTasks", "CreateTaskGroup", "StartTaskGroup", "RetryTaskGroup", "UpdateTaskGroup",
        "CreateSyncTask", "StartSyncTask", "CreateSyncEvents", "ShowBucketList", "ShowBucketObjects", "ShowBucketRegion", "ShowCdnInfo",
        "CheckPrefix", "CheckUrlSourceListFileFormat",
    };

    private static readonly HashSet<string> s_stringFields = new(StringComparer.Ordinal)
    {
        "src_ak", "src_sk", "connection_string", "src_crypto_type", "src_kms_key_id", "json_auth_file", "src_security_token",
        "dst_ak", "dst_sk", "dst_crypto_type", "dst_kms_key_id", "dst_security_token",
        "source_cdn_authentication_key", "source_cdn_crypto_type", "source_cdn_kms_key_id",
    };

    private readonly WebApplication _app;
    private readonly OmsStubServerOptions _options;
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = new();
    private readonly Queue<StubResponse> _queued = new();
    private StubResponse _next = StubResponse.Ok();
    private int _counter;

    private OmsStubServer(WebApplication app, OmsStubServerOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The scripted answer to well-formed, authenticated requests (of any served operation). Defaults to 200 with an empty body.</summary>
    public StubResponse NextResponse
    {
        get { lock (_gate) { return _next; } }
        set { lock (_gate) { _next = value ?? throw new ArgumentNullException(nameof(value)); } }
    }

    /// <summary>Answers for the next well-formed requests, one each in order; after them, <see cref="NextResponse"/> again.</summary>
    public void Enqueue(params StubResponse[] responses)
    {
        lock (_gate)
        {
            foreach (StubResponse response in responses)
            {
                _queued.Enqueue(response ?? throw new ArgumentNullException(nameof(responses)));
            }
        }
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return _requests.ToArray(); } }
    }

    /// <summary>Starts a stub on an ephemeral port of 127.0.0.1.</summary>
    public static async Task<OmsStubServer> StartAsync(OmsStubServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OmsStubServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");

        WebApplication app = builder.Build();
        var server = new OmsStubServer(app, options);
        app.MapPost("/v2/{project_id}/tasks/{task_id}/start", (RequestDelegate)server.HandleAsync);
        app.MapFallback((RequestDelegate)server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/'), UriKind.Absolute);
        return server;
    }

    /// <summary>Forgets the recorded requests and goes back to answering 200.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _queued.Clear();
            _next = StubResponse.Ok();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        request.EnableBuffering();
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await request.Body.CopyToAsync(copy, context.RequestAborted).ConfigureAwait(false);
            body = copy.ToArray();
        }

        request.Body.Position = 0;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        string requestId = "stub-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");
        var record = new RecordedRequest(request.Method, rawTarget, request.Path.Value ?? string.Empty, headers, body, requestId);
        lock (_gate)
        {
            _requests.Add(record);
        }

        StubResponse? own = Evaluate(record, request.ContentType);
        StubResponse response;
        lock (_gate)
        {
            response = own ?? (_queued.Count > 0 ? _queued.Dequeue() : _next);
        }
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                record.ResponseStatus = 499;
                return;
            }
        }

        record.ResponseStatus = response.StatusCode;
        context.Response.StatusCode = response.StatusCode;
        context.Response.Headers["X-Request-Id"] = requestId;
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body.Length > 0)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(response.Body.Replace("{request_id}", requestId, StringComparison.Ordinal));
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The stub's own answer when the request is unauthenticated or malformed; null to use the scripted one.</summary>
    private StubResponse? Evaluate(RecordedRequest record, string? contentType)
    {
        // 1. Authentication, as API Gateway does it before anything reaches OMS.
        if (record.Header("Authorization") is not null)
        {
            record.AuthMode = "aksk";
            if (!IndependentAkSkVerifier.Verify(record.Method, record.RawTarget, record.Headers, record.Body, _options.AccessKey, _options.SecretKey, out string reason))
            {
                record.AuthFailure = reason;
            }
            else if (!SdkDateIsFresh(record.Header("X-Sdk-Date"), out string dateProblem))
            {
                record.AuthFailure = dateProblem;
            }
            else
            {
                record.AuthValid = true;
            }
        }
        else if (record.Header("X-Auth-Token") is { } token)
        {
            record.AuthMode = "token";
            if (_options.AuthToken is not null && string.Equals(token, _options.AuthToken, StringComparison.Ordinal))
            {
                record.AuthValid = true;
            }
            else
            {
                record.AuthFailure = "unknown token";
            }
        }
        else
        {
            record.AuthFailure = "no Authorization or X-Auth-Token header";
        }

        if (!record.AuthValid)
        {
            return StubResponse.Apigw0301(record.AuthMode == "token" ? "decrypt token fail" : "verify aksk signature fail");
        }

        // 2. Route, method, headers and body.
        Match? match = null;
        foreach ((string method, Regex path, string operation) in s_routes)
        {
            if (string.Equals(record.Method, method, StringComparison.Ordinal) && path.Match(record.Path) is { Success: true } candidate)
            {
                match = candidate;
                record.Operation = operation;
                break;
            }
        }

        if (match is null)
        {
            record.Problems.Add("no such API: " + record.Method + " " + record.Path);
            return new StubResponse(404, StubResponse.Json,
                "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist or has not been published in the environment\",\"request_id\":\"{request_id}\"}");
        }

        record.ProjectId = match.Groups["project"].Success ? match.Groups["project"].Value : null;
        record.ResourceId = match.Groups["group"].Success ? match.Groups["group"].Value
            : match.Groups["sync"].Success ? match.Groups["sync"].Value
            : match.Groups["version"].Success ? match.Groups["version"].Value
            : null;
        if (match.Groups["task"].Success)
        {
            record.TaskId = match.Groups["task"].Value;
            if (!long.TryParse(record.TaskId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                record.Problems.Add("task_id is not an integer");
            }
        }

        if (record.ProjectId is not null && record.Header("X-Project-Id") is { } headerProject && !string.Equals(headerProject, record.ProjectId, StringComparison.Ordinal))
        {
            record.Problems.Add("X-Project-Id differs from the project_id in the path");
        }

        if (record.Operation == "StartTask" || s_objectBodyOperations.Contains(record.Operation!))
        {
            if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? media)
                || !string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                record.Problems.Add("Content-Type is not application/json");
            }

            if (record.Operation == "StartTask")
            {
                CheckBody(record);
            }
            else
            {
                CheckObjectBody(record);
            }
        }
        else if (record.Body.Length > 0)
        {
            record.Problems.Add(record.Operation + " has no request body, but one was sent");
        }

        if (record.Problems.Count > 0)
        {
            string detail = JsonEncodedText.Encode(string.Join("; ", record.Problems)).ToString();
            return new StubResponse(400, StubResponse.Json, "{\"error_code\":\"STUB.0400\",\"error_msg\":\"The stub rejected the request.\",\"error_detail\":\"" + detail + "\"}");
        }

        return null;
    }

    /// <summary>CreateTask and the other operations with a body: a JSON object (the emulator checks its fields; the stub records it).</summary>
    private static void CheckObjectBody(RecordedRequest record)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(record.Body);
            record.Json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            record.Problems.Add("the body is not JSON");
            return;
        }

        if (record.Json.Value.ValueKind != JsonValueKind.Object)
        {
            record.Problems.Add("the body is not a JSON object");
        }
    }

    /// <summary>StartTask: the body is an object with string dst_ak and dst_sk and only known fields of the right types.</summary>
    private static void CheckBody(RecordedRequest record)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(record.Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            record.Problems.Add("the body is not JSON");
            return;
        }

        record.Json = root;
        if (root.ValueKind != JsonValueKind.Object)
        {
            record.Problems.Add("the body is not a JSON object");
            return;
        }

        foreach (string required in new[] { "dst_ak", "dst_sk" })
        {
            if (!root.TryGetProperty(required, out JsonElement value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                record.Problems.Add(required + " is missing or not a non-empty string");
            }
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (s_stringFields.Contains(property.Name))
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    record.Problems.Add(property.Name + " is not a string");
                }
            }
            else if (property.Name == "migrate_failed_object")
            {
                if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    record.Problems.Add("migrate_failed_object is not a boolean");
                }
            }
            else
            {
                record.Problems.Add("unknown field " + property.Name);
            }
        }
    }

    private bool SdkDateIsFresh(string? value, out string problem)
    {
        if (value is null)
        {
            problem = "X-Sdk-Date is missing";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset date))
        {
            problem = "X-Sdk-Date is not yyyyMMddTHHmmssZ";
            return false;
        }

        if ((DateTimeOffset.UtcNow - date).Duration() > _options.MaxClockSkew)
        {
            problem = "X-Sdk-Date is more than " + _options.MaxClockSkew.TotalMinutes.ToString(CultureInfo.InvariantCulture) + " minutes from the server clock";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}

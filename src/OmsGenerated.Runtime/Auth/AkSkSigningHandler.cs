using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using OmsGenerated.Runtime.Http;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Signs every outgoing request with Huawei Cloud AK/SK (<c>SDK-HMAC-SHA256</c>).
/// </summary>
/// <remarks>
/// <para>Per request: formats <c>X-Sdk-Date</c> once (UTC, from the <see cref="TimeProvider"/>), sets <c>Host</c>
/// (port only when not the scheme default) unless already set, <c>X-Project-Id</c> and <c>X-Security-Token</c> when the
/// credentials have them, then signs <c>host</c>, <c>x-project-id</c>, <c>x-sdk-date</c> and <c>x-security-token</c>
/// (those present). <c>Content-Type</c> is sent but not signed, as the official .NET SDK does.</para>
/// <para>The body hash uses <see cref="JsonBodyContent.Utf8Json"/> directly; other JSON or BSON content (or content without
/// a Content-Type) is buffered first. Any other Content-Type (multipart, octet-stream, …) is sent as it is with
/// <c>X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD</c>, signed, in place of the body hash, as the official SDKs do. An
/// <c>X-Sdk-Content-Sha256</c> the caller set is signed and used as it is.</para>
/// <para>A request that already carries an <c>Authorization</c> header is passed through untouched, unless that header is
/// an <c>SDK-HMAC-SHA256</c> signature by the same access key (e.g. a retry of a request signed here): that one is
/// re-signed with a fresh date.</para>
/// </remarks>
public sealed class AkSkSigningHandler : DelegatingHandler
{
    private const string AuthorizationHeader = "Authorization";
    private const string ProjectIdHeader = "X-Project-Id";
    private const string SecurityTokenHeader = "X-Security-Token";

    private readonly IHuaweiCloudCredentialProvider _credentials;
    private readonly TimeProvider _timeProvider;
    private volatile bool _pipelineChecked;

    /// <summary>Signs with fixed credentials.</summary>
    public AkSkSigningHandler(HuaweiCloudCredentials credentials, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = new FixedCredentialProvider(credentials);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Signs with credentials fetched for every request (so they can rotate, e.g. temporary STS credentials).</summary>
    public AkSkSigningHandler(Func<HuaweiCloudCredentials> credentialsProvider, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credentialsProvider);
        _credentials = new DelegateCredentialProvider(credentialsProvider);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Signs with credentials awaited from <paramref name="credentialProvider"/> for every request (for example a
    /// <see cref="RefreshingCredentialProvider"/> of temporary credentials). A provider that returns cached credentials
    /// synchronously adds no allocation.
    /// </summary>
    public AkSkSigningHandler(IHuaweiCloudCredentialProvider credentialProvider, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(credentialProvider);
        _credentials = credentialProvider;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPipeline();
        ValueTask<HuaweiCloudCredentials> pending = _credentials.GetCredentialsAsync(cancellationToken);
        return pending.IsCompletedSuccessfully
            ? SendSignedAsync(request, CheckCredentials(pending.Result), cancellationToken)
            : AwaitCredentialsThenSendAsync(request, pending, cancellationToken);
    }

    private async Task<HttpResponseMessage> AwaitCredentialsThenSendAsync(
        HttpRequestMessage request,
        ValueTask<HuaweiCloudCredentials> pending,
        CancellationToken cancellationToken)
    {
        HuaweiCloudCredentials credentials = CheckCredentials(await pending.ConfigureAwait(false));
        return await SendSignedAsync(request, credentials, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendSignedAsync(HttpRequestMessage request, HuaweiCloudCredentials credentials, CancellationToken cancellationToken)
    {
        if (HasForeignAuthorization(request, credentials))
        {
            return base.SendAsync(request, cancellationToken);
        }

        HttpContent? content = request.Content;
        if (content is null)
        {
            Sign(request, credentials, ReadOnlySpan<byte>.Empty);
            return base.SendAsync(request, cancellationToken);
        }

        if (content is JsonBodyContent json)
        {
            Sign(request, credentials, json.Utf8Json.Span);
            return base.SendAsync(request, cancellationToken);
        }

        if (LeavesBodyUnsigned(request, content))
        {
            Sign(request, credentials, ReadOnlySpan<byte>.Empty);
            return base.SendAsync(request, cancellationToken);
        }

        return SignBufferedAndSendAsync(request, content, credentials, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPipeline();
        ValueTask<HuaweiCloudCredentials> pending = _credentials.GetCredentialsAsync(cancellationToken);

        // The synchronous Send API leaves no choice but to block on a provider that has to fetch.
        HuaweiCloudCredentials credentials = CheckCredentials(pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult());
        if (!HasForeignAuthorization(request, credentials))
        {
            switch (request.Content)
            {
                case null:
                    Sign(request, credentials, ReadOnlySpan<byte>.Empty);
                    break;
                case JsonBodyContent json:
                    Sign(request, credentials, json.Utf8Json.Span);
                    break;
                case HttpContent content when LeavesBodyUnsigned(request, content):
                    Sign(request, credentials, ReadOnlySpan<byte>.Empty);
                    break;
                default:
                    // Buffering completes the content once; reading a buffered content back is synchronous.
                    request.Content.LoadIntoBufferAsync().GetAwaiter().GetResult();
                    byte[] body = request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult();
                    Sign(request, credentials, body);
                    break;
            }
        }

        return base.Send(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SignBufferedAndSendAsync(
        HttpRequestMessage request,
        HttpContent content,
        HuaweiCloudCredentials credentials,
        CancellationToken cancellationToken)
    {
        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        byte[] body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, credentials, body);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static HuaweiCloudCredentials CheckCredentials(HuaweiCloudCredentials? credentials)
        => credentials ?? throw new InvalidOperationException("The credentials provider returned null.");

    /// <summary>
    /// True when the signature uses an <c>X-Sdk-Content-Sha256</c> value instead of the body hash: the caller's, or
    /// <c>UNSIGNED-PAYLOAD</c> (set here) for a Content-Type that is neither JSON (<c>application/json</c>, <c>*+json</c>)
    /// nor BSON. Without a Content-Type the body is hashed: nothing says it is not JSON, and a hashed body is always accepted.
    /// </summary>
    private static bool LeavesBodyUnsigned(HttpRequestMessage request, HttpContent content)
    {
        if (request.Headers.NonValidated.Contains(AkSkSigner.ContentSha256Header))
        {
            return true;
        }

        string? mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is null
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/bson", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        request.Headers.TryAddWithoutValidation(AkSkSigner.ContentSha256Header, AkSkSigner.UnsignedPayload);
        return true;
    }


    /// <summary>True when an Authorization header exists that this handler must not replace.</summary>
    private static bool HasForeignAuthorization(HttpRequestMessage request, HuaweiCloudCredentials credentials)
    {
        if (!request.Headers.NonValidated.TryGetValues(AuthorizationHeader, out HeaderStringValues values))
        {
            return false;
        }

        string existing = values.ToString();
        string ak = credentials.AccessKey;
        ReadOnlySpan<char> rest = existing.AsSpan();
        if (!rest.StartsWith(AkSkSigner.Algorithm, StringComparison.Ordinal))
        {
            return true;
        }

        rest = rest.Slice(AkSkSigner.Algorithm.Length);
        if (!rest.StartsWith(" Access=", StringComparison.Ordinal))
        {
            return true;
        }

        rest = rest.Slice(" Access=".Length);
        return !(rest.StartsWith(ak, StringComparison.Ordinal) && rest.Slice(ak.Length).StartsWith(",", StringComparison.Ordinal));
    }

    private void Sign(HttpRequestMessage request, HuaweiCloudCredentials credentials, ReadOnlySpan<byte> body)
    {
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri; AK/SK signing needs an absolute URI.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("AK/SK signing needs an absolute request URI.");
        }

        HttpRequestHeaders headers = request.Headers;
        headers.Remove(AuthorizationHeader);

        // The one and only formatting of the date: this exact string is sent and signed.
        string sdkDate = AkSkSigner.FormatSdkDate(_timeProvider.GetUtcNow());
        headers.Remove(AkSkSigner.SdkDateHeader);
        headers.TryAddWithoutValidation(AkSkSigner.SdkDateHeader, sdkDate);

        string host = headers.Host ?? BuildHost(uri);
        headers.Host = host;

        string? projectId = credentials.ProjectId;
        if (projectId is not null)
        {
            headers.Remove(ProjectIdHeader);
            headers.TryAddWithoutValidation(ProjectIdHeader, projectId);
        }

        string? securityToken = credentials.SecurityToken;
        if (securityToken is not null)
        {
            headers.Remove(SecurityTokenHeader);
            headers.TryAddWithoutValidation(SecurityTokenHeader, securityToken);
        }

        string? contentSha256 = headers.NonValidated.TryGetValues(AkSkSigner.ContentSha256Header, out HeaderStringValues values) ? values.ToString() : null;

        // Sorted by ordinal: host < x-project-id < x-sdk-content-sha256 < x-sdk-date < x-security-token.
        SignedHeaderBuffer buffer = default;
        Span<KeyValuePair<string, string>> signed = buffer;
        int count = 0;
        signed[count++] = new KeyValuePair<string, string>("host", host);
        if (projectId is not null)
        {
            signed[count++] = new KeyValuePair<string, string>("x-project-id", projectId);
        }

        if (contentSha256 is not null)
        {
            signed[count++] = new KeyValuePair<string, string>("x-sdk-content-sha256", contentSha256);
        }

        signed[count++] = new KeyValuePair<string, string>("x-sdk-date", sdkDate);
        if (securityToken is not null)
        {
            signed[count++] = new KeyValuePair<string, string>("x-security-token", securityToken);
        }

        string authorization = AkSkSigner.CreateAuthorization(
            request.Method.Method,
            uri,
            signed.Slice(0, count),
            body,
            sdkDate,
            credentials.AccessKey,
            credentials.SecretKey);
        headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
    }

    private static string BuildHost(Uri uri)
    {
        string host = uri.IdnHost;
        if (uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        return uri.IsDefaultPort ? host : host + ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class FixedCredentialProvider(HuaweiCloudCredentials credentials) : IHuaweiCloudCredentialProvider
    {
        public ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(credentials);
    }

    private sealed class DelegateCredentialProvider(Func<HuaweiCloudCredentials> getCredentials) : IHuaweiCloudCredentialProvider
    {
        public ValueTask<HuaweiCloudCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(getCredentials());
    }

    [InlineArray(5)]
    private struct SignedHeaderBuffer
    {
        private KeyValuePair<string, string> _element0;
    }

    /// <summary>Once per handler (the pipeline below it is fixed when it first sends): see <see cref="RedirectGuard"/>.</summary>
    private void CheckPipeline()
    {
        if (!_pipelineChecked)
        {
            RedirectGuard.ThrowIfPrimaryHandlerFollowsRedirects(this);
            _pipelineChecked = true;
        }
    }
}

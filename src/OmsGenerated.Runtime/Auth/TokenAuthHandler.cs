using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Authenticates requests with an IAM token (<c>X-Auth-Token</c>), optionally adding <c>X-Project-Id</c>.
/// </summary>
/// <remarks>
/// The provider is called for every request that does not already carry <c>X-Auth-Token</c>; it should cache the
/// token (IAM tokens are valid for 24 h) and refresh it before expiry.
/// </remarks>
public sealed class TokenAuthHandler : DelegatingHandler
{
    private const string AuthTokenHeader = "X-Auth-Token";
    private const string ProjectIdHeader = "X-Project-Id";

    private readonly Func<CancellationToken, ValueTask<string>> _tokenProvider;
    private readonly string? _projectId;
    private volatile bool _pipelineChecked;

    /// <param name="tokenProvider">Returns the current token (e.g. from a cache refreshed against IAM).</param>
    /// <param name="projectId">Optional project ID, sent as <c>X-Project-Id</c> when the request has none.</param>
    public TokenAuthHandler(Func<CancellationToken, ValueTask<string>> tokenProvider, string? projectId = null)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        _tokenProvider = tokenProvider;
        _projectId = string.IsNullOrEmpty(projectId) ? null : projectId;
    }

    /// <param name="token">A fixed token.</param>
    /// <param name="projectId">Optional project ID, sent as <c>X-Project-Id</c> when the request has none.</param>
    public TokenAuthHandler(string token, string? projectId = null)
        : this(CreateFixedProvider(token), projectId)
    {
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPipeline();
        AddProjectId(request);
        if (request.Headers.Contains(AuthTokenHeader))
        {
            return base.SendAsync(request, cancellationToken);
        }

        ValueTask<string> pending = _tokenProvider(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            AddToken(request, pending.Result);
            return base.SendAsync(request, cancellationToken);
        }

        return AwaitTokenAndSendAsync(request, pending, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckPipeline();
        AddProjectId(request);
        if (!request.Headers.Contains(AuthTokenHeader))
        {
            ValueTask<string> pending = _tokenProvider(cancellationToken);
            AddToken(request, pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult());
        }

        return base.Send(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> AwaitTokenAndSendAsync(
        HttpRequestMessage request,
        ValueTask<string> pending,
        CancellationToken cancellationToken)
    {
        AddToken(request, await pending.ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void AddProjectId(HttpRequestMessage request)
    {
        if (_projectId is not null && !request.Headers.Contains(ProjectIdHeader))
        {
            request.Headers.TryAddWithoutValidation(ProjectIdHeader, _projectId);
        }
    }

    private static void AddToken(HttpRequestMessage request, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("The token provider returned an empty token.");
        }

        request.Headers.TryAddWithoutValidation(AuthTokenHeader, token);
    }

    private static Func<CancellationToken, ValueTask<string>> CreateFixedProvider(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The token must not be null, empty or whitespace.", nameof(token));
        }

        return _ => new ValueTask<string>(token);
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

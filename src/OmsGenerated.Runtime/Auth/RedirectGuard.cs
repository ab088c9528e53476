using System;
using System.Net.Http;

namespace OmsGenerated.Runtime.Auth;

/// <summary>
/// Refuses to authenticate over a pipeline whose primary handler follows redirects itself. That handler resends the
/// request, with the credential headers this handler added, to whatever origin a <c>Location</c> names, below the
/// authentication handlers, where they cannot see or stop it.
/// </summary>
internal static class RedirectGuard
{
    public static void ThrowIfPrimaryHandlerFollowsRedirects(DelegatingHandler handler)
    {
        HttpMessageHandler? inner = handler.InnerHandler;
        while (inner is DelegatingHandler delegating)
        {
            inner = delegating.InnerHandler;
        }

        bool follows = inner switch
        {
            SocketsHttpHandler sockets => sockets.AllowAutoRedirect,
            HttpClientHandler client => client.AllowAutoRedirect,
            _ => false,
        };
        if (follows)
        {
            throw new InvalidOperationException(
                handler.GetType().Name + " refuses to send credentials through a " + inner!.GetType().Name
                + " with AllowAutoRedirect = true: a redirect would carry them to another origin. Set AllowAutoRedirect = false "
                + "(a redirect then fails as an ApiErrorException with its status and Location).");
        }
    }
}

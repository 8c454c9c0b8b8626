using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Auth;

namespace Ccs.Http;

/// <summary>
/// Adds <c>Authorization: Bearer …</c> to requests for the configured CCS origin and to nothing else
/// (fail closed). On a 401 it gets a fresh token once and replays the request once; a second 401
/// goes back to the caller as <see cref="CcsAuthenticationException"/>.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly TokenCache _tokens;

    // The header value of the current token, reused while the token stays the same.
    private AuthenticationHeaderValue? _header;

    public AuthenticationHandler(Uri baseUri, TokenCache tokens)
    {
        _origin = new Uri(baseUri.GetLeftPart(UriPartial.Authority));
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !IsSameOrigin(uri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = HeaderFor(token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var fresh = await _tokens.RefreshAsync(rejected: token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = HeaderFor(fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private AuthenticationHeaderValue HeaderFor(string token)
    {
        var header = Volatile.Read(ref _header);
        if (header is null || !string.Equals(header.Parameter, token, StringComparison.Ordinal))
        {
            header = new AuthenticationHeaderValue("Bearer", token);
            Volatile.Write(ref _header, header);
        }

        return header;
    }

    private bool IsSameOrigin(Uri uri)
        => uri.IsAbsoluteUri
           && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
           && uri.Port == _origin.Port;
}

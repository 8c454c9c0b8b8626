using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Http;

/// <summary>
/// Adds <c>Authorization: Bearer …</c> to requests for the configured CCS origin and to nothing
/// else, so a token can never be sent to another host (fail closed).
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly string _token;

    public BearerTokenHandler(Uri baseUri, string token)
    {
        _origin = new Uri(baseUri.GetLeftPart(UriPartial.Authority));
        _token = token;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && IsSameOrigin(uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool IsSameOrigin(Uri uri)
        => uri.IsAbsoluteUri
           && string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
           && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
           && uri.Port == _origin.Port;
}

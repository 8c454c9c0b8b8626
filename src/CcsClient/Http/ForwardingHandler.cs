using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Http;

/// <summary>
/// Ends the client's handler chain in a caller-supplied <see cref="HttpClient"/> or
/// <see cref="HttpMessageHandler"/>, which the client then neither reconfigures nor disposes.
/// </summary>
internal sealed class ForwardingHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _inner;

    public ForwardingHandler(HttpMessageInvoker inner) => _inner = inner;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_inner is not HttpClient)
        {
            return await _inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // An HttpClient refuses a message that another HttpClient (ours) has already sent, so it gets
        // a copy; the content object is shared, not re-buffered.
        using var copy = Copy(request);
        var response = await _inner.SendAsync(copy, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            Content = request.Content,
#if NET
            VersionPolicy = request.VersionPolicy,
#endif
        };
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}

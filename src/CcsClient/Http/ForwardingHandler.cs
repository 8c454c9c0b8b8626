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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _inner.SendAsync(request, cancellationToken);
}

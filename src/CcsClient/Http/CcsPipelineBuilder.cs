using System;
using System.Net.Http;

namespace Ccs.Http;

/// <summary>
/// Builds the HTTP pipeline of a client in one place that reads top-down, outermost first:
/// authentication, then the transport. Kiota's default middleware (its own retry handler among it)
/// is deliberately not used, so retries live in exactly one layer.
/// </summary>
internal static class CcsPipelineBuilder
{
    /// <param name="options">Validated options.</param>
    /// <param name="transport">The caller's transport, or null for the platform's default handler.</param>
    public static HttpClient Build(CcsClientOptions options, HttpMessageInvoker? transport)
    {
        var baseUri = options.GetBaseUri();
        HttpMessageHandler innermost = transport is null ? CreateDefaultTransport() : new ForwardingHandler(transport);

        var pipeline = new BearerTokenHandler(baseUri, options.AccessToken!) { InnerHandler = innermost };

        return new HttpClient(pipeline, disposeHandler: true) { Timeout = options.Timeout };
    }

#if NET
    // Recycling pooled connections picks up DNS changes of the CCS domain.
    private static SocketsHttpHandler CreateDefaultTransport() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
    private static HttpClientHandler CreateDefaultTransport() => new();
#endif
}

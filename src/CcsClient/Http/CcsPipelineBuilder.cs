using System;
using System.Net.Http;

namespace Ccs.Http;

/// <summary>Builds the HttpClient of a client created without dependency injection.</summary>
internal static class CcsPipelineBuilder
{
    /// <param name="services">The pipeline's shared state.</param>
    /// <param name="transport">The caller's transport, or null for the platform's default handler.</param>
    public static HttpClient Build(CcsPipelineServices services, HttpMessageInvoker? transport)
    {
        HttpMessageHandler innermost = transport is null ? CreateDefaultTransport() : new ForwardingHandler(transport);
        var pipeline = new CcsPipelineHandler(services) { InnerHandler = innermost };

        // The pipeline enforces the deadline and per-attempt timeouts itself.
        return new HttpClient(pipeline, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

#if NET
    // Recycling pooled connections picks up DNS changes of the CCS domain.
    internal static SocketsHttpHandler CreateDefaultTransport() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
    internal static HttpClientHandler CreateDefaultTransport() => new();
#endif
}

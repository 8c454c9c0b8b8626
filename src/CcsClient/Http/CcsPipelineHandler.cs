using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Auth;
using Ccs.Diagnostics;
using Ccs.Resilience;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace Ccs.Http;

/// <summary>
/// The client's whole HTTP pipeline as one handler, so that <c>new CcsClient(options)</c> and
/// <c>services.AddCcsClient(…)</c> (IHttpClientFactory) run exactly the same code. Read top-down,
/// outermost first:
/// <list type="number">
/// <item><see cref="DiagnosticsHandler"/>: per operation — span, request id, User-Agent, deadline, metrics.</item>
/// <item>Polly (<see cref="PolicyHttpMessageHandler"/> with <see cref="RetryPolicies"/>): deadline, retries, attempt timeout.</item>
/// <item><see cref="AttemptHandler"/>: per attempt — count and debug log.</item>
/// <item><see cref="AuthenticationHandler"/>: bearer token for the CCS origin only; one refresh and replay on 401.</item>
/// </list>
/// Whatever follows this handler (the transport, or handlers a user adds in DI) runs per attempt.
/// Kiota's default middleware, its own retry handler included, is deliberately absent.
/// </summary>
internal sealed class CcsPipelineHandler : DelegatingHandler
{
    private readonly HttpMessageInvoker _pipeline;

    public CcsPipelineHandler(CcsPipelineServices services)
    {
        var logger = services.Logger;
        var tail = new TailHandler(this);
        var auth = new AuthenticationHandler(services.BaseUri, services.Tokens) { InnerHandler = tail };
        var attempts = new AttemptHandler(logger) { InnerHandler = auth };
        var retries = new PolicyHttpMessageHandler(services.RetryPolicies.Select) { InnerHandler = attempts };
        var diagnostics = new DiagnosticsHandler(services.Options, services.Metrics, logger) { InnerHandler = retries };
        _pipeline = new HttpMessageInvoker(diagnostics, disposeHandler: true);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => _pipeline.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> SendToInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);

    /// <summary>The end of the internal chain: hands the request back to whatever follows the pipeline handler.</summary>
    private sealed class TailHandler : HttpMessageHandler
    {
        private readonly CcsPipelineHandler _owner;

        public TailHandler(CcsPipelineHandler owner) => _owner = owner;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => _owner.SendToInnerAsync(request, cancellationToken);
    }
}

/// <summary>What one client's pipeline shares across requests (and, in DI, across handler rotations).</summary>
internal sealed class CcsPipelineServices : IDisposable
{
    public CcsPipelineServices(CcsClientOptions options, ILoggerFactory? loggerFactory, System.Diagnostics.Metrics.Meter? meter = null)
    {
        Options = options;
        LoggerFactory = loggerFactory;
        BaseUri = options.GetBaseUri();
        Logger = (ILogger?)loggerFactory?.CreateLogger("CcsClient") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Metrics = new CcsMetrics(meter);
        Tokens = new TokenCache(options.ResolveTokenProvider(), options.TimeProvider, options.TokenRefreshBeforeExpiry);
        RetryPolicies = new RetryPolicies(options, Logger, Metrics);
    }

    public CcsClientOptions Options { get; }

    public Uri BaseUri { get; }

    public ILogger Logger { get; }

    public ILoggerFactory? LoggerFactory { get; }

    public CcsMetrics Metrics { get; }

    public TokenCache Tokens { get; }

    public RetryPolicies RetryPolicies { get; }

    public void Dispose()
    {
        Metrics.Dispose();
        Tokens.Dispose();
    }
}

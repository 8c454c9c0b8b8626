using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;

namespace Ccs.Http;

/// <summary>
/// Outermost handler, once per operation (retries included): the span named by operation id with
/// OpenTelemetry HTTP attributes, the request id header (the same on every retry), User-Agent, the
/// deadline, and the duration and failure metrics.
/// </summary>
internal sealed class DiagnosticsHandler : DelegatingHandler
{
    public const string RequestIdHeader = "X-Request-Id";

    private readonly CcsClientOptions _options;
    private readonly CcsMetrics _metrics;
    private readonly ILogger _logger;

    public DiagnosticsHandler(CcsClientOptions options, CcsMetrics metrics, ILogger logger)
    {
        _options = options;
        _metrics = metrics;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            request.SetDeadline(time.GetUtcNow() + _options.Timeout);
        }

        if (!request.Headers.Contains(RequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(RequestIdHeader, Guid.NewGuid().ToString("N"));
        }

        request.Headers.TryAddWithoutValidation("User-Agent", CcsDiagnostics.UserAgent);
        var operation = request.GetOperation();
        var operationId = operation?.Id ?? "http";

        // The retry layer reads the operation from the context's key: no per-request dictionary.
        request.SetPolicyExecutionContext(new Context(operationId));
        using var activity = CcsDiagnostics.ActivitySource.StartActivity(operation?.Id ?? request.Method.Method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.template", operation?.PathTemplate);
            activity.SetTag("server.address", request.RequestUri?.Host);
            activity.SetTag("server.port", request.RequestUri?.Port);
            activity.SetTag("ccs.operation", operationId);
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("ccs.attempts", request.GetAttempts());
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity?.SetStatus(ActivityStatusCode.Error);
                _metrics.Failures.Add(1, CcsMetrics.Operation(operationId), new("error.type", status));
            }

            var elapsed = time.GetElapsedTime(started);
            if (_metrics.Duration.Enabled)
            {
                _metrics.Duration.Record(elapsed.TotalSeconds, CcsMetrics.Operation(operationId), new("http.response.status_code", status));
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.Completed(_logger, operationId, request.Method.Method, operation?.PathTemplate ?? "(generated client)", status, elapsed.TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex)
        {
            var errorType = ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "canceled" : ex.GetType().Name;
            activity?.SetTag("error.type", errorType);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            _metrics.Failures.Add(1, CcsMetrics.Operation(operationId), new("error.type", errorType));
            _metrics.Duration.Record(time.GetElapsedTime(started).TotalSeconds, CcsMetrics.Operation(operationId), new("error.type", errorType));
            throw;
        }
    }
}

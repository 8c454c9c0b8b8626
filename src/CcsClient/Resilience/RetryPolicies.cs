using System;
using System.Net.Http;
using System.Threading.Tasks;
using Ccs.Diagnostics;
using Ccs.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ccs.Resilience;

/// <summary>
/// The retry layer, written with Polly v8 (deterministic under a fake <see cref="TimeProvider"/>) and
/// handed to the HTTP pipeline as Microsoft.Extensions.Http.Polly's <c>PolicyHttpMessageHandler</c>.
/// Outermost first: the overall deadline, then retries with backoff, then the per-attempt timeout.
/// One pipeline per <see cref="CcsRetryMode"/>; each request picks its own.
/// </summary>
internal sealed class RetryPolicies
{
    private readonly CcsClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CcsMetrics _metrics;
    private readonly IAsyncPolicy<HttpResponseMessage>[] _policies;

    public RetryPolicies(CcsClientOptions options, ILogger logger, CcsMetrics metrics)
    {
        _options = options;
        _time = options.TimeProvider;
        _logger = logger;
        _metrics = metrics;
        _policies =
        [
            Build(CcsRetryMode.AllTransientFailures).AsAsyncPolicy(),
            Build(CcsRetryMode.OnlyWhenNotSent).AsAsyncPolicy(),
            Build(CcsRetryMode.Never).AsAsyncPolicy(),
        ];
    }

    /// <summary>The policy for a request: its operation's override if any, else its method's default.</summary>
    public IAsyncPolicy<HttpResponseMessage> Select(HttpRequestMessage request) => _policies[(int)ModeOf(request)];

    private CcsRetryMode ModeOf(HttpRequestMessage request)
    {
        if (request.GetOperation() is { } operation && _options.Retry.Operations.TryGetValue(operation.Id, out var mode))
        {
            return mode;
        }

        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Put || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options
            ? CcsRetryMode.AllTransientFailures
            : CcsRetryMode.OnlyWhenNotSent;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(CcsRetryMode mode)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.Timeout);
        }

        var retry = _options.Retry;
        if (mode != CcsRetryMode.Never && retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(mode, args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter.Of(response, _time) : null),
                OnRetry = args =>
                {
                    OnRetry(args);
                    return default;
                },
            });
        }

        if (retry.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(retry.AttemptTimeout);
        }

        return builder.Build();
    }

    private bool ShouldRetry(CcsRetryMode mode, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return mode == CcsRetryMode.AllTransientFailures ? TransientFailures.IsTransientException(exception) : TransientFailures.IsNotSent(exception);
        }

        var response = outcome.Result!;
        var transient = mode == CcsRetryMode.AllTransientFailures
            ? TransientFailures.IsTransientStatus(response.StatusCode)
            : (int)response.StatusCode == 429;
        if (!transient)
        {
            return false;
        }

        // A Retry-After we will not wait for ends the call now, with the server's answer.
        if (RetryAfter.Of(response, _time) is { } wait)
        {
            if (wait > _options.Retry.MaxRetryAfter)
            {
                return false;
            }

            if (response.RequestMessage?.GetDeadline() is { } deadline && _time.GetUtcNow() + wait > deadline)
            {
                return false;
            }
        }

        return true;
    }

    private void OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var reason = args.Outcome.Exception is { } exception ? Log.Describe(exception) : ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // DiagnosticsHandler names the Polly context after the operation.
        var operation = CcsOperation.Find(args.Context.OperationKey);
        var operationId = operation?.Id ?? "http";
        _metrics.Retries.Add(1, CcsMetrics.Operation(operationId), new("reason", reason));
        Log.Retrying(
            _logger,
            operationId,
            operation?.Method.Method ?? args.Outcome.Result?.RequestMessage?.Method.Method ?? string.Empty,
            operation?.PathTemplate ?? "(generated client)",
            args.AttemptNumber + 1,
            reason,
            args.RetryDelay.TotalMilliseconds);

        // The failed attempt's response is discarded: release its connection now.
        args.Outcome.Result?.Dispose();
    }
}

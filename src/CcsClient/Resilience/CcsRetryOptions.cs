using System;
using System.Collections.Generic;

namespace Ccs;

/// <summary>
/// How the client retries failed attempts: exponential backoff with jitter, the server's
/// <c>Retry-After</c> honoured up to <see cref="MaxRetryAfter"/>, and method-aware rules
/// (see <see cref="CcsRetryMode"/>).
/// </summary>
public sealed class CcsRetryOptions
{
    /// <summary>How many times a failed attempt is retried (so at most <c>MaxRetries + 1</c> attempts). Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially, with jitter. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. A longer one (or one beyond the overall
    /// <see cref="CcsClientOptions.Timeout"/>) ends the call at once with the server's answer, for
    /// example a <see cref="CcsRateLimitException"/> carrying its <c>RetryAfter</c>. Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take before it is abandoned (and retried where allowed): 10 ms to 24 hours, or infinite. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Per-operation overrides of the retry rule, keyed by operation id (for example
    /// <c>["updateAgentState"] = CcsRetryMode.AllTransientFailures</c>). Operations not listed use
    /// the default of their method.
    /// </summary>
    public IDictionary<string, CcsRetryMode> Operations { get; } = new Dictionary<string, CcsRetryMode>(StringComparer.OrdinalIgnoreCase);

    internal void Validate(List<string> errors)
    {
        if (MaxRetries < 0)
        {
            errors.Add($"CcsClientOptions.Retry.MaxRetries must not be negative; it is {MaxRetries}.");
        }

        foreach (var (name, value) in new[] { ("BaseDelay", BaseDelay), ("MaxDelay", MaxDelay), ("MaxRetryAfter", MaxRetryAfter) })
        {
            if (value < TimeSpan.Zero)
            {
                errors.Add($"CcsClientOptions.Retry.{name} must not be negative; it is {value}.");
            }
        }

        if (AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan && (AttemptTimeout < CcsClientOptions.MinTimeout || AttemptTimeout > CcsClientOptions.MaxTimeout))
        {
            errors.Add($"CcsClientOptions.Retry.AttemptTimeout must be between {CcsClientOptions.MinTimeout.TotalMilliseconds} ms and {CcsClientOptions.MaxTimeout.TotalHours} hours (or Timeout.InfiniteTimeSpan); it is {AttemptTimeout}.");
        }
    }
}

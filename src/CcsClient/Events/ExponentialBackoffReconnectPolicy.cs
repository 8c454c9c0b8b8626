using System;

namespace Ccs.Events;

/// <summary>
/// The default reconnect policy: exponential backoff with jitter, capped, retrying forever unless
/// <see cref="MaxAttempts"/> is set. The delay before attempt <c>n</c> is a random value between half
/// and all of <c>min(MaxDelay, BaseDelay × 2^(n−1))</c>, so clients that lost the same server do not
/// come back in lockstep.
/// </summary>
public sealed class ExponentialBackoffReconnectPolicy : ICcsReconnectPolicy
{
    private readonly Random _random;
    private readonly object _randomLock = new();
    private readonly TimeSpan _baseDelay = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(30);
    private readonly int? _maxAttempts;

    /// <summary>Creates the policy with its defaults: 1 s base, 30 s cap, no attempt limit.</summary>
    public ExponentialBackoffReconnectPolicy()
        : this(new Random())
    {
    }

    internal ExponentialBackoffReconnectPolicy(Random random) => _random = random;

    /// <summary>The delay before the first reconnect attempt, before jitter. Default 1 second; zero retries at once.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan BaseDelay
    {
        get => _baseDelay;
        init => _baseDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(BaseDelay), value, "BaseDelay must not be negative.");
    }

    /// <summary>The longest delay between attempts, before jitter. Default 30 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        init => _maxDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxDelay), value, "MaxDelay must not be negative.");
    }

    /// <summary>How many consecutive attempts to make before giving up; <see langword="null"/> (the default) never gives up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, "MaxAttempts must not be negative.");
    }

    /// <inheritdoc/>
    public TimeSpan? GetNextDelay(CcsReconnectContext context)
    {
        Argument.NotNull(context, nameof(context));
        if (context.Attempt > MaxAttempts)
        {
            return null;
        }

        var exponent = Math.Min(Math.Max(context.Attempt - 1, 0), 30);
        var ceiling = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent));
        double fraction;
        lock (_randomLock)
        {
            fraction = _random.NextDouble();
        }

        return TimeSpan.FromTicks((long)(ceiling * (0.5 + (0.5 * fraction))));
    }
}

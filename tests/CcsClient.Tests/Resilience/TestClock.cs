using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Tests.Resilience;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are pending. The client's backoff
/// and Retry-After waits (Task.Delay on this clock) and its deadline and attempt timeouts
/// (CancellationTokenSource on this clock) all create timers here, so a test advances the clock
/// exactly to the next one instead of guessing, and reads the waits the client chose.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    /// <summary>Where every test clock starts (whole seconds, so HTTP dates compare exactly).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<PendingTimer> _timers = [];

    public TestClock()
        : base(Epoch)
    {
    }

    /// <summary>How far the clock has been advanced.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Epoch;

    /// <summary>The waits (backoff or Retry-After) the client started, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(t => t.IsDelay).Select(t => t.FirstDue).ToList();
            }
        }
    }

    /// <summary>Whether the client is waiting (backoff or Retry-After) right now.</summary>
    public bool HasPendingDelay => Next(delaysOnly: true) is not null;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Task.Delay(delay, timeProvider) passes its own Task as the state; timeouts pass their CancellationTokenSource.
        var timer = new PendingTimer(this, isDelay: state is Task, dueTime);
        timer.Schedule(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.OnFired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return timer;
    }

    /// <summary>Waits (in real time, bounded) until the client has started a backoff or Retry-After wait.</summary>
    public Task WaitForPendingDelayAsync() => Eventually.TrueAsync(() => HasPendingDelay, "a pending backoff or Retry-After wait");

    /// <summary>Waits for the client's next backoff or Retry-After wait and advances the clock exactly to its end.</summary>
    /// <returns>How long the wait was.</returns>
    public async Task<TimeSpan> AdvanceThroughNextDelayAsync()
    {
        await WaitForPendingDelayAsync();
        var step = Next(delaysOnly: true)!.Value - GetUtcNow();
        Advance(step);
        return step;
    }

    /// <summary>
    /// Drives <paramref name="task"/> to completion: whenever the client is idle (waiting on a backoff,
    /// or <paramref name="idle"/> says so, for example because the transport is hanging), the clock
    /// jumps to the next pending timer. Never waits in real time for a backoff.
    /// </summary>
    public async Task RunAsync(Task task, Func<bool>? idle = null, int maxSteps = 200)
    {
        for (var step = 0; step < maxSteps; step++)
        {
            await Eventually.TrueAsync(() => task.IsCompleted || HasPendingDelay || (idle?.Invoke() ?? false), "the client to finish or to wait for the clock");
            if (task.IsCompleted)
            {
                await task;
                return;
            }

            var next = Next(delaysOnly: false) ?? throw new InvalidOperationException("The client is idle but no timer is pending: it would never finish.");
            var wait = next - GetUtcNow();
            Advance(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }

        throw new InvalidOperationException($"The call did not finish within {maxSteps} clock steps.");
    }

    private DateTimeOffset? Next(bool delaysOnly)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if ((!delaysOnly || timer.IsDelay) && timer.DueAt is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }

            return next;
        }
    }

    private sealed class PendingTimer : ITimer
    {
        private readonly TestClock _clock;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public PendingTimer(TestClock clock, bool isDelay, TimeSpan firstDue)
        {
            _clock = clock;
            IsDelay = isDelay;
            FirstDue = firstDue;
        }

        public bool IsDelay { get; }

        public TimeSpan FirstDue { get; }

        public ITimer? Inner { get; set; }

        public DateTimeOffset? DueAt
        {
            get
            {
                lock (_clock._gate)
                {
                    return _dueAt;
                }
            }
        }

        private DateTimeOffset? _dueAt;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (_clock._gate)
            {
                _period = period;
                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
            }
        }

        public void OnFired()
        {
            lock (_clock._gate)
            {
                _dueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _clock.GetUtcNow() + _period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (_clock._gate)
            {
                _dueAt = null;
            }

            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}

/// <summary>Bounded real-time waits for things that happen on other threads (never for backoff: the clock is fake).</summary>
public static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Bound)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(1);
        }
    }
}

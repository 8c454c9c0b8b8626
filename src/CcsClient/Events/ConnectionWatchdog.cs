using System;
using System.Threading;

namespace Ccs.Events;

/// <summary>
/// Cancels a connection that stays silent for too long: during the handshake, and between frames
/// once connected (about twice the heartbeat interval, which catches half-open sockets). It only runs
/// while the stream waits on the socket, never while it waits for a slow consumer.
/// </summary>
internal sealed class ConnectionWatchdog : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly ITimer _timer;
    private int _fired;

    public ConnectionWatchdog(TimeProvider time, CancellationToken stopToken)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        _timer = time.CreateTimer(static state => ((ConnectionWatchdog)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled when the watchdog fires, the stream stops, or <see cref="Cancel"/> is called.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Whether the silence limit was reached.</summary>
    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>The limit last armed.</summary>
    public TimeSpan Limit { get; private set; }

    public void Arm(TimeSpan limit)
    {
        Limit = limit;
        _timer.Change(limit, Timeout.InfiniteTimeSpan);
    }

    public void Pause() => _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>Cancels the connection without counting as a timeout (the caller gave up waiting).</summary>
    public void Cancel() => CancelSafely();

    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }

    private void Fire()
    {
        Interlocked.Exchange(ref _fired, 1);
        CancelSafely();
    }

    private void CancelSafely()
    {
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection was already torn down: there is nothing left to cancel.
        }
    }
}

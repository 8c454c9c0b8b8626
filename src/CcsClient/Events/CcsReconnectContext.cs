using System;

namespace Ccs.Events;

/// <summary>What an <see cref="ICcsReconnectPolicy"/> knows when it decides.</summary>
public sealed class CcsReconnectContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="attempt">The attempt about to be made: 1 for the first reconnect after a loss.</param>
    /// <param name="elapsed">How long the stream has been disconnected.</param>
    /// <param name="lastError">Why the connection was lost or the previous attempt failed.</param>
    public CcsReconnectContext(int attempt, TimeSpan elapsed, Exception? lastError)
    {
        Attempt = attempt;
        Elapsed = elapsed;
        LastError = lastError;
    }

    /// <summary>The attempt about to be made: 1 for the first reconnect after a loss; reset once connected.</summary>
    public int Attempt { get; }

    /// <summary>How long the stream has been disconnected.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why the connection was lost or the previous attempt failed, or <see langword="null"/>.</summary>
    public Exception? LastError { get; }
}

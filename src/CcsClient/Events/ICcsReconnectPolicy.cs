using System;

namespace Ccs.Events;

/// <summary>Decides how long a <see cref="CcsEventStream"/> waits before each reconnect attempt, and when it gives up.</summary>
public interface ICcsReconnectPolicy
{
    /// <summary>Returns the delay before the next attempt, or <see langword="null"/> to give up.</summary>
    /// <param name="context">Which attempt this is, since when the stream is disconnected, and the last error.</param>
    /// <returns>The delay (zero to retry at once), or <see langword="null"/> to stop reconnecting.</returns>
    TimeSpan? GetNextDelay(CcsReconnectContext context);
}

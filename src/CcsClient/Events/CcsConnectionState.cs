namespace Ccs.Events;

/// <summary>The connection state of a <see cref="CcsEventStream"/>.</summary>
public enum CcsConnectionState
{
    /// <summary>Not connected: not started yet, stopped, disposed, or failed for good (see the reason).</summary>
    Disconnected = 0,

    /// <summary>The first connection is being made.</summary>
    Connecting = 1,

    /// <summary>Connected and subscribed (or resumed); events flow.</summary>
    Connected = 2,

    /// <summary>The connection was lost; the stream is waiting to reconnect or reconnecting.</summary>
    Reconnecting = 3,
}

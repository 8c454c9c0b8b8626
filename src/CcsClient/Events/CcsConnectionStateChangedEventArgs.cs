using System;

namespace Ccs.Events;

/// <summary>What <see cref="CcsEventStream.StateChanged"/> reports: the new state and why.</summary>
public sealed class CcsConnectionStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="previousState">The state before.</param>
    /// <param name="state">The state now.</param>
    /// <param name="reason">Why, in words (for example <c>heartbeat timeout after 00:00:20</c>).</param>
    /// <param name="error">The error behind the change, if any.</param>
    public CcsConnectionStateChangedEventArgs(CcsConnectionState previousState, CcsConnectionState state, string reason, Exception? error)
    {
        PreviousState = previousState;
        State = state;
        Reason = reason ?? string.Empty;
        Error = error;
    }

    /// <summary>The state before the change.</summary>
    public CcsConnectionState PreviousState { get; }

    /// <summary>The state now.</summary>
    public CcsConnectionState State { get; }

    /// <summary>Why the state changed, in words.</summary>
    public string Reason { get; }

    /// <summary>The error behind the change, or <see langword="null"/>.</summary>
    public Exception? Error { get; }
}

using System;

namespace Ccs.Events;

/// <summary>
/// What <see cref="CcsEventStream.GapDetected"/> reports: the server could not replay the events
/// missed while disconnected (the resume window had passed), so some may be lost. Resynchronise the
/// state you keep over REST; the events that follow carry full state again.
/// </summary>
public sealed class CcsEventGapEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="sessionId">The session that could not be resumed.</param>
    /// <param name="lastSequence">The last sequence number delivered from that session.</param>
    /// <param name="reason">The server's reason, if any.</param>
    public CcsEventGapEventArgs(string? sessionId, long lastSequence, string? reason)
    {
        SessionId = sessionId;
        LastSequence = lastSequence;
        Reason = reason;
    }

    /// <summary>The session that could not be resumed.</summary>
    public string? SessionId { get; }

    /// <summary>The last sequence number received from that session; events after it may be lost.</summary>
    public long LastSequence { get; }

    /// <summary>The server's reason (for example <c>resume_window_expired</c>), or <see langword="null"/>.</summary>
    public string? Reason { get; }
}

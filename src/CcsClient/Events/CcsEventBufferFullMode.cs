namespace Ccs.Events;

/// <summary>What a <see cref="CcsEventStream"/> does when its buffer is full because the consumer is slower than the server.</summary>
public enum CcsEventBufferFullMode
{
    /// <summary>
    /// Stop reading from the socket until the consumer catches up (back-pressure). Nothing is lost;
    /// the heartbeat watchdog is paused while waiting, and the server keeps what it could not send
    /// within its resume window.
    /// </summary>
    Wait = 0,

    /// <summary>
    /// Drop the oldest buffered event to make room, and count it in
    /// <see cref="CcsEventStream.DroppedEvents"/>. For gauge-like streams (<see cref="QueueUpdated"/>)
    /// where only the latest value matters.
    /// </summary>
    DropOldest = 1,
}

using System;
using System.Collections.Generic;

namespace Ccs.Events;

/// <summary>
/// Delivery is at least once on the wire; this makes it once to the app. Within a session an event at
/// or below the last accepted sequence number is a replay; across sessions the ids of the most recent
/// events catch what the sequence cannot. Used by the receive loop only (not thread-safe).
/// </summary>
internal sealed class EventDeduplicator
{
    private readonly int _window;
    private readonly HashSet<Guid> _ids = new();
    private readonly Queue<Guid> _order = new();

    public EventDeduplicator(int window) => _window = window;

    /// <summary>The last sequence number accepted in the current session; what a resume asks to continue from.</summary>
    public long LastSequence { get; private set; }

    public bool IsDuplicate(CcsEvent e) => e.Sequence <= LastSequence || _ids.Contains(e.Id);

    /// <summary>Records a delivered event.</summary>
    public void Accept(CcsEvent e)
    {
        Advance(e.Sequence);
        if (_ids.Add(e.Id))
        {
            _order.Enqueue(e.Id);
            if (_order.Count > _window)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }

    /// <summary>Moves past an event that is not delivered (filtered out), so a resume does not ask for it again.</summary>
    public void Advance(long sequence)
    {
        if (sequence > LastSequence)
        {
            LastSequence = sequence;
        }
    }

    /// <summary>A new session numbers its events afresh; the ids are kept.</summary>
    public void StartNewSession() => LastSequence = 0;
}

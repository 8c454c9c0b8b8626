using System;
using System.Collections.Generic;
using System.Linq;

namespace Ccs.Testing;

/// <summary>
/// A session of the event protocol: its subscription (families, tenants), its own sequence numbers,
/// the last events for replay after a <c>resume</c>, and the connection it is attached to, if any.
/// Thread-safe: the change pump offers events while connections attach, read and detach.
/// </summary>
internal sealed class EventSession
{
    private readonly object _gate = new();
    private readonly byte[]?[] _replay;
    private readonly int _queueCapacity;
    private HashSet<string> _families;
    private HashSet<string> _tenants;
    private long _lastSeq;
    private EventSocket? _attached;
    private DateTimeOffset _detachedAt;
    private bool _ended;

    public EventSession(string id, IEnumerable<string> families, IEnumerable<string> tenantIds, int replayCapacity, int queueCapacity)
    {
        Id = id;
        _families = new HashSet<string>(families, StringComparer.Ordinal);
        _tenants = new HashSet<string>(tenantIds, StringComparer.OrdinalIgnoreCase);
        _replay = new byte[replayCapacity][];
        _queueCapacity = queueCapacity;
    }

    public string Id { get; }

    /// <summary>The families subscribed to, in a stable order.</summary>
    public IReadOnlyList<string> Families
    {
        get
        {
            lock (_gate)
            {
                return _families.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>The tenant filter (empty: every tenant).</summary>
    public IReadOnlyList<string> TenantIds
    {
        get
        {
            lock (_gate)
            {
                return _tenants.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Replaces the subscription (a later <c>subscribe</c> on the same session).</summary>
    public void Subscribe(IEnumerable<string> families, IEnumerable<string> tenantIds)
    {
        lock (_gate)
        {
            _families = new HashSet<string>(families, StringComparer.Ordinal);
            _tenants = new HashSet<string>(tenantIds, StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Stops families (<c>unsubscribe</c>).</summary>
    public void Unsubscribe(IEnumerable<string> families)
    {
        lock (_gate)
        {
            _families.ExceptWith(families);
        }
    }

    /// <summary>
    /// Numbers and keeps an event if the subscription wants it, and wakes the attached connection. A
    /// connection that has more than the queue capacity of new events unsent is closed (4000): it
    /// must not make the session, or the emulator, wait.
    /// </summary>
    /// <returns>Whether the attached connection was closed for falling behind.</returns>
    public bool Offer(EventRecord e)
    {
        EventSocket? tooSlow = null;
        lock (_gate)
        {
            if (_ended || !_families.Contains(e.Family) || (_tenants.Count > 0 && !_tenants.Contains(e.TenantId)))
            {
                return false;
            }

            var seq = ++_lastSeq;
            _replay[Slot(seq)] = EventFrames.Event(e, seq);
            if (_attached is { } socket)
            {
                if (!socket.Silent && socket.Backlog(seq) > _queueCapacity)
                {
                    tooSlow = socket;
                    DetachLocked(socket, e.Timestamp);
                }
                else
                {
                    socket.Wake();
                }
            }
        }

        tooSlow?.RequestClose(Ccs.Events.CcsEventCloseCodes.ServerError, "client_too_slow");
        return tooSlow is not null;
    }

    /// <summary>
    /// Attaches a connection that sent <c>subscribe</c> (from the current end of the sequence) or
    /// <c>resume</c> (from <paramref name="lastSeq"/>), with its acknowledgement queued before any event.
    /// </summary>
    /// <returns>Null when attached; else the <c>invalid_session</c> reason.</returns>
    public string? TryAttach(EventSocket socket, long? lastSeq, DateTimeOffset now, TimeSpan resumeWindow, Func<long, byte[]> acknowledgement, out EventSocket? replaced)
    {
        replaced = null;
        lock (_gate)
        {
            if (_ended)
            {
                return "unknown_session";
            }

            if (lastSeq is { } last)
            {
                if (_attached is null && now - _detachedAt > resumeWindow)
                {
                    _ended = true;
                    return "resume_window_expired";
                }

                if (last < FirstKeptLocked() - 1)
                {
                    return "resume_window_expired";
                }
            }

            var from = Math.Min(lastSeq ?? _lastSeq, _lastSeq);
            if (_attached is not null && _attached != socket)
            {
                replaced = _attached;
            }

            _attached = socket;
            socket.Attach(this, from, _lastSeq, acknowledgement(lastSeq ?? 0));
            return null;
        }
    }

    /// <summary>The connection ended: the session waits for a resume for the resume window.</summary>
    public void Detach(EventSocket socket, DateTimeOffset now)
    {
        lock (_gate)
        {
            DetachLocked(socket, now);
        }
    }

    /// <summary>Whether the session is detached for longer than the window; such a session is ended for good.</summary>
    public bool EndIfExpired(DateTimeOffset now, TimeSpan resumeWindow)
    {
        lock (_gate)
        {
            if (!_ended && _attached is null && now - _detachedAt > resumeWindow)
            {
                _ended = true;
            }

            return _ended;
        }
    }

    /// <summary>Ends the session: it gets no more events and cannot be resumed (forgotten).</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
        }
    }

    /// <summary>
    /// Copies the frames after <paramref name="cursor"/> into <paramref name="frames"/> (at most its
    /// capacity). Returns false when frames after the cursor are no longer kept (the connection lagged
    /// past the replay capacity).
    /// </summary>
    public bool TryRead(long cursor, List<(long Seq, byte[] Frame)> frames, int max)
    {
        lock (_gate)
        {
            if (cursor < FirstKeptLocked() - 1)
            {
                return false;
            }

            for (var seq = cursor + 1; seq <= _lastSeq && frames.Count < max; seq++)
            {
                frames.Add((seq, _replay[Slot(seq)]!));
            }

            return true;
        }
    }

    private long FirstKeptLocked() => Math.Max(1, _lastSeq - _replay.Length + 1);

    private int Slot(long seq) => (int)((seq - 1) % _replay.Length);

    private void DetachLocked(EventSocket socket, DateTimeOffset now)
    {
        if (_attached == socket)
        {
            _attached = null;
            _detachedAt = now;
        }
    }
}

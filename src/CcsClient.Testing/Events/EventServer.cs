using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>
/// The emulator's real-time event endpoint (<c>/6/v2/events</c>, <c>asyncapi.yaml</c>): accepts
/// WebSocket upgrades (the bearer check runs before, as for REST), keeps the sessions, and pumps the
/// state's <see cref="ChangeFeed"/> into them. One pump task numbers each event per session; it never
/// waits for a socket, so a slow client holds back nobody.
/// </summary>
internal sealed class EventServer
{
    /// <summary>The path of the event endpoint.</summary>
    public const string Path = "/6/v2/events";

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, EventSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<EventSocket, byte> _sockets = new();
    private readonly ChangeSubscription _changes;
    private readonly int _replayCapacity;
    private readonly int _queueCapacity;
    private readonly Task _pump;
    private int _duplicates;
    private int _slowClientsClosed;
    private volatile bool _stopping;

    public EventServer(CcsEmulatorOptions options, ChangeFeed changes)
    {
        Clock = options.TimeProvider;
        HeartbeatInterval = options.HeartbeatInterval;
        ResumeWindow = options.ResumeWindow;
        _replayCapacity = options.EventReplayCapacity;
        _queueCapacity = options.EventQueueCapacity;
        _changes = changes.Subscribe();
        _pump = Task.Run(PumpAsync);
    }

    public TimeProvider Clock { get; }

    public TimeSpan HeartbeatInterval { get; }

    public TimeSpan ResumeWindow { get; }

    /// <summary>The WebSocket connections open now.</summary>
    public int OpenConnections => _sockets.Count;

    /// <summary>How many connections were closed for falling more than the queue capacity behind.</summary>
    public int SlowClientsClosed => Volatile.Read(ref _slowClientsClosed);

    /// <summary>Whether a request is for the event endpoint (REST faults do not apply to it).</summary>
    public static bool IsEventsRequest(HttpContext context) => context.Request.Path.Equals(Path, StringComparison.Ordinal);

    /// <summary>Serves one request to the event endpoint: a WebSocket for its whole life.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ErrorResponse.WriteAsync(context, 400, "websocket_required", $"{Path} is a WebSocket endpoint: send a GET upgrade request (asyncapi.yaml).").ConfigureAwait(false);
            return;
        }

        if (_stopping)
        {
            await ErrorResponse.WriteAsync(context, 503, "shutting_down", "The emulator is stopping.").ConfigureAwait(false);
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var socket = new EventSocket(webSocket, context, this, "s-" + Guid.NewGuid().ToString("N"));
        _sockets[socket] = 0;
        try
        {
            if (_stopping)
            {
                socket.RequestClose(1001, "server_shutdown", ShutdownGrace);
            }

            await socket.RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _sockets.TryRemove(socket, out _);
            socket.Session?.Detach(socket, Clock.GetUtcNow());
        }
    }

    public EventSession CreateSession(string id, IEnumerable<string> families, IEnumerable<string> tenantIds)
    {
        var session = new EventSession(id, families, tenantIds, _replayCapacity, _queueCapacity);
        if (!_sessions.TryAdd(id, session))
        {
            throw new InvalidOperationException($"The session id {id} is taken.");
        }

        return session;
    }

    public EventSession? FindSession(string id) => _sessions.TryGetValue(id, out var session) ? session : null;

    public void RemoveSessionIfEnded(EventSession session)
    {
        if (session.EndIfExpired(Clock.GetUtcNow(), ResumeWindow))
        {
            _sessions.TryRemove(new KeyValuePair<string, EventSession>(session.Id, session));
        }
    }

    /// <summary>Aborts every open connection (no close frame); their sessions stay resumable.</summary>
    public int DropConnections()
        => ForEachSocket(s =>
        {
            // Detached now, not when the handler notices: the resume window starts at the drop.
            s.Session?.Detach(s, Clock.GetUtcNow());
            s.Abort();
        });

    /// <summary>Makes every open connection half-open: it sends nothing more and stays open.</summary>
    public int SilenceConnections() => ForEachSocket(s => s.Silence());

    /// <summary>Sends <c>closing</c> and closes every open connection with <paramref name="code"/>.</summary>
    public int CloseConnections(int code, string reason) => ForEachSocket(s => s.RequestClose(code, reason));

    /// <summary>
    /// Forgets every session and drops every connection, as a server that lost its state: a resume gets
    /// <c>invalid_session</c> (<c>unknown_session</c>).
    /// </summary>
    public int ForgetSessions()
    {
        var count = 0;
        foreach (var session in _sessions.Values)
        {
            if (_sessions.TryRemove(new KeyValuePair<string, EventSession>(session.Id, session)))
            {
                session.End();
                count++;
            }
        }

        DropConnections();
        return count;
    }

    /// <summary>Sends each of the next <paramref name="count"/> event frames twice.</summary>
    public void DuplicateNext(int count) => Interlocked.Add(ref _duplicates, count);

    /// <summary>Uses up one pending duplicate, if any.</summary>
    public bool TakeDuplicate()
    {
        while (true)
        {
            var pending = Volatile.Read(ref _duplicates);
            if (pending <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _duplicates, pending - 1, pending) == pending)
            {
                return true;
            }
        }
    }

    public void ClearFaults() => Interlocked.Exchange(ref _duplicates, 0);

    /// <summary>
    /// Refuses new connections, closes the open ones with 1001 (going away), waits for them (a client
    /// that does not answer is dropped after a second) and ends the pump.
    /// </summary>
    public async Task StopAsync()
    {
        _stopping = true;
        var sockets = _sockets.Keys.ToList();
        foreach (var socket in sockets)
        {
            socket.RequestClose(1001, "server_shutdown", ShutdownGrace);
        }

        await Task.WhenAll(sockets.Select(s => s.Completion)).ConfigureAwait(false);
        _changes.Dispose();
        await _pump.ConfigureAwait(false);
    }

    private int ForEachSocket(Action<EventSocket> action)
    {
        var count = 0;
        foreach (var socket in _sockets.Keys)
        {
            action(socket);
            count++;
        }

        return count;
    }

    private async Task PumpAsync()
    {
        await foreach (var change in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var now = Clock.GetUtcNow();
            var e = EventRecord.From(change, now);
            foreach (var session in _sessions.Values)
            {
                if (session.EndIfExpired(now, ResumeWindow))
                {
                    _sessions.TryRemove(new KeyValuePair<string, EventSession>(session.Id, session));
                    continue;
                }

                if (session.Offer(e))
                {
                    Interlocked.Increment(ref _slowClientsClosed);
                }
            }
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>
/// One WebSocket connection of the event endpoint. Two loops: the receive loop reads client messages
/// (<see cref="ClientMessageHandler"/>); the send loop writes, in this order of priority, a requested
/// close (<c>closing</c>, then the close frame), control messages (acknowledgements, errors,
/// heartbeats), then the attached session's events after the connection's cursor. Nothing that
/// produces messages ever waits for the socket.
/// </summary>
internal sealed class EventSocket : IDisposable
{
    private const int MaxMessageBytes = 16 * 1024;
    private const int MaxControlBacklog = 64;
    private const int EventBatch = 64;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly EventServer _server;
    private readonly ConcurrentQueue<byte[]> _control = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _closeDeadline = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer _heartbeat;
    private readonly object _lifetime = new();
    private bool _disposed;
    private CloseRequest? _close;
    private EventSession? _session;
    private long _cursor;
    private long _attachSeq;
    private int _controlCount;
    private volatile bool _silent;

    public EventSocket(WebSocket socket, HttpContext context, EventServer server, string offeredSessionId)
    {
        _socket = socket;
        _context = context;
        _server = server;
        OfferedSessionId = offeredSessionId;
        _closeDeadline.Token.Register(static s => ((EventSocket)s!).Abort(), this);
        _heartbeat = server.Clock.CreateTimer(static s => ((EventSocket)s!).OnHeartbeatTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The session id the <c>hello</c> offered; it becomes the session's id on <c>subscribe</c>.</summary>
    public string OfferedSessionId { get; }

    /// <summary>The session attached to this connection, if any.</summary>
    public EventSession? Session => Volatile.Read(ref _session);

    /// <summary>Whether the connection is half-open on purpose (a fault): it sends nothing any more.</summary>
    public bool Silent => _silent;

    /// <summary>Completes when the connection has ended.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Serves the connection until it ends.</summary>
    public async Task RunAsync(CancellationToken requestAborted)
    {
        var interval = _server.HeartbeatInterval;
        _heartbeat.Change(interval, Timeout.InfiniteTimeSpan);
        EnqueueControl(EventFrames.Hello(OfferedSessionId, interval, _server.ResumeWindow));
        var sender = Task.Run(() => SendLoopAsync(_stop.Token), CancellationToken.None);
        try
        {
            await ReceiveLoopAsync(requestAborted).ConfigureAwait(false);

            // The client closed: answer its close frame (unless a close of ours is already on its way).
            RequestClose(WebSocketCloseStatus.NormalClosure, announce: false, "closed by the client", CloseGrace);
            await sender.WaitAsync(_closeDeadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionLoss(ex))
        {
            // The client went away or the connection was aborted (a fault, a shutdown): how connections end.
        }
        finally
        {
            _stop.Cancel();
            await sender.ConfigureAwait(false);
            _heartbeat.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _completion.TrySetResult();
        }
    }

    /// <summary>Attaches the session (under its lock) with the acknowledgement queued ahead of every event.</summary>
    public void Attach(EventSession session, long cursor, long attachSeq, byte[] acknowledgement)
    {
        EnqueueControl(acknowledgement);
        Interlocked.Exchange(ref _cursor, cursor);
        Interlocked.Exchange(ref _attachSeq, attachSeq);
        Volatile.Write(ref _session, session);
        Wake();
    }

    /// <summary>How many new events (offered after the connection attached) wait unsent, given the session's last seq.</summary>
    public long Backlog(long lastSeq) => lastSeq - Math.Max(Interlocked.Read(ref _cursor), Interlocked.Read(ref _attachSeq));

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Queues a control message; a client that lets too many pile up is closed as too slow.</summary>
    public void EnqueueControl(byte[] frame)
    {
        if (Interlocked.Increment(ref _controlCount) > MaxControlBacklog)
        {
            Interlocked.Decrement(ref _controlCount);
            RequestClose(Ccs.Events.CcsEventCloseCodes.ServerError, "client_too_slow");
            return;
        }

        _control.Enqueue(frame);
        Wake();
    }

    /// <summary>Sends <c>closing</c> and a close frame with <paramref name="code"/> next, then ends the connection.</summary>
    public void RequestClose(int code, string reason, TimeSpan? grace = null)
        => RequestClose((WebSocketCloseStatus)code, announce: true, reason, grace ?? CloseGrace);

    /// <summary>Makes the connection half-open: from now on it sends nothing, heartbeats included, and stays open.</summary>
    public void Silence() => _silent = true;

    /// <summary>Drops the connection at once, without a close frame (nothing to do once it has ended).</summary>
    public void Abort()
    {
        lock (_lifetime)
        {
            if (!_disposed)
            {
                _context.Abort();
            }
        }
    }

    // Faults and shutdown reach connections from other threads, possibly just as one ends: they find it disposed, not broken.
    public void Dispose()
    {
        lock (_lifetime)
        {
            _disposed = true;
            _heartbeat.Dispose();
            _closeDeadline.Dispose();
            _stop.Dispose();
        }
    }

    private static bool IsConnectionLoss(Exception ex)
        => ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException;

    private void RequestClose(WebSocketCloseStatus status, bool announce, string reason, TimeSpan grace)
    {
        lock (_lifetime)
        {
            if (_disposed || Interlocked.CompareExchange(ref _close, new CloseRequest(status, announce, reason), null) is not null)
            {
                return;
            }

            // A client that does not answer the close handshake in time is dropped.
            _closeDeadline.CancelAfter(grace);
        }

        Wake();
    }

    // One-shot, re-armed by every send: a heartbeat goes out one interval after the last frame, so a
    // client never waits longer than that (its watchdog allows twice as long).
    private void OnHeartbeatTick()
    {
        if (Volatile.Read(ref _close) is null)
        {
            EnqueueControl(EventFrames.Heartbeat(_server.Clock.GetUtcNow(), nonce: null));
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var handler = new ClientMessageHandler(this, _server);
        var buffer = new byte[MaxMessageBytes];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    RequestClose((int)WebSocketCloseStatus.MessageTooBig, "message_too_big");
                    count = 0; // discard the rest of the message
                }

                result = await _socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            switch (result.MessageType)
            {
                case WebSocketMessageType.Close:
                    return;
                case WebSocketMessageType.Binary:
                    RequestClose(Ccs.Events.CcsEventCloseCodes.InvalidMessage, "invalid_message: the protocol uses text frames only");
                    break;
                default:
                    if (Volatile.Read(ref _close) is null)
                    {
                        handler.Handle(buffer.AsMemory(0, count));
                    }

                    break;
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var events = new List<(long Seq, byte[] Frame)>(EventBatch);
        try
        {
            while (true)
            {
                if (_silent)
                {
                    // Half-open: nothing leaves any more, a close frame neither; a close request just ends the loop.
                    if (Volatile.Read(ref _close) is not null)
                    {
                        return;
                    }

                    await _wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // Read the session before the control queue: its acknowledgement was queued before it was attached.
                var session = Volatile.Read(ref _session);
                if (Volatile.Read(ref _close) is { } close)
                {
                    await SendCloseAsync(close, cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (_control.TryDequeue(out var control))
                {
                    Interlocked.Decrement(ref _controlCount);
                    await SendAsync(control, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                events.Clear();
                if (session is not null && !session.TryRead(Interlocked.Read(ref _cursor), events, EventBatch))
                {
                    // Events this connection still had to send were dropped from the replay buffer: say so rather than skip them.
                    RequestClose(Ccs.Events.CcsEventCloseCodes.ServerError, "client_too_slow");
                    continue;
                }

                if (events.Count == 0)
                {
                    await _wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var (seq, frame) in events)
                {
                    if (_silent || Volatile.Read(ref _close) is not null || Volatile.Read(ref _session) != session)
                    {
                        break;
                    }

                    await SendAsync(frame, cancellationToken).ConfigureAwait(false);
                    if (_server.TakeDuplicate())
                    {
                        await SendAsync(frame, cancellationToken).ConfigureAwait(false);
                    }

                    Interlocked.Exchange(ref _cursor, seq);
                }
            }
        }
        catch (Exception ex) when (IsConnectionLoss(ex))
        {
            // The connection ended (or is ending) under the send; make sure the receive loop ends too.
            if (!cancellationToken.IsCancellationRequested)
            {
                _context.Abort();
            }
        }
    }

    private async Task SendCloseAsync(CloseRequest close, CancellationToken cancellationToken)
    {
        if (close.Announce)
        {
            await SendAsync(EventFrames.Closing((int)close.Status, close.Reason), cancellationToken).ConfigureAwait(false);
        }

        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(close.Status, close.Announce ? close.Reason : null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        _heartbeat.Change(_server.HeartbeatInterval, Timeout.InfiniteTimeSpan);
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, bool Announce, string Reason);
}

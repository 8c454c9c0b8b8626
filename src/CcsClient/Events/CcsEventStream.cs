using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Ccs.Events.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ccs.Events;

/// <summary>
/// A typed subscriber to the CCS real-time event stream (<c>wss://{ccs_domain}/6/v2/events</c>) that
/// survives the network: heartbeat watchdog, reconnect with backoff, resume from the last sequence
/// number, de-duplication by event id, and a bounded buffer between the socket and your code.
/// </summary>
/// <remarks>
/// <para>
/// Delivery: at least once on the wire; exactly once and in order to you while the server can resume
/// the session (its resume window). Outside it, <see cref="GapDetected"/> fires and the stream goes on
/// with a new session: resynchronise over REST.
/// </para>
/// <para>
/// Consume with <see cref="ReadAllAsync"/> or with <see cref="On{TEvent}"/> handlers, not both. Your code
/// never runs on the socket's receive loop.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A stream of events, not a System.IO.Stream; the name the design chose.")]
public sealed class CcsEventStream : IAsyncDisposable
{
    /// <summary>How many recent event ids are remembered for de-duplication across sessions.</summary>
    internal const int DeduplicationWindow = 10_000;

    private const int NoConsumer = 0;
    private const int IteratorConsumer = 1;
    private const int HandlerConsumer = 2;
    private static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly Func<CancellationToken, ValueTask<string>> _accessTokenProvider;
    private readonly ICcsReconnectPolicy _reconnectPolicy;
    private readonly IReadOnlyList<string> _families;
    private readonly IReadOnlyList<string> _tenantIds;
    private readonly HashSet<string> _tenantFilter;
    private readonly int _maxMessageSize;
    private readonly TimeSpan _handshakeTimeout;
    private readonly CcsEventBufferFullMode _fullMode;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventStreamDiagnostics _diagnostics;
    private readonly Channel<CcsEvent> _buffer;
    private readonly EventDeduplicator _deduplicator = new(DeduplicationWindow);
    private readonly EventHandlerRegistry _handlers = new();
    private readonly NotificationDispatcher _notifications;
    private readonly CancellationTokenSource _stop = new();

    private int _state;
    private int _started;
    private int _disposed;
    private int _consumer;
    private long _received;
    private long _dropped;
    private long _duplicates;
    private long _malformed;
    private Task? _runTask;
    private Task? _dispatchTask;
    private EventConnection? _current;
    private string? _sessionId;

    /// <summary>Creates a stream; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The endpoint (required here) and how to subscribe, buffer and reconnect.</param>
    /// <param name="accessTokenProvider">Returns the bearer token; called on every connect and never cached, so a refreshed token is always used.</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="meterFactory">Creates the "CcsClient" meter; a private meter by default.</param>
    /// <param name="timeProvider">The clock for heartbeats and backoff; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="accessTokenProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to fix.</exception>
    public CcsEventStream(
        CcsEventStreamOptions options,
        Func<CancellationToken, ValueTask<string>> accessTokenProvider,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        TimeProvider? timeProvider = null)
        : this(Argument.NotNull(options, nameof(options)).Endpoint!, options, accessTokenProvider, loggerFactory, meterFactory, timeProvider)
    {
    }

    internal CcsEventStream(
        Uri endpoint,
        CcsEventStreamOptions options,
        Func<CancellationToken, ValueTask<string>> accessTokenProvider,
        ILoggerFactory? loggerFactory,
        IMeterFactory? meterFactory,
        TimeProvider? timeProvider)
    {
        Argument.NotNull(options, nameof(options));
        _accessTokenProvider = Argument.NotNull(accessTokenProvider, nameof(accessTokenProvider));
        var errors = options.Validate(endpoint);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        // A snapshot: later changes to the options object do not reach a running stream.
        Endpoint = endpoint;
        _families = options.Families.Distinct(StringComparer.Ordinal).ToArray();
        _tenantIds = options.TenantIds.Distinct(StringComparer.Ordinal).ToArray();
        _tenantFilter = new HashSet<string>(_tenantIds, StringComparer.OrdinalIgnoreCase);
        _maxMessageSize = options.MaxMessageSize;
        _handshakeTimeout = options.HandshakeTimeout;
        _fullMode = options.FullMode;
        _reconnectPolicy = options.ReconnectPolicy;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger<CcsEventStream>() ?? (ILogger)NullLogger.Instance;
        _diagnostics = new EventStreamDiagnostics(meterFactory);
        _notifications = new NotificationDispatcher(_logger);
        _buffer = Channel.CreateBounded<CcsEvent>(
            new BoundedChannelOptions(options.BufferCapacity)
            {
                FullMode = _fullMode == CcsEventBufferFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
                SingleWriter = true,
                SingleReader = true,
            },
            OnDropped);
    }

    /// <summary>Raised, off the receive loop and in order, when <see cref="State"/> changes.</summary>
    public event EventHandler<CcsConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>
    /// Raised, off the receive loop, when the server could not resume the session: events may have been
    /// missed. Resynchronise over REST; the stream itself goes on with a new session.
    /// </summary>
    public event EventHandler<CcsEventGapEventArgs>? GapDetected;

    /// <summary>The event endpoint this stream connects to.</summary>
    public Uri Endpoint { get; }

    /// <summary>The connection state now.</summary>
    public CcsConnectionState State => (CcsConnectionState)Volatile.Read(ref _state);

    /// <summary>Events put into the buffer (after de-duplication and tenant filtering).</summary>
    public long ReceivedEvents => Interlocked.Read(ref _received);

    /// <summary>Events dropped from a full buffer (<see cref="CcsEventBufferFullMode.DropOldest"/>).</summary>
    public long DroppedEvents => Interlocked.Read(ref _dropped);

    /// <summary>Events the server sent again (replays after a resume, repeats) that were not delivered twice.</summary>
    public long DuplicateEvents => Interlocked.Read(ref _duplicates);

    /// <summary>Messages that could not be decoded; each was logged and skipped.</summary>
    public long MalformedMessages => Interlocked.Read(ref _malformed);

    /// <summary>Events waiting in the buffer for the consumer.</summary>
    internal int BufferedCount => _buffer.Reader.Count;

    /// <summary>
    /// Connects, subscribes and returns once the server has acknowledged; from then on the stream
    /// reconnects by itself. If this first connection fails the stream stays disconnected and the
    /// error is thrown; call again to retry.
    /// </summary>
    /// <param name="cancellationToken">Cancels the first connection attempt (not the stream once started).</param>
    /// <returns>A task that completes when the stream is connected.</returns>
    /// <exception cref="CcsAuthenticationException">The server refused the token (HTTP 401 at the upgrade).</exception>
    /// <exception cref="CcsAuthorizationException">The token may not receive events (HTTP 403 at the upgrade).</exception>
    /// <exception cref="CcsEventStreamException">The connection or the handshake failed.</exception>
    /// <exception cref="InvalidOperationException">The stream is already started.</exception>
    /// <exception cref="ObjectDisposedException">The stream is disposed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (Interlocked.CompareExchange(ref _started, 1, 0) != 0)
        {
            throw new InvalidOperationException("The event stream is already started.");
        }

        SetState(CcsConnectionState.Connecting, "starting");
        EventConnection connection;
        try
        {
            connection = await ConnectAsync(attempt: 1, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _started, 0);
            SetState(CcsConnectionState.Disconnected, "the first connection failed: " + ex.Message, ex);
            if (ex is OperationCanceledException && _stop.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(CcsEventStream));
            }

            throw Classify(ex, null).Error;
        }

        _runTask = Task.Run(() => RunAsync(connection, _stop.Token), CancellationToken.None);
    }

    /// <summary>
    /// Reads the events as they arrive, in order, until the stream is disposed. The enumeration ends
    /// with the error if the stream stops for good (a refused token, a policy that gave up).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration (not the stream).</param>
    /// <returns>The events.</returns>
    /// <exception cref="InvalidOperationException">Events are already consumed by another enumeration or by <see cref="On{TEvent}"/> handlers.</exception>
    public IAsyncEnumerable<CcsEvent> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (Interlocked.CompareExchange(ref _consumer, IteratorConsumer, NoConsumer) != NoConsumer)
        {
            throw new InvalidOperationException("The events are already being consumed (by another ReadAllAsync or by On handlers); a stream has one consumer.");
        }

        return ReadBufferAsync(cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every event of type <typeparamref name="TEvent"/> (use
    /// <see cref="CcsEvent"/> for all), in order, one event at a time, off the receive loop. A handler
    /// that throws is logged and the next event still arrives.
    /// </summary>
    /// <typeparam name="TEvent">The event type, for example <see cref="CallStateChanged"/>.</typeparam>
    /// <param name="handler">The handler; its token is cancelled when the stream is disposed.</param>
    /// <returns>Dispose it to remove the handler.</returns>
    /// <exception cref="InvalidOperationException">The events are already consumed by <see cref="ReadAllAsync"/>.</exception>
    public IDisposable On<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : CcsEvent
    {
        Argument.NotNull(handler, nameof(handler));
        ThrowIfDisposed();
        var previous = Interlocked.CompareExchange(ref _consumer, HandlerConsumer, NoConsumer);
        if (previous == IteratorConsumer)
        {
            throw new InvalidOperationException("The events are already being consumed by ReadAllAsync; a stream has one consumer.");
        }

        var registration = _handlers.Add(handler);
        if (previous == NoConsumer)
        {
            _dispatchTask = Task.Run(() => DispatchAsync(_stop.Token), CancellationToken.None);
        }

        return registration;
    }

    /// <summary>
    /// Stops the stream: sends a close frame when connected, cancels any reconnect wait or attempt, ends
    /// <see cref="ReadAllAsync"/> and the handlers. Returns promptly in every state.
    /// </summary>
    /// <returns>A task that completes when the stream has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var connection = Volatile.Read(ref _current);
        if (connection is not null)
        {
            using var timeout = TimeProviderTasks.CancelAfter(_time, CloseTimeout);
            try
            {
                await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "client disposed", timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The close frame could not be sent in time; the socket is aborted below.
            }
        }

        _stop.Cancel();
        await (_runTask ?? Task.CompletedTask).ConfigureAwait(false);
        await (_dispatchTask ?? Task.CompletedTask).ConfigureAwait(false);
        _buffer.Writer.TryComplete();
        SetState(CcsConnectionState.Disconnected, "disposed");
        await _notifications.CompleteAsync().ConfigureAwait(false);
        _diagnostics.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// Synchronous teardown for <see cref="CcsClient.Dispose()"/>: cancels everything at once without
    /// waiting and without a close frame. <see cref="DisposeAsync"/> is the graceful way.
    /// </summary>
    internal void Stop()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _buffer.Writer.TryComplete();
        SetState(CcsConnectionState.Disconnected, "client disposed");
        _ = _notifications.CompleteAsync();
        _diagnostics.Dispose();
    }

    private async IAsyncEnumerable<CcsEvent> ReadBufferAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            var reader = _buffer.Reader;
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var e))
                {
                    yield return e;
                }
            }
        }
        finally
        {
            Interlocked.CompareExchange(ref _consumer, NoConsumer, IteratorConsumer);
        }
    }

    private async Task DispatchAsync(CancellationToken stop)
    {
        var reader = _buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (reader.TryRead(out var e))
                {
                    foreach (var registration in _handlers.Snapshot())
                    {
                        if (registration.Accepts(e))
                        {
                            await InvokeHandlerAsync(registration, e, stop).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the handlers stop with the stream.
        }
        catch (Exception ex) when (reader.Completion.IsCompleted)
        {
            // The stream stopped for good; StateChanged and the log have reported why.
            EventStreamLog.Stopped(_logger, "handlers stopped with the stream", ex);
        }
    }

    private async ValueTask InvokeHandlerAsync(EventHandlerRegistry.Registration registration, CcsEvent e, CancellationToken stop)
    {
        try
        {
            await registration.Invoke(e, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One failing handler must not stop the events that follow; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EventStreamLog.HandlerFailed(_logger, e.Type, ex);
        }
    }

    private async Task RunAsync(EventConnection connection, CancellationToken stop)
    {
        var current = connection;
        try
        {
            while (true)
            {
                var lost = await PumpAsync(current, stop).ConfigureAwait(false);
                Volatile.Write(ref _current, null);
                current.Dispose();
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                EventStreamLog.ConnectionLost(_logger, lost.Reason, lost.Error);
                if (lost.Fatal)
                {
                    Fail(lost.Reason, lost.Error);
                    return;
                }

                var next = await ReconnectAsync(lost, stop).ConfigureAwait(false);
                if (next is null)
                {
                    return;
                }

                current = next;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed while waiting or connecting.
        }
    }

    private async Task<EventConnection?> ReconnectAsync(Disconnect lost, CancellationToken stop)
    {
        SetState(CcsConnectionState.Reconnecting, lost.Reason, lost.Error);
        var since = _time.GetTimestamp();
        Exception lastError = lost.Error;
        for (var attempt = 1; ; attempt++)
        {
            var delay = _reconnectPolicy.GetNextDelay(new CcsReconnectContext(attempt, _time.GetElapsedTime(since), lastError));
            if (delay is null)
            {
                Fail($"the reconnect policy gave up after {attempt - 1} attempts", new CcsEventStreamException($"The event stream gave up reconnecting after {attempt - 1} attempts.", lastError));
                return null;
            }

            EventStreamLog.ReconnectScheduled(_logger, delay.Value, attempt);
            if (delay.Value > TimeSpan.Zero)
            {
                await TimeProviderTasks.Delay(_time, delay.Value, stop).ConfigureAwait(false);
            }

            _diagnostics.Reconnect();
            try
            {
                return await ConnectAsync(attempt + 1, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                var failure = Classify(ex, null);
                if (failure.Fatal)
                {
                    Fail(failure.Reason, failure.Error);
                    return null;
                }

                EventStreamLog.ReconnectFailed(_logger, attempt, ex);
                lastError = failure.Error;
            }
        }
    }

    /// <summary>Opens a socket and runs the handshake until the server acknowledges the subscription or the resume.</summary>
    private async Task<EventConnection> ConnectAsync(int attempt, CancellationToken cancellationToken)
    {
        using var activity = _diagnostics.StartConnect(Endpoint, attempt, _sessionId is not null);
        EventStreamLog.Connecting(_logger, Endpoint, attempt);
        var watchdog = new ConnectionWatchdog(_time, _stop.Token);
        EventConnection? connection = null;
        try
        {
            using var callerGaveUp = cancellationToken.Register(static w => ((ConnectionWatchdog)w!).Cancel(), watchdog);
            watchdog.Arm(_handshakeTimeout);
            var token = await _accessTokenProvider(watchdog.Token).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new CcsAuthenticationException("The access token provider returned no token.", new CcsErrorDetails { OperationId = WebSocketConnector.OperationId, PathTemplate = Endpoint.AbsolutePath });
            }

            var socket = await WebSocketConnector.ConnectAsync(Endpoint, token, watchdog.Token).ConfigureAwait(false);
            connection = new EventConnection(socket, _maxMessageSize, watchdog);
            while (!connection.Acknowledged)
            {
                var frame = await connection.ReceiveAsync(watchdog.Token).ConfigureAwait(false)
                    ?? throw ClosedByServer(connection);
                await HandleFrameAsync(connection, frame, watchdog.Token).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            connection.Watchdog.Arm(connection.SilenceLimit);
            activity?.SetTag("ccs.events.session_id", _sessionId);
            Volatile.Write(ref _current, connection);
            SetState(CcsConnectionState.Connected, attempt == 1 ? "connected" : "reconnected");
            return connection;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            if (connection is null)
            {
                watchdog.Dispose();
            }
            else
            {
                connection.Dispose();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (ex is OperationCanceledException or WebSocketException && watchdog.Fired)
            {
                throw new CcsEventStreamException($"The connection or handshake took longer than {_handshakeTimeout}.", ex);
            }

            throw;
        }
    }

    /// <summary>Receives and handles frames until the connection ends; returns why it ended.</summary>
    private async Task<Disconnect> PumpAsync(EventConnection connection, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                connection.Watchdog.Arm(connection.SilenceLimit);
                var frame = await connection.ReceiveAsync(connection.Watchdog.Token).ConfigureAwait(false);
                connection.Watchdog.Pause();
                if (frame is null)
                {
                    return Classify(ClosedByServer(connection), connection);
                }

                await HandleFrameAsync(connection, frame.Value, stop).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            var lost = Classify(ex, connection);
            if (ex is CcsEventStreamException { CloseStatus: (int)WebSocketCloseStatus.MessageTooBig })
            {
                using var timeout = TimeProviderTasks.CancelAfter(_time, CloseTimeout);
                await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big", timeout.Token).ConfigureAwait(false);
            }

            return lost;
        }
    }

    /// <summary>
    /// What the receive loop does with one event frame, without a socket: decode, tenant filter,
    /// de-duplicate, buffer (and so on to the handlers). A seam for the benchmarks (InternalsVisibleTo):
    /// only on a stream that was never started, from one caller at a time. Control messages are skipped.
    /// </summary>
    internal async ValueTask FeedFrameAsync(ArraySegment<byte> frame, CancellationToken cancellationToken)
    {
        if (TryDecode(frame, out _, out var e) && e is not null)
        {
            await DeliverAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryDecode(ArraySegment<byte> frame, [NotNullWhen(true)] out WireMessage? message, out CcsEvent? e)
    {
        e = null;
        try
        {
            message = EventFrameDecoder.ReadMessage(frame);
            if (EventFrameDecoder.IsEvent(message))
            {
                e = EventFrameDecoder.ToEvent(message, frame);
            }

            return true;
        }
        catch (JsonException ex)
        {
            Interlocked.Increment(ref _malformed);
            _diagnostics.Malformed();
            EventStreamLog.MalformedMessage(_logger, frame.Count, ex);
            message = null;
            return false;
        }
    }

    private async Task HandleFrameAsync(EventConnection connection, ArraySegment<byte> frame, CancellationToken cancellationToken)
    {
        if (!TryDecode(frame, out var message, out var e))
        {
            return;
        }

        if (e is not null)
        {
            await DeliverAsync(e, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (message.Type)
        {
            case WireTypes.Hello:
                connection.OfferedSessionId = message.SessionId;
                var interval = message.HeartbeatIntervalMs is > 0 ? TimeSpan.FromMilliseconds(message.HeartbeatIntervalMs.Value) : DefaultHeartbeatInterval;
                connection.SilenceLimit = interval + interval;
                await connection.SendAsync(
                    _sessionId is null ? WireWriter.Subscribe(_families, _tenantIds) : WireWriter.Resume(_sessionId, _deduplicator.LastSequence),
                    cancellationToken).ConfigureAwait(false);
                break;
            case WireTypes.Subscribed:
                _sessionId = message.SessionId ?? connection.OfferedSessionId;
                connection.Acknowledged = true;
                EventStreamLog.Connected(_logger, _sessionId, false);
                break;
            case WireTypes.Resumed:
                _sessionId = message.SessionId ?? _sessionId;
                connection.Acknowledged = true;
                _diagnostics.Resume(succeeded: true);
                EventStreamLog.Connected(_logger, _sessionId, true);
                break;
            case WireTypes.InvalidSession:
                await OnInvalidSessionAsync(connection, message, cancellationToken).ConfigureAwait(false);
                break;
            case WireTypes.Error:
                EventStreamLog.ServerError(_logger, message.Code, message.Message);
                break;
            case WireTypes.Closing:
                connection.ClosingReason = message.Reason;
                EventStreamLog.ServerClosing(_logger, message.CloseCode, message.Reason);
                break;
            case WireTypes.Heartbeat:
                break;
            default:
                EventStreamLog.UnknownControlMessage(_logger, message.Type);
                break;
        }
    }

    private async Task OnInvalidSessionAsync(EventConnection connection, WireMessage message, CancellationToken cancellationToken)
    {
        var lostSession = _sessionId;
        var lastSequence = _deduplicator.LastSequence;
        _diagnostics.Resume(succeeded: false);
        EventStreamLog.ResumeRefused(_logger, lostSession, lastSequence, message.Reason);
        var args = new CcsEventGapEventArgs(lostSession, lastSequence, message.Reason);
        _notifications.Post(nameof(GapDetected), () => GapDetected?.Invoke(this, args));
        _sessionId = null;
        _deduplicator.StartNewSession();
        await connection.SendAsync(WireWriter.Subscribe(_families, _tenantIds), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask DeliverAsync(CcsEvent e, CancellationToken cancellationToken)
    {
        if (_tenantFilter.Count > 0 && (e.TenantId is null || !_tenantFilter.Contains(e.TenantId)))
        {
            _deduplicator.Advance(e.Sequence);
            EventStreamLog.FilteredTenant(_logger, e.TenantId);
            return;
        }

        if (_deduplicator.IsDuplicate(e))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        // With FullMode Wait this is where a slow consumer holds the loop back (the watchdog is paused).
        await _buffer.Writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
        _deduplicator.Accept(e);
        Interlocked.Increment(ref _received);
        _diagnostics.EventReceived(e, _time.GetUtcNow() - e.Timestamp);
    }

    private void OnDropped(CcsEvent e)
    {
        Interlocked.Increment(ref _dropped);
        _diagnostics.Dropped(e);
    }

    private static Disconnect Classify(Exception ex, EventConnection? connection)
    {
        switch (ex)
        {
            case CcsApiException api:
                return new Disconnect(api.Message, api, Fatal: true);
            case CcsEventStreamException { CloseStatus: CcsEventCloseCodes.Forbidden } forbidden:
                return new Disconnect(forbidden.Message, forbidden, Fatal: true);
            case CcsEventStreamException stream:
                return new Disconnect(stream.Message, stream, Fatal: false);
            case OperationCanceledException or WebSocketException when connection?.Watchdog.Fired == true:
                var limit = connection.Watchdog.Limit;
                return new Disconnect($"heartbeat timeout: no frame for {limit}", new CcsEventStreamException($"No frame arrived for {limit} (twice the heartbeat interval); the connection is treated as dead.", ex), Fatal: false);
            default:
                return new Disconnect($"connection failed: {ex.Message}", new CcsEventStreamException("The event stream connection failed: " + ex.Message, ex), Fatal: false);
        }
    }

    private static CcsEventStreamException ClosedByServer(EventConnection connection)
    {
        var status = (int?)connection.CloseStatus;
        var reason = connection.CloseStatusDescription ?? connection.ClosingReason;
        return new CcsEventStreamException($"The server closed the connection ({status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no status"}{(string.IsNullOrEmpty(reason) ? string.Empty : " " + reason)}).", status);
    }

    private void Fail(string reason, Exception error)
    {
        EventStreamLog.Stopped(_logger, reason, error);
        SetState(CcsConnectionState.Disconnected, reason, error);
        _buffer.Writer.TryComplete(error);
    }

    private void SetState(CcsConnectionState state, string reason, Exception? error = null)
    {
        var previous = (CcsConnectionState)Interlocked.Exchange(ref _state, (int)state);
        if (previous == state)
        {
            return;
        }

        EventStreamLog.StateChanged(_logger, previous, state, reason);
        var args = new CcsConnectionStateChangedEventArgs(previous, state, reason, error);
        _notifications.Post(nameof(StateChanged), () => StateChanged?.Invoke(this, args));
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(CcsEventStream));
        }
    }

    private readonly record struct Disconnect(string Reason, Exception Error, bool Fatal);
}

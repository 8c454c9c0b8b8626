using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Events;

/// <summary>
/// One WebSocket connection: whole messages in (never more than the size limit), serialized sends out,
/// and what the server's <c>hello</c> said about the session.
/// </summary>
internal sealed class EventConnection : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly WebSocket _socket;
    private readonly int _maxMessageSize;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer;

    public EventConnection(WebSocket socket, int maxMessageSize, ConnectionWatchdog watchdog)
    {
        _socket = socket;
        _maxMessageSize = maxMessageSize;
        _buffer = new byte[Math.Min(InitialBufferSize, maxMessageSize)];
        Watchdog = watchdog;
    }

    public ConnectionWatchdog Watchdog { get; }

    /// <summary>The session the server offered in <c>hello</c>.</summary>
    public string? OfferedSessionId { get; set; }

    /// <summary>The silence after which the connection counts as dead: twice the heartbeat interval.</summary>
    public TimeSpan SilenceLimit { get; set; }

    /// <summary>Whether the server acknowledged the subscription or the resume.</summary>
    public bool Acknowledged { get; set; }

    /// <summary>What the server's <c>closing</c> message said, if it sent one.</summary>
    public string? ClosingReason { get; set; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    /// <summary>Receives one whole message; <see langword="null"/> when the server closed the connection.</summary>
    /// <exception cref="CcsEventStreamException">The message is larger than the limit.</exception>
    public async Task<ArraySegment<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxMessageSize));
            }

            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(_buffer, count, _buffer.Length - count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return new ArraySegment<byte>(_buffer, 0, count);
            }

            if (count >= _maxMessageSize)
            {
                throw new CcsEventStreamException($"The server sent a message larger than MaxMessageSize ({_maxMessageSize} bytes).", (int)WebSocketCloseStatus.MessageTooBig);
            }
        }
    }

    public async Task SendAsync(byte[] utf8Json, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(new ArraySegment<byte>(utf8Json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a close frame if the socket can still take one; a connection that is already gone is left as it is.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.CloseOutputAsync(status, description, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The peer or the socket is gone already (the receive loop may tear it down meanwhile); closing was a courtesy.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        // The send lock is not disposed: DisposeAsync may still be closing through it (it has no wait handle to free).
        Watchdog.Dispose();
        _socket.Dispose();
    }
}

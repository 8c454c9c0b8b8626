using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ccs.Benchmarks.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Ccs.Benchmarks.EndToEnd;

/// <summary>
/// A minimal event server on Kestrel (127.0.0.1, port 0) that speaks enough of asyncapi.yaml for
/// <see cref="Ccs.Events.CcsEventStream"/>: <c>hello</c>, <c>subscribe</c> → <c>subscribed</c>, then events
/// with <c>seq</c> and <c>ts</c> (the send time). Events are written as raw, pre-framed WebSocket text frames,
/// many per write, so the server is cheap and the client is what is measured.
/// </summary>
public sealed class BroadcastServer : IAsyncDisposable
{
    public const string Path = "/6/v2/events";
    public const string Token = "bench-token";

    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const int WriteBatchBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly EventFrames _frames = new();
    private TaskCompletionSource<Subscriber> _subscribed = NewSubscriberSource();

    private BroadcastServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<BroadcastServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new BroadcastServer(app);
        app.Map(Path, server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri($"ws://127.0.0.1:{new Uri(app.Urls.First()).Port}{Path}");
        return server;
    }

    /// <summary>Waits for the next client to subscribe.</summary>
    public Task<Subscriber> WaitForSubscriberAsync(CancellationToken cancellationToken)
        => _subscribed.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Sends <paramref name="count"/> events to <paramref name="subscriber"/>: as fast as the socket takes them
    /// when <paramref name="ratePerSecond"/> is null, else paced in 1 ms ticks. Each event's <c>ts</c> is the time it is framed.
    /// </summary>
    public async Task BroadcastAsync(Subscriber subscriber, long count, int? ratePerSecond, CancellationToken cancellationToken)
    {
        var batch = new byte[WriteBatchBytes + _frames.MaxLength + 4];
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (sent < count)
        {
            var due = ratePerSecond is { } rate ? Math.Min(count, (long)(clock.Elapsed.TotalSeconds * rate)) : count;
            if (due <= sent)
            {
                await Task.Delay(1, cancellationToken);
                continue;
            }

            var used = 0;
            var now = DateTimeOffset.UtcNow;
            while (sent < due && used < WriteBatchBytes)
            {
                used += WriteFrame(batch.AsSpan(used), ++subscriber.LastSequence, now);
                sent++;
            }

            await subscriber.Stream.WriteAsync(batch.AsMemory(0, used), cancellationToken);
        }

        await subscriber.Stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static TaskCompletionSource<Subscriber> NewSubscriberSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // A server frame: FIN + text, unmasked, 7- or 16-bit length.
    private int WriteFrame(Span<byte> destination, long n, DateTimeOffset ts)
    {
        var header = 2;
        var length = _frames.Write(destination[4..], n, ts);
        if (length < 126)
        {
            destination[4..(4 + length)].CopyTo(destination[2..]);
            destination[1] = (byte)length;
        }
        else
        {
            destination[1] = 126;
            destination[2] = (byte)(length >> 8);
            destination[3] = (byte)length;
            header = 4;
        }

        destination[0] = 0x81;
        return header + length;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true } || !context.Request.Headers.TryGetValue("Sec-WebSocket-Key", out var key))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.Connection = "Upgrade";
#pragma warning disable CA5350 // RFC 6455 defines Sec-WebSocket-Accept with SHA-1; it is not used for security here.
        context.Response.Headers.SecWebSocketAccept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.ToString() + WebSocketGuid)));
#pragma warning restore CA5350
        var stream = await upgrade.UpgradeAsync();

        // The handshake goes through a WebSocket; after "subscribed" only raw event frames are written.
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        var stop = _stopping.Token;
        try
        {
            var session = Guid.NewGuid().ToString("N");
            await SendAsync(socket, new { type = "hello", session_id = session, heartbeat_interval_ms = 60_000, resume_window_ms = 60_000 }, stop);
            var buffer = new byte[4096];
            var result = await socket.ReceiveAsync(buffer, stop);
            using (var subscribe = JsonDocument.Parse(buffer.AsMemory(0, result.Count)))
            {
                if (subscribe.RootElement.GetProperty("type").GetString() != "subscribe")
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)4002, "invalid_message", stop);
                    return;
                }

                await SendAsync(socket, new { type = "subscribed", session_id = session, families = subscribe.RootElement.GetProperty("families") }, stop);
            }

            var subscriber = new Subscriber(stream);
            Interlocked.Exchange(ref _subscribed, NewSubscriberSource()).TrySetResult(subscriber);

            // Hold the connection until the client goes away or the server stops.
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(stop, context.RequestAborted);
            await Task.Delay(Timeout.Infinite, gone.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or WebSocketException)
        {
            // The client disconnected or the server is stopping.
        }
        finally
        {
            context.Abort();
        }
    }

    private static Task SendAsync<T>(WebSocket socket, T message, CancellationToken cancellationToken)
        => socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>One subscribed connection: its raw stream and the last sequence number sent on it.</summary>
    public sealed class Subscriber(Stream stream)
    {
        public Stream Stream { get; } = stream;

        public long LastSequence { get; set; }
    }
}

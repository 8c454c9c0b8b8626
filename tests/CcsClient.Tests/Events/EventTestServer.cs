using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ccs.Tests.Events;

/// <summary>
/// A real loopback WebSocket server (Kestrel on 127.0.0.1, port 0) that speaks the protocol of
/// asyncapi.yaml: hello, subscribe with family and tenant filters, resume within a window (counted in
/// events), invalid_session, heartbeats on demand, and the faults tests need: dropped connections,
/// half-open silence, raw (malformed, oversized) frames, close codes and 401 at the upgrade.
/// </summary>
public sealed class EventTestServer : IAsyncDisposable
{
    public const string Path = "/6/v2/events";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<ServerEvent> _log = new();
    private readonly Dictionary<string, Session> _sessions = new();
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private int _upgradeRequests;
    private int _accepted;
    private volatile bool _stopping;

    private EventTestServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public Uri RestBaseUri => new($"http://127.0.0.1:{Endpoint.Port}/6/v2/api");

    /// <summary>Which bearer tokens the upgrade accepts; others get HTTP 401 before the upgrade.</summary>
    public Func<string?, bool> AcceptToken { get; set; } = token => !string.IsNullOrEmpty(token) && !token.StartsWith("bad", StringComparison.Ordinal);

    public int HeartbeatIntervalMs { get; set; } = 10_000;

    /// <summary>The clock of the events' <c>ts</c>.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>How many events behind the log's end a resume may be; further behind gets invalid_session.</summary>
    public long ResumeWindowEvents { get; set; } = long.MaxValue;

    /// <summary>On resume, also replay this many events at or before last_seq (at-least-once on the wire).</summary>
    public int ResumeOverlap { get; set; }

    /// <summary>Sends every event regardless of the subscription's tenant filter (a misbehaving server).</summary>
    public bool IgnoreTenantFilter { get; set; }

    public int UpgradeRequests => Volatile.Read(ref _upgradeRequests);

    public int AcceptedConnections => Volatile.Read(ref _accepted);

    public int OpenConnections => _connections.Count;

    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    public ConcurrentQueue<JsonObject> ClientMessages { get; } = new();

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
            }
        }
    }

    public static async Task<EventTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new EventTestServer(app);
        app.UseWebSockets();
        app.Map(Path, server.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        server.Endpoint = new Uri($"ws://127.0.0.1:{address.Port}{Path}");
        return server;
    }

    /// <summary>Appends an event to the log and pushes it to the connections subscribed to it.</summary>
    public ServerEvent Publish(string type, string? tenantId, string dataJson, Guid? id = null)
    {
        ServerEvent e;
        lock (_gate)
        {
            e = new ServerEvent(_log.Count + 1, id ?? Guid.NewGuid(), type, tenantId, dataJson, Clock());
            _log.Add(e);
        }

        Signal();
        return e;
    }

    public ServerEvent PublishQueue(string? tenantId = "t1", int waiting = 1)
        => Publish("queue.updated", tenantId, $$"""{"id":"q1","name":"Sales","tenant_uuid":"{{tenantId}}","current_queue_length":{{waiting}}}""");

    /// <summary>Aborts every open connection at the TCP level (no close frame).</summary>
    public void DropAll()
    {
        foreach (var c in _connections.Keys)
        {
            c.Context.Abort();
        }
    }

    /// <summary>Makes the open connections go silent, as a half-open socket does: nothing more is sent.</summary>
    public void SilenceAll()
    {
        foreach (var c in _connections.Keys)
        {
            c.Silent = true;
        }
    }

    public void ForgetSessions()
    {
        lock (_gate)
        {
            _sessions.Clear();
        }
    }

    public Task SendRawToAllAsync(string text) => ForEachAsync(c => c.SendAsync(text));

    public Task SendHeartbeatAsync() => SendRawToAllAsync("""{"type":"heartbeat"}""");

    /// <summary>Sends <c>closing</c> and then a close frame with <paramref name="code"/>.</summary>
    public Task CloseAllAsync(int code, string reason) => ForEachAsync(async c =>
    {
        await c.SendAsync(JsonSerializer.Serialize(new { type = "closing", close_code = code, reason }));
        await c.CloseAsync((WebSocketCloseStatus)code, reason);
    });

    public async ValueTask DisposeAsync()
    {
        // Refuse new connections first: a client reconnecting at once would otherwise hold StopAsync for its 30 s grace period.
        _stopping = true;
        DropAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ForEachAsync(Func<Connection, Task> action)
    {
        foreach (var c in _connections.Keys)
        {
            await action(c);
        }
    }

    private void Signal()
    {
        foreach (var c in _connections.Keys)
        {
            c.Wake();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _upgradeRequests);
        var authorization = context.Request.Headers.Authorization.ToString();
        AuthorizationHeaders.Enqueue(authorization);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (_stopping)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (!AcceptToken(token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new Connection(socket, context);
        _connections[connection] = 0;
        Interlocked.Increment(ref _accepted);
        if (_stopping)
        {
            context.Abort();
        }

        var offered = new Session(Guid.NewGuid().ToString("N"));
        Task? pump = null;
        try
        {
            await connection.SendAsync(JsonSerializer.Serialize(new { type = "hello", session_id = offered.Id, heartbeat_interval_ms = HeartbeatIntervalMs, resume_window_ms = 60_000 }));
            pump = PumpAsync(connection);
            await ReceiveAsync(connection, offered);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away or the test dropped the connection: that is what this server is for.
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            connection.Stop();
            if (pump is not null)
            {
                await pump;
            }
        }
    }

    private async Task ReceiveAsync(Connection connection, Session offered)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var count = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await connection.Socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), connection.Stopping);
                count += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                return;
            }

            var message = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count))!.AsObject();
            ClientMessages.Enqueue(message);
            switch ((string?)message["type"])
            {
                case "subscribe":
                    offered.Families = message["families"]!.AsArray().Select(f => (string)f!).ToHashSet();
                    offered.Tenants = message["tenant_uuids"]?.AsArray().Select(t => (string)t!).ToHashSet() ?? new HashSet<string>();
                    lock (_gate)
                    {
                        _sessions[offered.Id] = offered;
                    }

                    await connection.AttachAsync(offered, JsonSerializer.Serialize(new { type = "subscribed", session_id = offered.Id, families = offered.Families, tenant_uuids = offered.Tenants }));
                    break;
                case "resume":
                    var id = (string)message["session_id"]!;
                    var lastSeq = (long)message["last_seq"]!;
                    Session? session;
                    lock (_gate)
                    {
                        session = _sessions.GetValueOrDefault(id) is { } s && _log.Count - lastSeq <= ResumeWindowEvents ? s : null;
                    }

                    if (session is null)
                    {
                        await connection.SendAsync("""{"type":"invalid_session","reason":"resume_window_expired"}""");
                        break;
                    }

                    session.Cursor = Math.Max(0, lastSeq - ResumeOverlap);
                    await connection.AttachAsync(session, JsonSerializer.Serialize(new { type = "resumed", session_id = session.Id, last_seq = lastSeq }));
                    break;
                case "ping":
                    await connection.SendAsync("""{"type":"heartbeat"}""");
                    break;
                default:
                    await connection.CloseAsync((WebSocketCloseStatus)4002, "invalid_message");
                    return;
            }
        }
    }

    private async Task PumpAsync(Connection connection)
    {
        try
        {
            while (await connection.WaitAsync())
            {
                while (connection.Session is { } session && !connection.Silent)
                {
                    List<ServerEvent> batch;
                    lock (_gate)
                    {
                        batch = _log.Skip((int)session.Cursor).Take(256).ToList();
                    }

                    if (batch.Count == 0)
                    {
                        break;
                    }

                    foreach (var e in batch)
                    {
                        if (connection.Silent || connection.Session != session)
                        {
                            break;
                        }

                        if (session.Families.Contains(e.Family) && (IgnoreTenantFilter || session.Tenants.Count == 0 || session.Tenants.Contains(e.TenantId ?? string.Empty)))
                        {
                            await connection.SendAsync(e.ToJson());
                        }

                        session.Cursor = e.Seq;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended while sending.
        }
    }

    public sealed record ServerEvent(long Seq, Guid Id, string Type, string? TenantId, string DataJson, DateTimeOffset Timestamp)
    {
        public string Family => Type.Split('.')[0];

        public string ToJson()
            => $$"""{"type":"{{Type}}","id":"{{Id}}","seq":{{Seq}},"ts":"{{Timestamp:O}}","tenant_uuid":{{(TenantId is null ? "null" : "\"" + TenantId + "\"")}},"data":{{DataJson}}}""";
    }

    private sealed class Session(string id)
    {
        public string Id { get; } = id;

        public HashSet<string> Families { get; set; } = new();

        public HashSet<string> Tenants { get; set; } = new();

        public long Cursor { get; set; }
    }

    private sealed class Connection(WebSocket socket, HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly SemaphoreSlim _wake = new(0);
        private readonly CancellationTokenSource _stop = new();

        public WebSocket Socket { get; } = socket;

        public HttpContext Context { get; } = context;

        public volatile bool Silent;

        public Session? Session { get; private set; }

        public CancellationToken Stopping => _stop.Token;

        public void Wake()
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }

        public async Task<bool> WaitAsync()
        {
            await _wake.WaitAsync(_stop.Token);
            return true;
        }

        /// <summary>Sends the acknowledgement and attaches the session in one step, so no event overtakes it.</summary>
        public async Task AttachAsync(Session session, string acknowledgement)
        {
            await _sendLock.WaitAsync(_stop.Token);
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(acknowledgement), WebSocketMessageType.Text, true, _stop.Token);
                Session = session;
            }
            finally
            {
                _sendLock.Release();
            }

            Wake();
        }

        public async Task SendAsync(string text)
        {
            if (Silent)
            {
                return;
            }

            await _sendLock.WaitAsync(_stop.Token);
            try
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, _stop.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public async Task CloseAsync(WebSocketCloseStatus status, string reason)
        {
            await _sendLock.WaitAsync(_stop.Token);
            try
            {
                if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(status, reason, _stop.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }

        public void Stop() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Dispose();
            _sendLock.Dispose();
        }
    }
}

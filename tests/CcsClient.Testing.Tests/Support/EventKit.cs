using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Ccs.Events;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests.Support;

/// <summary>Helpers for event tests: SDK streams on an emulator, and what they deliver, with bounded waits.</summary>
public static class EventKit
{
    /// <summary>How long any wait of a test may take before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>An SDK client for the emulator whose stream reconnects at once (no backoff) and shares <paramref name="clock"/>.</summary>
    public static CcsClient CreateEventClient(this CcsEmulator emulator, TimeProvider? clock = null, Action<CcsEventStreamOptions>? configure = null)
    {
        var options = emulator.CreateClientOptions();
        options.TimeProvider = clock ?? TimeProvider.System;
        options.Events = new CcsEventStreamOptions { ReconnectPolicy = new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.Zero } };
        configure?.Invoke(options.Events);
        return new CcsClient(options);
    }

    /// <summary>Starts the stream and records what it delivers.</summary>
    public static async Task<EventRecorder> StartRecordingAsync(this CcsEventStream stream)
    {
        var recorder = new EventRecorder(stream);
        await stream.StartAsync().WaitAsync(Patience);
        return recorder;
    }

    /// <summary>
    /// Advances a fake clock by <paramref name="step"/> until <paramref name="done"/> completes: the
    /// SDK and the emulator arm their timers on their own threads, so one advance can come just before
    /// a timer is armed. Each round waits for the outcome (not a fixed time) for a short while.
    /// </summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, TimeSpan step, Task done)
    {
        for (var round = 0; round < 20 && !done.IsCompleted; round++)
        {
            clock.Advance(step);
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(250)));
        }

        await done.WaitAsync(Patience);
    }

    /// <summary>A raw WebSocket to the emulator's event endpoint, with the emulator's token unless another is given.</summary>
    public static async Task<RawEventSocket> ConnectRawAsync(this CcsEmulator emulator, string? token = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + (token ?? emulator.AccessToken));
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(emulator.EventsUri, timeout.Token);
        return new RawEventSocket(socket);
    }
}

/// <summary>Collects a stream's events (through an <c>On</c> handler) and its gaps and state changes.</summary>
public sealed class EventRecorder
{
    private readonly Channel<CcsEvent> _events = Channel.CreateUnbounded<CcsEvent>();
    private readonly List<CcsEvent> _all = [];

    public EventRecorder(CcsEventStream stream)
    {
        Stream = stream;
        stream.On<CcsEvent>((e, _) =>
        {
            lock (_all)
            {
                _all.Add(e);
            }

            _events.Writer.TryWrite(e);
            return ValueTask.CompletedTask;
        });
        stream.GapDetected += (_, gap) => Gaps.Writer.TryWrite(gap);
        stream.StateChanged += (_, change) => States.Writer.TryWrite(change);
    }

    public CcsEventStream Stream { get; }

    public Channel<CcsEventGapEventArgs> Gaps { get; } = Channel.CreateUnbounded<CcsEventGapEventArgs>();

    public Channel<CcsConnectionStateChangedEventArgs> States { get; } = Channel.CreateUnbounded<CcsConnectionStateChangedEventArgs>();

    /// <summary>Everything delivered so far.</summary>
    public IReadOnlyList<CcsEvent> All
    {
        get
        {
            lock (_all)
            {
                return _all.ToList();
            }
        }
    }

    /// <summary>The next delivered event (skipping none).</summary>
    public async Task<CcsEvent> NextAsync()
    {
        using var timeout = new CancellationTokenSource(EventKit.Patience);
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next delivered event of type <typeparamref name="T"/> that matches, skipping others.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : CcsEvent
    {
        using var timeout = new CancellationTokenSource(EventKit.Patience);
        while (true)
        {
            if (await _events.Reader.ReadAsync(timeout.Token) is T e && (match is null || match(e)))
            {
                return e;
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> events have been delivered in all.</summary>
    public async Task<IReadOnlyList<CcsEvent>> UntilCountAsync(int count)
    {
        using var timeout = new CancellationTokenSource(EventKit.Patience);
        while (All.Count < count)
        {
            await _events.Reader.WaitToReadAsync(timeout.Token);
            _events.Reader.TryRead(out _);
        }

        return All;
    }

    /// <summary>The stream lost its connection and got it back (skipping earlier state changes).</summary>
    public async Task ReconnectedAsync()
    {
        await StateAsync(CcsConnectionState.Reconnecting);
        await StateAsync(CcsConnectionState.Connected);
    }

    /// <summary>The next state change to <paramref name="state"/>.</summary>
    public async Task<CcsConnectionStateChangedEventArgs> StateAsync(CcsConnectionState state)
    {
        using var timeout = new CancellationTokenSource(EventKit.Patience);
        while (true)
        {
            var change = await States.Reader.ReadAsync(timeout.Token);
            if (change.State == state)
            {
                return change;
            }
        }
    }
}

/// <summary>Waits the same delay before every reconnect attempt (on the stream's clock).</summary>
public sealed class FixedDelayPolicy(TimeSpan delay) : ICcsReconnectPolicy
{
    public TimeSpan? GetNextDelay(CcsReconnectContext context) => delay;
}

/// <summary>A protocol-level client: send JSON, receive JSON frames, see how the server closed.</summary>
public sealed class RawEventSocket : IAsyncDisposable
{
    private readonly byte[] _buffer = new byte[1024 * 1024];

    public RawEventSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>Every frame received, as text.</summary>
    public List<string> Frames { get; } = [];

    public Task SendAsync(string json)
        => Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame; null once the server closed.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(EventKit.Patience);
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(_buffer.AsMemory(count), timeout.Token);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_buffer, 0, count);
        Frames.Add(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The next frame of <paramref name="type"/>, skipping heartbeats only.</summary>
    public async Task<JsonObject> ExpectAsync(string type)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"The server closed ({Socket.CloseStatus}) while '{type}' was expected.");
            var actual = (string?)frame["type"];
            if (actual == type)
            {
                return frame;
            }

            Assert.True(actual == "heartbeat", $"Expected '{type}', got {frame.ToJsonString()}");
        }
    }

    /// <summary>The next frame of <paramref name="type"/>, skipping any others (they stay in <see cref="Frames"/>).</summary>
    public async Task<JsonObject> SkipToAsync(string type)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"The server closed ({Socket.CloseStatus}) while '{type}' was expected.");
            if ((string?)frame["type"] == type)
            {
                return frame;
            }
        }
    }

    /// <summary>Subscribes and returns the <c>hello</c> and the <c>subscribed</c>.</summary>
    public async Task<(JsonObject Hello, JsonObject Subscribed)> SubscribeAsync(string json = """{"type":"subscribe","families":["agent","call","queue"]}""")
    {
        var hello = await ExpectAsync("hello");
        await SendAsync(json);
        return (hello, await ExpectAsync("subscribed"));
    }

    public async ValueTask DisposeAsync()
    {
        Socket.Abort();
        Socket.Dispose();
        await Task.CompletedTask;
    }
}

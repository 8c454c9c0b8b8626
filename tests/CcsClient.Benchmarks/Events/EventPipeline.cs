using Ccs.Events;

namespace Ccs.Benchmarks.Events;

/// <summary>
/// Drives the subscriber's own pipeline without a socket: frames go through
/// <see cref="CcsEventStream.FeedFrameAsync"/> (the receive loop's decode, tenant filter, de-duplication
/// and bounded buffer) to typed <see cref="CcsEventStream.On{TEvent}"/> handlers on the dispatch task,
/// as with a live connection. Every frame is a new event (fresh <c>id</c> and <c>seq</c>).
/// </summary>
public sealed class EventPipeline : IAsyncDisposable
{
    private readonly CcsEventStream _stream;
    private readonly EventFrames _frames = new();
    private readonly byte[] _buffer;
    private readonly List<IDisposable> _handlers = [];
    private long _next;
    private long _handled;
    private long _target = long.MaxValue;
    private long _checksum;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventPipeline()
    {
        // Never started: the endpoint is only validated. The buffer and full mode are the defaults (1024, Wait).
        _stream = new CcsEventStream(
            new CcsEventStreamOptions { Endpoint = new Uri("ws://127.0.0.1:9/6/v2/events") },
            _ => new ValueTask<string>("bench-token"));
        _buffer = new byte[_frames.MaxLength];
        _handlers.Add(_stream.On<CallStateChanged>((e, _) => OnEvent(e.Call.Duration ?? 0)));
        _handlers.Add(_stream.On<AgentStateChanged>((e, _) => OnEvent(e.State.AvailableForCalls == true ? 1 : 2)));
        _handlers.Add(_stream.On<QueueUpdated>((e, _) => OnEvent(e.Queue.CurrentQueueLength ?? 0)));
    }

    public double AverageFrameLength => _frames.AverageLength;

    /// <summary>Events the handlers have seen.</summary>
    public long Handled => Volatile.Read(ref _handled);

    /// <summary>Something the handlers computed, so that nothing is optimized away.</summary>
    public long Checksum => Volatile.Read(ref _checksum);

    public CcsEventStream Stream => _stream;

    /// <summary>Feeds <paramref name="count"/> new events and returns when the handlers have seen them all.</summary>
    public async Task RunAsync(int count)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _target, Volatile.Read(ref _handled) + count);
        for (var i = 0; i < count; i++)
        {
            var length = _frames.Write(_buffer, ++_next);
            await _stream.FeedFrameAsync(new ArraySegment<byte>(_buffer, 0, length), CancellationToken.None).ConfigureAwait(false);
        }

        await _reached.Task.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var handler in _handlers)
        {
            handler.Dispose();
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    // Handlers run one at a time on the dispatch task: plain increments, published with Volatile.
    private ValueTask OnEvent(long value)
    {
        _checksum += value;
        var handled = _handled + 1;
        Volatile.Write(ref _handled, handled);
        if (handled == Volatile.Read(ref _target))
        {
            _reached.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }
}

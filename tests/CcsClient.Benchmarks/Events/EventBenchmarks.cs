using BenchmarkDotNet.Attributes;
using Ccs.Events;
using Ccs.Events.Wire;

namespace Ccs.Benchmarks.Events;

/// <summary>
/// Event decoding and dispatch from raw frames (call.state_changed, agent.state_changed, queue.updated
/// in turn, about 360 B each), per event: (a) the floor, source-generated STJ into plain types, decoding
/// alone; (b) the SDK's frame decoder alone; (c) the subscriber's whole pipeline: decoder, de-duplication,
/// bounded channel and dispatch to typed handlers on the dispatch task. The process is pinned to one core
/// while this class runs, so (c)'s two threads (receive side and dispatch) share it: events/s on one core
/// is 10^9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
public class EventBenchmarks
{
    public const int EventsPerInvoke = 3000;

    private readonly EventFrames _frames = new();
    private byte[] _buffer = null!;
    private long _next;
    private EventPipeline _pipeline = null!;
    private OneCore _oneCore = null!;

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new byte[_frames.MaxLength];
        _pipeline = new EventPipeline();
        _oneCore = OneCore.Pin();
        Console.WriteLine($"// EventBenchmarks: pinned to one core: {_oneCore.Pinned}; frames average {_frames.AverageLength:F0} B");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _oneCore.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerInvoke, Description = "a: floor, STJ source gen decode")]
    public long Floor()
    {
        long sum = 0;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            var length = _frames.Write(_buffer, ++_next);
            sum += FloorEventDecoder.Decode(_buffer.AsSpan(0, length)) switch
            {
                FloorCallEvent c => c.Data!.Duration ?? 0,
                FloorAgentEvent a => a.Data!.AvailableForCalls == true ? 1 : 2,
                FloorQueueEvent q => q.Data!.CurrentQueueLength ?? 0,
                _ => 0,
            };
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke, Description = "b: SDK frame decoder only")]
    public long Decoder()
    {
        long sum = 0;
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            var length = _frames.Write(_buffer, ++_next);
            var frame = new ArraySegment<byte>(_buffer, 0, length);
            sum += EventFrameDecoder.ToEvent(EventFrameDecoder.ReadMessage(frame), frame) switch
            {
                CallStateChanged c => c.Call.Duration ?? 0,
                AgentStateChanged a => a.State.AvailableForCalls == true ? 1 : 2,
                QueueUpdated q => q.Queue.CurrentQueueLength ?? 0,
                _ => 0,
            };
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke, Description = "c: SDK pipeline, decode+dedupe+channel+dispatch")]
    public async Task<long> Pipeline()
    {
        await _pipeline.RunAsync(EventsPerInvoke);
        return _pipeline.Checksum;
    }
}

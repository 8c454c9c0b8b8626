using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ccs.Events;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Tests.Events;

/// <summary>Builds streams against an <see cref="EventTestServer"/> and waits for things with a bounded guard.</summary>
internal static class EventTestKit
{
    /// <summary>Only a failure guard: every wait ends as soon as its condition holds.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    public static CcsEventStreamOptions Options(EventTestServer server, Action<CcsEventStreamOptions>? configure = null)
    {
        var options = new CcsEventStreamOptions
        {
            Endpoint = server.Endpoint,
            ReconnectPolicy = new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        };
        configure?.Invoke(options);
        return options;
    }

    public static CcsEventStream Stream(
        EventTestServer server,
        Action<CcsEventStreamOptions>? configure = null,
        Func<CancellationToken, ValueTask<string>>? token = null,
        TimeProvider? time = null,
        IMeterFactory? meters = null,
        Microsoft.Extensions.Logging.ILoggerFactory? logs = null)
        => new(Options(server, configure), token ?? (_ => ValueTask.FromResult("good-token")), logs, meters, time ?? new FakeTimeProvider(DateTimeOffset.UtcNow));

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> events from the stream.</summary>
    public static async Task<List<CcsEvent>> ReadAsync(IAsyncEnumerator<CcsEvent> events, int count)
    {
        var list = new List<CcsEvent>(count);
        while (list.Count < count)
        {
            var next = events.MoveNextAsync().AsTask();
            if (await Task.WhenAny(next, Task.Delay(Guard)) != next)
            {
                throw new TimeoutException($"Timed out after {list.Count} of {count} events.");
            }

            Assert.True(await next, $"The stream ended after {list.Count} of {count} events.");
            list.Add(events.Current);
        }

        return list;
    }
}

/// <summary>Records state changes and lets a test wait for one.</summary>
internal sealed class StateRecorder
{
    private readonly ConcurrentQueue<CcsConnectionStateChangedEventArgs> _changes = new();

    public StateRecorder(CcsEventStream stream) => stream.StateChanged += (_, e) => _changes.Enqueue(e);

    public IReadOnlyList<CcsConnectionStateChangedEventArgs> Changes => _changes.ToArray();

    public async Task<CcsConnectionStateChangedEventArgs> WaitForAsync(CcsConnectionState state, int occurrence = 1)
    {
        CcsConnectionStateChangedEventArgs? found = null;
        await EventTestKit.WaitUntilAsync(() => (found = _changes.Where(c => c.State == state).Skip(occurrence - 1).FirstOrDefault()) is not null, $"state {state} #{occurrence}");
        return found!;
    }
}

/// <summary>An <see cref="IMeterFactory"/> whose meters carry it as their scope, so a test sees only its own stream's metrics.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = new();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}

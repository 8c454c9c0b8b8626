using Ccs.Events;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Ccs.Tests.Events;

public sealed class EventConsumptionTests : EventServerTests
{
    [Fact]
    public async Task A_slow_consumer_in_wait_mode_holds_the_socket_back_with_a_bounded_buffer_and_loses_nothing()
    {
        const int total = 2_000;
        await using var stream = EventTestKit.Stream(Server, o => o.BufferCapacity = 16);
        await stream.StartAsync();
        var published = Enumerable.Range(0, total).Select(i => Server.PublishQueue(waiting: i).Id).ToList();

        await EventTestKit.WaitUntilAsync(() => stream.ReceivedEvents == 16, "the buffer is full");
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var got = new List<CcsEvent>();
        var maxBuffered = 0;
        while (got.Count < total)
        {
            maxBuffered = Math.Max(maxBuffered, stream.BufferedCount);
            got.AddRange(await EventTestKit.ReadAsync(events, 1));
        }

        Assert.Equal(published, got.Select(e => e.Id));
        Assert.InRange(maxBuffered, 1, 16);
        Assert.Equal(0, stream.DroppedEvents);
        Assert.Equal(1, Server.AcceptedConnections);
    }

    [Fact]
    public async Task A_slow_consumer_in_drop_oldest_mode_keeps_the_newest_events_and_counts_the_dropped_ones()
    {
        const int total = 1_000;
        using var meters = new TestMeterFactory();
        using var dropped = new MetricCollector<long>(meters, "CcsClient", "ccs.events.dropped");
        await using var stream = EventTestKit.Stream(Server, o => { o.BufferCapacity = 16; o.FullMode = CcsEventBufferFullMode.DropOldest; }, meters: meters);
        await stream.StartAsync();
        var published = Enumerable.Range(0, total).Select(i => Server.PublishQueue(waiting: i).Id).ToList();

        await EventTestKit.WaitUntilAsync(() => stream.ReceivedEvents == total, "every event went through the buffer");
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var got = await EventTestKit.ReadAsync(events, 16);

        Assert.Equal(published.TakeLast(16), got.Select(e => e.Id));
        Assert.Equal(total - 16, stream.DroppedEvents);
        Assert.Equal(total - 16, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(0, stream.BufferedCount);
    }

    [Fact]
    public async Task Typed_handlers_run_off_the_receive_loop_in_order_and_a_failing_one_does_not_stop_the_rest()
    {
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = new LoggerFactory(new[] { logs });
        await using var stream = EventTestKit.Stream(Server, logs: loggerFactory);
        await stream.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queues = new List<int?>();
        var calls = new List<string>();
        var all = 0;
        using var onQueue = stream.On<QueueUpdated>(async (e, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            queues.Add(e.Queue.CurrentQueueLength);
        });
        var onCall = stream.On<CallStateChanged>((e, _) =>
        {
            calls.Add(e.Call.Id!);
            return e.Call.Id == "boom" ? throw new InvalidOperationException("handler bug") : ValueTask.CompletedTask;
        });
        using var onAll = stream.On<CcsEvent>((_, _) => { Interlocked.Increment(ref all); return ValueTask.CompletedTask; });

        for (var i = 0; i < 50; i++)
        {
            Server.PublishQueue(waiting: i);
        }

        Server.Publish("call.state_changed", "t1", """{"id":"boom","state":"alerting"}""");
        Server.Publish("call.state_changed", "t1", """{"id":"after","state":"alerting"}""");
        await EventTestKit.WaitUntilAsync(() => stream.ReceivedEvents == 52, "the receive loop read on while the handler waited");
        Assert.Empty(queues);
        gate.SetResult();
        await EventTestKit.WaitUntilAsync(() => Volatile.Read(ref all) == 52, "every event was handled");
        onCall.Dispose();
        Server.Publish("call.state_changed", "t1", """{"id":"unheard","state":"alerting"}""");
        await EventTestKit.WaitUntilAsync(() => Volatile.Read(ref all) == 53, "the last event was handled");

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (int?)i), queues);
        Assert.Equal(new[] { "boom", "after" }, calls);
        var failure = Assert.Single(logs.Collector.GetSnapshot(), r => r.Id.Id == 2010);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Throws<InvalidOperationException>(() => stream.ReadAllAsync());
    }

    [Fact]
    public async Task A_stream_has_one_consumer()
    {
        await using var stream = EventTestKit.Stream(Server);
        var reading = stream.ReadAllAsync();

        Assert.Throws<InvalidOperationException>(() => stream.ReadAllAsync());
        Assert.Throws<InvalidOperationException>(() => stream.On<CcsEvent>((_, _) => ValueTask.CompletedTask));
        Assert.NotNull(reading);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_tenant_and_family_filters_are_sent_and_enforced(bool serverIgnoresTheFilter)
    {
        Server.IgnoreTenantFilter = serverIgnoresTheFilter;
        await using var stream = EventTestKit.Stream(Server, o =>
        {
            o.Families.Clear();
            o.Families.Add(CcsEventFamilies.Queue);
            o.Families.Add(CcsEventFamilies.Call);
            o.TenantIds.Add("t1");
        });
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        var wanted1 = Server.PublishQueue("t1");
        Server.PublishQueue("t2");
        Server.Publish("agent.state_changed", "t1", """{"extension_uuid":"e1"}""");
        Server.PublishQueue(null);
        var wanted2 = Server.Publish("call.state_changed", "t1", """{"id":"c1"}""");
        var got = await EventTestKit.ReadAsync(events, 2);

        Assert.Equal(new[] { wanted1.Id, wanted2.Id }, got.Select(e => e.Id));
        var subscribe = Assert.Single(Server.ClientMessages);
        Assert.Equal("""{"type":"subscribe","families":["queue","call"],"tenant_uuids":["t1"]}""", subscribe.ToJsonString());
        Assert.Equal(2, stream.ReceivedEvents);
    }
}

using Ccs.Events;
using Ccs.Models;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Tests.Events;

public sealed class EventDecodingTests : EventServerTests
{
    [Fact]
    public async Task Every_event_type_is_decoded_into_its_typed_record_and_unknown_types_arrive_raw()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        Server.Clock = () => time.GetUtcNow() - TimeSpan.FromMilliseconds(250);
        using var meters = new TestMeterFactory();
        using var lag = new MetricCollector<double>(meters, "CcsClient", "ccs.events.lag");
        using var received = new MetricCollector<long>(meters, "CcsClient", "ccs.events.received");
        await using var stream = EventTestKit.Stream(Server, time: time, meters: meters);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        var agent = Server.Publish("agent.state_changed", "t1", """{"extension_uuid":"ext-1","state":"On Break","available_for_calls":false,"updated_at":"2025-01-01T11:59:59Z","previous_state":"Available","mood":"calm"}""");
        var call = Server.Publish("call.state_changed", "t1", """{"id":"c-1","calling_number":"+15550100","called_number":"+15550199","state":"parked","tenant_uuid":"t1","started_at":"2025-01-01T11:58:00Z","duration":12,"previous_state":"connected"}""");
        var newCall = Server.Publish("call.state_changed", "t1", """{"id":"c-2","state":"alerting","previous_state":null}""");
        var queue = Server.Publish("queue.updated", "t2", """{"id":"q-1","name":"Sales","tenant_uuid":"t2","max_queue_length":20,"current_queue_length":3,"agents_available":2}""");
        var unknown = Server.Publish("call.recording_started", "t1", """{"id":"c-1","url":"https://r.example/1"}""");

        var got = await EventTestKit.ReadAsync(events, 5);

        var a = Assert.IsType<AgentStateChanged>(got[0]);
        Assert.Equal((agent.Id, agent.Seq, "t1", "agent.state_changed"), (a.Id, a.Sequence, a.TenantId, a.Type));
        Assert.Equal(agent.Timestamp, a.Timestamp);
        Assert.Equal(("ext-1", "On Break", false, "Available"), (a.State.ExtensionId, a.State.State, a.State.AvailableForCalls, a.PreviousState));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 11, 59, 59, TimeSpan.Zero), a.State.UpdatedAt);
        Assert.Equal("calm", a.State.AdditionalProperties!["mood"].GetString());
        Assert.False(a.State.AdditionalProperties.ContainsKey("previous_state"));

        var c = Assert.IsType<CallStateChanged>(got[1]);
        Assert.Equal(call.Id, c.Id);
        Assert.Equal(("c-1", "+15550100", "+15550199", "t1", 12), (c.Call.Id, c.Call.CallingNumber, c.Call.CalledNumber, c.Call.TenantId, c.Call.Duration));
        Assert.Equal(new CallState("parked"), c.Call.State);
        Assert.Equal("parked", c.Call.State.ToString());
        Assert.Equal(CallState.Connected, c.PreviousState);
        Assert.Null(c.Call.AdditionalProperties);

        var created = Assert.IsType<CallStateChanged>(got[2]);
        Assert.Equal((newCall.Id, (CallState?)CallState.Alerting), (created.Id, created.Call.State));
        Assert.Null(created.PreviousState);

        var q = Assert.IsType<QueueUpdated>(got[3]);
        Assert.Equal((queue.Id, "t2"), (q.Id, q.TenantId));
        Assert.Equal(("q-1", "Sales", "t2", 20, 3, 2), (q.Queue.Id, q.Queue.Name, q.Queue.TenantId, q.Queue.MaxQueueLength, q.Queue.CurrentQueueLength, q.Queue.AgentsAvailable));

        var u = Assert.IsType<UnknownEvent>(got[4]);
        Assert.Equal((unknown.Id, unknown.Seq, "call.recording_started"), (u.Id, u.Sequence, u.Type));
        Assert.Contains("\"url\":\"https://r.example/1\"", u.RawJson, StringComparison.Ordinal);
        Assert.Equal(unknown.ToJson(), u.RawJson);

        Assert.Equal(5, stream.ReceivedEvents);
        Assert.Equal(0, stream.MalformedMessages);
        Assert.All(lag.GetMeasurementSnapshot(), m => Assert.Equal(0.25, m.Value, precision: 6));
        Assert.Equal(
            new[] { "agent.state_changed", "call.recording_started", "call.state_changed", "call.state_changed", "queue.updated" },
            received.GetMeasurementSnapshot().Select(m => (string)m.Tags["ccs.event.type"]!).Order());
    }

    [Fact]
    public async Task Malformed_messages_are_counted_and_skipped_without_stopping_the_loop()
    {
        using var meters = new TestMeterFactory();
        using var malformed = new MetricCollector<long>(meters, "CcsClient", "ccs.events.malformed");
        await using var stream = EventTestKit.Stream(Server, meters: meters);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        await Server.SendRawToAllAsync("{not json");
        await Server.SendRawToAllAsync("""{"seq":5}""");
        await Server.SendRawToAllAsync("""{"type":"call.state_changed","id":"not-a-uuid","seq":7,"ts":"2025-01-01T00:00:00Z","data":{}}""");
        await Server.SendRawToAllAsync("""{"type":"call.state_changed","id":"6f1c1c52-0000-4000-8000-000000000001","seq":8,"ts":"2025-01-01T00:00:00Z"}""");
        await Server.SendRawToAllAsync("""{"type":"agent.state_changed","id":"6f1c1c52-0000-4000-8000-000000000002","seq":9,"ts":"2025-01-01T00:00:00Z","data":{"previous_state":5}}""");
        await Server.SendRawToAllAsync("""{"type":"some_future_control","x":1}""");
        var good = Server.PublishQueue();

        var got = await EventTestKit.ReadAsync(events, 1);

        Assert.Equal(good.Id, got[0].Id);
        Assert.Equal(5, stream.MalformedMessages);
        Assert.Equal(5, malformed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, Server.AcceptedConnections);
        Assert.Equal(CcsConnectionState.Connected, stream.State);
    }

    [Fact]
    public async Task An_oversized_message_is_an_error_and_a_reconnect_that_resumes_without_loss()
    {
        await using var stream = EventTestKit.Stream(Server, o => o.MaxMessageSize = 4096);
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var before = Server.PublishQueue();
        Assert.Equal(before.Id, (await EventTestKit.ReadAsync(events, 1))[0].Id);

        await Server.SendRawToAllAsync("{\"type\":\"heartbeat\",\"pad\":\"" + new string('x', 64 * 1024) + "\"}");
        var lost = await states.WaitForAsync(CcsConnectionState.Reconnecting);
        var after = Server.PublishQueue();
        var got = await EventTestKit.ReadAsync(events, 1);

        Assert.Contains("MaxMessageSize (4096 bytes)", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(1009, Assert.IsType<CcsEventStreamException>(lost.Error).CloseStatus);
        Assert.Equal(after.Id, got[0].Id);
        Assert.Equal(2, Server.AcceptedConnections);
        Assert.Equal("resume", (string?)Server.ClientMessages.Last()["type"]);
    }
}

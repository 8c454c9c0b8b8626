using System.Diagnostics;
using Ccs.Events;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Tests.Events;

public sealed class EventReconnectTests : EventServerTests
{
    [Fact]
    public async Task A_dropped_connection_reconnects_with_a_fresh_token_and_resumes()
    {
        var calls = 0;
        using var meters = new TestMeterFactory();
        using var reconnects = new MetricCollector<long>(meters, "CcsClient", "ccs.events.reconnects");
        using var resumes = new MetricCollector<long>(meters, "CcsClient", "ccs.events.resumes");
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = new LoggerFactory(new[] { logs });
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "CcsClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem("url.full"), Server.Endpoint.AbsoluteUri))
                {
                    lock (spans)
                    {
                        spans.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var stream = EventTestKit.Stream(Server, token: _ => ValueTask.FromResult($"token-{Interlocked.Increment(ref calls)}"), meters: meters, logs: loggerFactory);
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var first = Server.PublishQueue();
        await EventTestKit.ReadAsync(events, 1);

        Server.DropAll();
        await states.WaitForAsync(CcsConnectionState.Reconnecting);
        var second = Server.PublishQueue();
        var got = await EventTestKit.ReadAsync(events, 1);
        await states.WaitForAsync(CcsConnectionState.Connected, occurrence: 2);

        Assert.Equal(second.Id, got[0].Id);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, Server.AuthorizationHeaders);
        Assert.Equal(
            new[] { CcsConnectionState.Connecting, CcsConnectionState.Connected, CcsConnectionState.Reconnecting, CcsConnectionState.Connected },
            states.Changes.Select(c => c.State));
        Assert.Equal(new[] { "subscribe", "resume" }, Server.ClientMessages.Select(m => (string?)m["type"]));
        Assert.Equal(first.Seq, (long)Server.ClientMessages.Last()["last_seq"]!);
        Assert.Equal(1, reconnects.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("succeeded", Assert.Single(resumes.GetMeasurementSnapshot()).Tags["ccs.resume.result"]);
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Id.Id == 2002 && r.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Message.Contains("token-", StringComparison.Ordinal));
        lock (spans)
        {
            Assert.Equal(new object?[] { 1, 2 }, spans.Select(s => s.GetTagItem("ccs.events.attempt")));
            Assert.Equal(new object?[] { false, true }, spans.Select(s => s.GetTagItem("ccs.events.resuming")));
        }
    }

    [Fact]
    public async Task Ten_thousand_events_across_five_forced_disconnects_arrive_exactly_once_and_in_order()
    {
        const int total = 10_000;
        const int drops = 5;
        Server.ResumeOverlap = 25; // every resume replays events the client already has
        await using var stream = EventTestKit.Stream(Server, o => o.BufferCapacity = 256);
        await stream.StartAsync();
        var published = new List<Guid>(total);
        var reader = Task.Run(async () =>
        {
            await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
            return await EventTestKit.ReadAsync(events, total);
        });

        for (var i = 0; i < total; i++)
        {
            published.Add(Server.PublishQueue(waiting: i).Id);
            if (i % (total / (drops + 1)) == (total / (drops + 1)) - 1 && Server.AcceptedConnections <= drops)
            {
                var connections = Server.AcceptedConnections;
                await EventTestKit.WaitUntilAsync(() => stream.ReceivedEvents > i - 500, "the client is mid-stream");
                Server.DropAll();
                await EventTestKit.WaitUntilAsync(() => Server.AcceptedConnections == connections + 1 && stream.State == CcsConnectionState.Connected, "the client is back");
            }
        }

        var got = await reader;

        Assert.Equal(drops + 1, Server.AcceptedConnections);
        Assert.Equal(published, got.Select(e => e.Id));
        Assert.True(got.Zip(got.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "sequence numbers increase");
        Assert.Equal(total, stream.ReceivedEvents);
        Assert.True(stream.DuplicateEvents >= drops, $"the overlapping replays were de-duplicated ({stream.DuplicateEvents})");
        Assert.Equal(0, stream.DroppedEvents);
    }

    [Fact]
    public async Task An_event_repeated_under_a_new_sequence_number_is_delivered_once()
    {
        await using var stream = EventTestKit.Stream(Server);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var id = Guid.NewGuid();
        const string data = """{"id":"q1"}""";

        Server.Publish("queue.updated", "t1", data, id);
        Server.Publish("queue.updated", "t1", data, id);
        var last = Server.PublishQueue();
        var got = await EventTestKit.ReadAsync(events, 2);

        Assert.Equal(new[] { id, last.Id }, got.Select(e => e.Id));
        Assert.Equal(1, stream.DuplicateEvents);
    }

    [Fact]
    public async Task A_refused_resume_reports_a_gap_and_continues_on_a_new_session()
    {
        using var meters = new TestMeterFactory();
        using var resumes = new MetricCollector<long>(meters, "CcsClient", "ccs.events.resumes");
        await using var stream = EventTestKit.Stream(Server, meters: meters);
        var gap = new TaskCompletionSource<CcsEventGapEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.GapDetected += (_, e) => gap.TrySetResult(e);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();
        var before = Server.PublishQueue();
        await EventTestKit.ReadAsync(events, 1);
        var firstSession = (string?)null;
        await EventTestKit.WaitUntilAsync(() => Server.ClientMessages.Count == 1, "subscribed");

        Server.ForgetSessions();
        Server.DropAll();
        var reported = await gap.Task.WaitAsync(EventTestKit.Guard);
        var after = Server.PublishQueue();
        var got = await EventTestKit.ReadAsync(events, 1);

        Assert.Equal(before.Seq, reported.LastSequence);
        Assert.NotNull(reported.SessionId);
        Assert.NotEqual(firstSession, reported.SessionId);
        Assert.Equal("resume_window_expired", reported.Reason);
        Assert.Equal(after.Id, got[0].Id);
        Assert.Equal(new[] { "subscribe", "resume", "subscribe" }, Server.ClientMessages.Select(m => (string?)m["type"]));
        Assert.Equal("failed", Assert.Single(resumes.GetMeasurementSnapshot()).Tags["ccs.resume.result"]);
    }

    [Fact]
    public async Task A_half_open_socket_is_detected_by_the_heartbeat_watchdog_on_fake_time()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Server.HeartbeatIntervalMs = 10_000;
        await using var stream = EventTestKit.Stream(Server, time: time);
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        Server.SilenceAll();
        var missed = Server.PublishQueue();
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(1, Server.AcceptedConnections);
        time.Advance(TimeSpan.FromSeconds(2));
        var lost = await states.WaitForAsync(CcsConnectionState.Reconnecting);
        var got = await EventTestKit.ReadAsync(events, 1);

        Assert.StartsWith("heartbeat timeout", lost.Reason, StringComparison.Ordinal);
        Assert.Contains("00:00:20", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(missed.Id, got[0].Id);
        Assert.Equal(2, Server.AcceptedConnections);
    }

    [Fact]
    public async Task Heartbeats_keep_a_quiet_connection_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Server.HeartbeatIntervalMs = 10_000;
        await using var stream = EventTestKit.Stream(Server, time: time);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            await Server.SendHeartbeatAsync();
            var marker = Server.PublishQueue(waiting: i);
            Assert.Equal(marker.Id, (await EventTestKit.ReadAsync(events, 1))[0].Id);
        }

        Assert.Equal(1, Server.AcceptedConnections);
        Assert.Equal(CcsConnectionState.Connected, stream.State);
    }

    [Fact]
    public async Task A_401_at_the_upgrade_is_an_authentication_error_and_no_retry()
    {
        await using var stream = EventTestKit.Stream(Server, token: _ => ValueTask.FromResult("bad-token"));

        var error = await Assert.ThrowsAsync<CcsAuthenticationException>(() => stream.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.DoesNotContain("bad-token", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.UpgradeRequests);
        Assert.Equal(CcsConnectionState.Disconnected, stream.State);
    }

    [Fact]
    public async Task A_401_on_reconnect_stops_the_stream_with_the_error_instead_of_looping()
    {
        var tokens = new Queue<string>(new[] { "good", "bad-expired" });
        await using var stream = EventTestKit.Stream(Server, token: _ => ValueTask.FromResult(tokens.Count > 1 ? tokens.Dequeue() : tokens.Peek()));
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        Server.DropAll();
        var stopped = await states.WaitForAsync(CcsConnectionState.Disconnected);

        Assert.IsType<CcsAuthenticationException>(stopped.Error);
        Assert.Equal(2, Server.UpgradeRequests);
        await Assert.ThrowsAsync<CcsAuthenticationException>(async () => await events.MoveNextAsync());
    }

    [Fact]
    public async Task Token_expiry_mid_session_reconnects_with_a_fresh_token()
    {
        var calls = 0;
        await using var stream = EventTestKit.Stream(Server, token: _ => ValueTask.FromResult($"token-{Interlocked.Increment(ref calls)}"));
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        await Server.CloseAllAsync(CcsEventCloseCodes.TokenExpired, "token_expired");
        var lost = await states.WaitForAsync(CcsConnectionState.Reconnecting);
        var after = Server.PublishQueue();

        Assert.Equal(after.Id, (await EventTestKit.ReadAsync(events, 1))[0].Id);
        Assert.Equal(CcsEventCloseCodes.TokenExpired, Assert.IsType<CcsEventStreamException>(lost.Error).CloseStatus);
        Assert.Equal(new[] { "Bearer token-1", "Bearer token-2" }, Server.AuthorizationHeaders);
    }

    [Fact]
    public async Task A_forbidden_close_stops_the_stream_for_good()
    {
        await using var stream = EventTestKit.Stream(Server);
        var states = new StateRecorder(stream);
        await stream.StartAsync();

        await Server.CloseAllAsync(CcsEventCloseCodes.Forbidden, "forbidden");
        var stopped = await states.WaitForAsync(CcsConnectionState.Disconnected);

        Assert.Equal(CcsEventCloseCodes.Forbidden, Assert.IsType<CcsEventStreamException>(stopped.Error).CloseStatus);
        Assert.Equal(1, Server.UpgradeRequests);
    }

    [Fact]
    public async Task Dispose_during_a_reconnect_wait_returns_promptly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var stream = EventTestKit.Stream(Server, o => o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.FromHours(1), MaxDelay = TimeSpan.FromHours(1) }, time: time);
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        var events = stream.ReadAllAsync().GetAsyncEnumerator();
        Server.DropAll();
        await states.WaitForAsync(CcsConnectionState.Reconnecting);

        var watch = Stopwatch.StartNew();
        await stream.DisposeAsync().AsTask().WaitAsync(EventTestKit.Guard);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"DisposeAsync took {watch.Elapsed}");
        Assert.Equal(CcsConnectionState.Disconnected, stream.State);
        Assert.False(await events.MoveNextAsync());
        Assert.Equal(1, Server.AcceptedConnections);
    }

    [Fact]
    public async Task Dispose_while_connected_sends_a_normal_close()
    {
        var stream = EventTestKit.Stream(Server);
        await stream.StartAsync();

        await stream.DisposeAsync();

        await EventTestKit.WaitUntilAsync(() => Server.OpenConnections == 0, "the server saw the close");
        Assert.Equal(CcsConnectionState.Disconnected, stream.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => stream.StartAsync());
    }

    [Fact]
    public async Task A_policy_that_gives_up_stops_the_stream_with_an_error()
    {
        var server = await EventTestServer.StartAsync();
        await using var stream = EventTestKit.Stream(server, o => o.ReconnectPolicy = new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.Zero, MaxAttempts = 2 });
        var states = new StateRecorder(stream);
        await stream.StartAsync();
        await using var events = stream.ReadAllAsync().GetAsyncEnumerator();

        await server.DisposeAsync();
        var stopped = await states.WaitForAsync(CcsConnectionState.Disconnected);

        Assert.Contains("gave up after 2 attempts", stopped.Reason, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<CcsEventStreamException>(async () => await events.MoveNextAsync());
        Assert.NotNull(error.InnerException);
    }
}

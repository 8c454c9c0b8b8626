using Ccs.Events;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests.Events;

/// <summary>The SDK's delivery guarantees hold against the emulator's WebSocket faults.</summary>
public class EventResilienceTests
{
    [Fact]
    public async Task Several_drops_while_traffic_runs_lose_nothing_and_deliver_nothing_twice()
    {
        await using var emulator = await CcsEmulator.StartAsync(new CcsEmulatorOptions { Seed = 3 });
        using var changes = emulator.Changes.Subscribe();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();

        emulator.Traffic.Start(100);
        for (var drop = 0; drop < 4; drop++)
        {
            for (var e = 0; e < 10; e++)
            {
                await events.NextAsync();
            }

            Assert.Equal(1, emulator.Faults.DropWebSockets());
            await events.ReconnectedAsync();
        }

        await events.NextAsync();
        emulator.Traffic.Stop();
        await ccs.Agents.SetStateAsync("Lunch"); // the last change: nothing follows it
        var expected = new List<string>();
        while (changes.Reader.TryRead(out var change))
        {
            expected.Add(Key(change));
        }

        var delivered = await events.UntilCountAsync(expected.Count);
        Assert.True(expected.Count > 40, $"only {expected.Count} changes");
        Assert.Equal(expected, delivered.Select(Key));
        Assert.Equal(delivered.Count, delivered.Select(e => e.Id).Distinct().Count());
        Assert.False(events.Gaps.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Forgotten_sessions_make_the_sdk_report_a_gap_and_go_on_with_a_new_session()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        await events.NextAsync<QueueUpdated>();

        Assert.Equal(1, emulator.Faults.ForgetWebSocketSessions());

        using var timeout = new CancellationTokenSource(EventKit.Patience);
        var gap = await events.Gaps.Reader.ReadAsync(timeout.Token);
        Assert.Equal(("unknown_session", 2L), (gap.Reason, gap.LastSequence));
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Connected).Id);
        var next = await events.NextAsync<CallStateChanged>();
        Assert.Equal(1, next.Sequence);
    }

    [Fact]
    public async Task Resuming_after_the_window_makes_the_sdk_report_a_gap()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateEventClient(clock, o => o.ReconnectPolicy = new FixedDelayPolicy(TimeSpan.FromSeconds(61)));
        var events = await ccs.Events.StartRecordingAsync();

        emulator.Faults.DropWebSockets();
        var gap = events.Gaps.Reader.ReadAsync().AsTask();
        await clock.AdvanceUntilAsync(TimeSpan.FromSeconds(61), gap);

        Assert.Equal("resume_window_expired", (await gap).Reason);
    }

    [Fact]
    public async Task A_half_open_connection_is_caught_by_the_sdk_heartbeat_watchdog_which_resumes()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateEventClient(clock);
        var events = await ccs.Events.StartRecordingAsync();
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        await events.NextAsync<QueueUpdated>();

        Assert.Equal(1, emulator.Faults.HalfOpenWebSockets());
        var missed = emulator.FirstCall(CallState.Connected);
        await ccs.Calls.KillAsync(missed.Id);
        var reconnected = events.ReconnectedAsync();
        await clock.AdvanceUntilAsync(TimeSpan.FromSeconds(31), reconnected);

        var replayed = await events.NextAsync();
        Assert.Equal(missed.Id, Assert.IsType<CallStateChanged>(replayed).Call.Id);
        Assert.Equal(3, replayed.Sequence);
        Assert.False(events.Gaps.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Duplicated_event_frames_are_delivered_once()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();
        emulator.Faults.DuplicateNextEvents(2);

        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        await ccs.Agents.SetStateAsync("Lunch");

        Assert.IsType<CallStateChanged>(await events.NextAsync());
        Assert.IsType<QueueUpdated>(await events.NextAsync());
        Assert.IsType<AgentStateChanged>(await events.NextAsync());
        Assert.Equal(2, ccs.Events.DuplicateEvents);
    }

    [Fact]
    public async Task Token_expiry_makes_the_stream_reconnect_with_a_fresh_token_and_resume()
    {
        await using var emulator = await Emulators.StartAsync();
        var tokens = 0;
        var options = new CcsEventStreamOptions { Endpoint = emulator.EventsUri, ReconnectPolicy = new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.Zero } };
        await using var stream = new CcsEventStream(options, _ =>
        {
            Interlocked.Increment(ref tokens);
            return ValueTask.FromResult(emulator.AccessToken);
        });
        var events = await stream.StartRecordingAsync();
        using var ccs = emulator.CreateClient();
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        await events.NextAsync<QueueUpdated>();

        Assert.Equal(1, emulator.Faults.ExpireWebSocketTokens());
        await events.ReconnectedAsync();
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Held).Id);

        Assert.Equal(2, Volatile.Read(ref tokens));
        Assert.Equal(3, (await events.NextAsync<CallStateChanged>()).Sequence);
        Assert.False(events.Gaps.Reader.TryRead(out _));
    }

    private static string Key(EmulatorChange change) => change switch
    {
        CallStateChange c => $"call {c.After.Id} {c.After.State}",
        AgentStateChange a => $"agent {a.After.ExtensionId} {a.After.State}",
        QueueCountersChanged q => $"queue {q.After.Id} {q.After.CurrentQueueLength} {q.After.AgentsAvailable}",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static string Key(CcsEvent e) => e switch
    {
        CallStateChanged c => $"call {c.Call.Id} {c.Call.State}",
        AgentStateChanged a => $"agent {a.State.ExtensionId} {a.State.State}",
        QueueUpdated q => $"queue {q.Queue.Id} {q.Queue.CurrentQueueLength} {q.Queue.AgentsAvailable}",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}

using Ccs.Events;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests;

/// <summary>The traffic generator: calls through every state, agents and queues with them, on the emulator's clock.</summary>
public class TrafficTests
{
    [Fact]
    public async Task Steps_move_a_new_call_through_every_state_and_emit_the_events()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();

        emulator.Traffic.Step();
        var created = await events.NextAsync<CallStateChanged>();
        Assert.Null(created.PreviousState);
        Assert.Equal(CallState.Alerting, created.Call.State);
        var callId = created.Call.Id!;
        for (var step = 0; step < 200 && emulator.State.GetCall(callId).State != CallState.Completed; step++)
        {
            emulator.Traffic.Step();
        }

        var states = new List<(CallState? Previous, CallState? State)>();
        while (states.LastOrDefault().State != CallState.Completed)
        {
            var change = await events.NextAsync<CallStateChanged>(c => c.Call.Id == callId);
            states.Add((change.PreviousState, change.Call.State));
        }

        Assert.Equal(
            [(CallState.Alerting, CallState.Queued), (CallState.Queued, CallState.Connected), (CallState.Connected, CallState.Held), (CallState.Held, CallState.Completed)],
            states);
        var all = events.All;
        Assert.Contains(all, e => e is AgentStateChanged { State.State: "Busy", PreviousState: "Available" });
        Assert.Contains(all, e => e is AgentStateChanged { State.State: "After Call Work", PreviousState: "Busy" });
        Assert.Contains(all, e => e is AgentStateChanged { State.State: "Available", PreviousState: not "Available" and not "Busy" });
        Assert.Contains(all, e => e is QueueUpdated);
    }

    [Fact]
    public async Task The_agent_of_a_connected_traffic_call_is_busy_until_it_completes()
    {
        await using var emulator = await Emulators.StartAsync();
        for (var step = 0; step < 100; step++)
        {
            emulator.Traffic.Step();
            var busyWithCalls = emulator.State.Calls
                .Where(c => c.State == CallState.Connected && c.LastAction is null && c.StartedAt == Emulators.Epoch)
                .Select(c => emulator.State.GetAgentState(c.ExtensionId!.Value).State);
            Assert.All(busyWithCalls, state => Assert.Equal("Busy", state));
        }

        Assert.DoesNotContain(emulator.State.Calls, c => c.ExtensionId == emulator.State.CurrentAgentExtensionId && c.StartedAt == Emulators.Epoch);
        var acds = emulator.State.Acds;
        Assert.All(acds, a => Assert.Equal(emulator.State.Calls.Count(c => c.AcdId == a.Id && c.State == CallState.Queued), a.CurrentQueueLength));
    }

    [Fact]
    public async Task The_same_seed_and_steps_give_the_same_traffic()
    {
        await using var first = await Emulators.StartAsync(seed: 5);
        await using var second = await Emulators.StartAsync(seed: 5);

        for (var step = 0; step < 40; step++)
        {
            first.Traffic.Step();
            second.Traffic.Step();
        }

        Assert.Equal(first.State.Calls, second.State.Calls);
        Assert.Equal(first.State.AgentStates, second.State.AgentStates);
        Assert.True(first.State.Calls.Count > 40);
    }

    [Fact]
    public async Task Traffic_runs_on_the_emulators_clock_and_stops()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await CcsEmulator.StartAsync(new CcsEmulatorOptions { TimeProvider = clock, Traffic = { CallsPerSecond = 2 } });
        Assert.True(emulator.Traffic.IsRunning);
        Assert.Equal(2, emulator.Traffic.CallsPerSecond);
        var calls = emulator.State.Calls.Count;

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(10, emulator.Traffic.Steps);

        emulator.Traffic.Stop();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(10, emulator.Traffic.Steps);
        Assert.False(emulator.Traffic.IsRunning);
        Assert.InRange(emulator.State.Calls.Count, calls + 1, calls + 10);

        emulator.Traffic.Start(10);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(20, emulator.Traffic.Steps);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(101)]
    public async Task Start_refuses_rates_out_of_range(double rate)
    {
        await using var emulator = await Emulators.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Traffic.Start(rate));
    }

    [Fact]
    public async Task Traffic_stops_with_the_emulator()
    {
        var emulator = await Emulators.StartAsync();
        emulator.Traffic.Start(5);

        await emulator.DisposeAsync();

        Assert.False(emulator.Traffic.IsRunning);
        Assert.Throws<ObjectDisposedException>(() => emulator.Traffic.Step());
    }

    [Fact]
    public async Task A_thousand_steps_take_no_more_than_a_few_seconds_even_on_a_busy_machine()
    {
        await using var emulator = await Emulators.StartAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (var step = 0; step < 1000; step++)
        {
            emulator.Traffic.Step();
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"1000 steps took {watch.Elapsed}");
    }
}

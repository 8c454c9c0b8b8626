using System.Threading.Channels;
using Ccs.Models;
using Ccs.Testing.Tests.Support;

namespace Ccs.Testing.Tests;

/// <summary>Every state change is published, in order, through the one internal notification point the event stream will use.</summary>
public class ChangeFeedTests
{
    [Fact]
    public async Task Killing_a_queued_call_publishes_the_call_change_and_the_queue_counters()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        using var subscription = emulator.Changes.Subscribe();
        var queued = emulator.FirstCall(CallState.Queued);

        await ccs.Calls.KillAsync(queued.Id);

        var changes = Drain(subscription.Reader);
        var call = Assert.IsType<CallStateChange>(changes[0]);
        Assert.Equal((CallState.Queued, CallState.Completed), (call.Before?.State, call.After.State));
        var queue = Assert.IsType<QueueCountersChanged>(Assert.Single(changes.Skip(1)));
        Assert.Equal(queued.AcdId, queue.After.Id);
        Assert.Equal(queue.Before.CurrentQueueLength - 1, queue.After.CurrentQueueLength);
    }

    [Fact]
    public async Task An_agent_state_change_publishes_the_agent_change_and_the_agents_available_of_its_queues()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var agent = emulator.State.CurrentAgentExtensionId;
        await ccs.Agents.SetStateAsync("Busy");
        using var subscription = emulator.Changes.Subscribe();

        await ccs.Agents.SetStateAsync("Available");

        var changes = Drain(subscription.Reader);
        var change = Assert.IsType<AgentStateChange>(changes[0]);
        Assert.Equal((agent, "Busy", "Available"), (change.After.ExtensionId, change.Before.State, change.After.State));
        var queues = changes.Skip(1).Cast<QueueCountersChanged>().ToList();
        Assert.Equal(emulator.State.GetExtension(agent).AcdIds.Order(), queues.Select(q => q.After.Id).Order());
        Assert.All(queues, q => Assert.Equal(q.Before.AgentsAvailable + 1, q.After.AgentsAvailable));
    }

    [Fact]
    public async Task Changes_that_change_nothing_observable_publish_nothing()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        using var subscription = emulator.Changes.Subscribe();
        var connected = emulator.FirstCall(CallState.Connected);

        await ccs.Calls.StartSuppressionAsync(connected.Id);
        await Assert.ThrowsAsync<CcsConflictException>(() => ccs.Calls.WaitKillAsync(connected.Id));

        Assert.Empty(Drain(subscription.Reader));
    }

    [Fact]
    public async Task Disposing_the_emulator_completes_the_feed()
    {
        var emulator = await Emulators.StartAsync();
        using var subscription = emulator.Changes.Subscribe();

        await emulator.DisposeAsync();

        await subscription.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static List<EmulatorChange> Drain(ChannelReader<EmulatorChange> reader)
    {
        var changes = new List<EmulatorChange>();
        while (reader.TryRead(out var change))
        {
            changes.Add(change);
        }

        return changes;
    }
}

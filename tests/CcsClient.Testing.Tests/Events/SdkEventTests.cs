using Ccs.Events;
using Ccs.Models;
using Ccs.Testing.Tests.Support;

namespace Ccs.Testing.Tests.Events;

/// <summary>The SDK's CcsEventStream, pointed at the emulator by CreateClient, receives typed events for what REST changes.</summary>
public class SdkEventTests
{
    [Fact]
    public async Task The_client_made_by_the_emulator_connects_its_event_stream_to_the_emulator()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();

        Assert.Equal(new Uri($"ws://127.0.0.1:{emulator.BaseUri.Port}/6/v2/events"), emulator.EventsUri);
        Assert.Equal(emulator.EventsUri, ccs.Events.Endpoint);
    }

    [Fact]
    public async Task Killing_a_call_over_rest_delivers_call_state_changed_and_queue_updated()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();
        var queued = emulator.FirstCall(CallState.Queued);

        await ccs.Calls.KillAsync(queued.Id);

        var call = Assert.IsType<CallStateChanged>(await events.NextAsync());
        Assert.Equal((queued.Id, CallState.Completed, CallState.Queued), (call.Call.Id, call.Call.State, call.PreviousState));
        Assert.Equal(queued.TenantId.ToString(), call.TenantId);
        Assert.Equal(queued.CallingNumber, call.Call.CallingNumber);
        Assert.Equal(Emulators.Epoch, call.Timestamp);
        var queue = Assert.IsType<QueueUpdated>(await events.NextAsync());
        var acd = emulator.State.Acds.Single(a => a.Id == queued.AcdId);
        Assert.Equal((acd.Id, acd.CurrentQueueLength, acd.AgentsAvailable), (queue.Queue.Id, queue.Queue.CurrentQueueLength, queue.Queue.AgentsAvailable));
        Assert.Equal(call.Sequence + 1, queue.Sequence);
    }

    [Fact]
    public async Task Setting_the_agent_state_delivers_agent_state_changed_with_the_previous_state()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        await ccs.Agents.SetStateAsync("Busy");
        var events = await ccs.Events.StartRecordingAsync();

        await ccs.Agents.SetStateAsync("On Break", reason: "Coffee");

        var agent = Assert.IsType<AgentStateChanged>(await events.NextAsync());
        Assert.Equal(emulator.State.CurrentAgentExtensionId.ToString(), agent.State.ExtensionId);
        Assert.Equal(("On Break", false, "Busy"), (agent.State.State, agent.State.AvailableForCalls, agent.PreviousState));
        Assert.Equal("Coffee", agent.State.AdditionalProperties?["reason"].GetString());
        Assert.Equal(emulator.State.Tenants[0].Id.ToString(), agent.TenantId);
    }

    [Fact]
    public async Task Queue_counters_arrive_as_queue_updated_when_an_agent_becomes_available()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateEventClient();
        await ccs.Agents.SetStateAsync("Busy");
        var events = await ccs.Events.StartRecordingAsync();

        await ccs.Agents.SetStateAsync("Available");

        var served = emulator.State.GetExtension(emulator.State.CurrentAgentExtensionId).AcdIds;
        var updates = new List<QueueUpdated>();
        while (updates.Count < served.Count)
        {
            updates.Add(await events.NextAsync<QueueUpdated>());
        }

        Assert.Equal(served.Order(), updates.Select(u => u.Queue.Id!).Order());
        Assert.All(updates, u => Assert.Equal(emulator.State.Acds.Single(a => a.Id == u.Queue.Id).AgentsAvailable, u.Queue.AgentsAvailable));
    }

    [Fact]
    public async Task Concurrent_sessions_each_receive_every_event_with_the_same_id_and_their_own_session()
    {
        await using var emulator = await Emulators.StartAsync();
        using var first = emulator.CreateEventClient();
        using var second = emulator.CreateEventClient();
        var a = await first.Events.StartRecordingAsync();
        var b = await second.Events.StartRecordingAsync();

        await first.Calls.KillAsync(emulator.FirstCall(CallState.Connected).Id);

        var fromA = await a.NextAsync<CallStateChanged>();
        var fromB = await b.NextAsync<CallStateChanged>();
        Assert.Equal(fromA.Id, fromB.Id);
        Assert.Equal(fromA.Call.Id, fromB.Call.Id);
    }

    [Fact]
    public async Task The_stream_filters_by_family_and_tenant_on_the_server()
    {
        await using var emulator = await Emulators.StartAsync();
        var tenant = emulator.State.Tenants[1].Id.ToString();
        using var ccs = emulator.CreateEventClient(configure: o =>
        {
            o.Families.Clear();
            o.Families.Add(CcsEventFamilies.Call);
            o.TenantIds.Add(tenant);
        });
        var events = await ccs.Events.StartRecordingAsync();
        var otherTenantsCall = emulator.State.Calls.First(c => c.TenantId != emulator.State.Tenants[1].Id && c.State == CallState.Queued);
        var wanted = emulator.State.Calls.First(c => c.TenantId == emulator.State.Tenants[1].Id && c.State == CallState.Queued);

        await ccs.Calls.KillAsync(otherTenantsCall.Id);
        await ccs.Agents.SetStateAsync("Busy");
        await ccs.Calls.KillAsync(wanted.Id);

        // Events arrive in order: anything the filters let through would come before this one.
        var first = Assert.IsType<CallStateChanged>(await events.NextAsync());
        Assert.Equal((wanted.Id, tenant), (first.Call.Id, first.TenantId));
        Assert.Equal(1, first.Sequence);
    }
}

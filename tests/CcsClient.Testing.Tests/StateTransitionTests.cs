using System.Net;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests;

/// <summary>Requests change the emulator's state, visibly through later GETs and through emulator.State.</summary>
public class StateTransitionTests
{
    [Fact]
    public async Task Kill_completes_a_call_visibly_through_getCall_listCalls_and_the_state()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateClient();
        var connected = emulator.FirstCall(CallState.Connected);

        clock.Advance(TimeSpan.FromSeconds(30));
        await ccs.Calls.KillAsync(connected.Id);
        clock.Advance(TimeSpan.FromMinutes(5));

        var call = await ccs.Calls.GetAsync(connected.Id);
        Assert.Equal(CallState.Completed, call.State);
        Assert.Equal(connected.Duration + 30, call.Duration); // the duration stops when the call ends
        Assert.Equal(CallState.Completed, (await ccs.Calls.ListAsync()).Single(c => c.Id == connected.Id).State);
        var state = emulator.State.GetCall(connected.Id);
        Assert.Equal(CallState.Completed, state.State);
        Assert.Equal(Emulators.Epoch.AddSeconds(30), state.EndedAt);
        Assert.Equal("kill", state.LastAction);
    }

    [Fact]
    public async Task Wait_kill_completes_a_waiting_call()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var held = emulator.FirstCall(CallState.Held);

        await ccs.Calls.WaitKillAsync(held.Id);

        Assert.Equal(CallState.Completed, (await ccs.Calls.GetAsync(held.Id)).State);
    }

    [Fact]
    public async Task Wait_transfer_connects_a_queued_call_to_an_agent_of_its_queue_and_shortens_the_queue()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var queued = emulator.FirstCall(CallState.Queued);
        var lengthBefore = emulator.State.Acds.Single(a => a.Id == queued.AcdId).CurrentQueueLength;

        await ccs.Calls.WaitTransferAsync(queued.Id);

        var call = emulator.State.GetCall(queued.Id);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Contains(queued.AcdId, emulator.State.GetExtension(call.ExtensionId!.Value).AcdIds);
        var acds = await ccs.Tenants.ListAcdsAsync(queued.TenantId);
        Assert.Equal(lengthBefore - 1, acds.Single(a => a.Id == queued.AcdId).CurrentQueueLength);
    }

    [Fact]
    public async Task Wait_redirect_sends_a_waiting_call_out_of_its_queue_ringing()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var queued = emulator.FirstCall(CallState.Queued);

        await ccs.Calls.WaitRedirectAsync(queued.Id);

        var call = emulator.State.GetCall(queued.Id);
        Assert.Equal(CallState.Alerting, call.State);
        Assert.Null(call.ExtensionId);
        Assert.Equal(CallState.Alerting, (await ccs.Calls.GetAsync(queued.Id)).State);
    }

    [Fact]
    public async Task Suppression_is_tracked_and_leaves_the_call_state_alone()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var connected = emulator.FirstCall(CallState.Connected);

        await ccs.Calls.StartSuppressionAsync(connected.Id);
        Assert.True(emulator.State.GetCall(connected.Id).Suppressed);
        await ccs.Calls.StopSuppressionAsync(connected.Id);

        var call = emulator.State.GetCall(connected.Id);
        Assert.False(call.Suppressed);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public async Task Actions_that_do_not_fit_the_call_state_are_409()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var completed = emulator.FirstCall(CallState.Completed);
        var connected = emulator.FirstCall(CallState.Connected);

        await Assert.ThrowsAsync<CcsConflictException>(() => ccs.Calls.KillAsync(completed.Id));
        await Assert.ThrowsAsync<CcsConflictException>(() => ccs.Calls.StartSuppressionAsync(completed.Id));
        await Assert.ThrowsAsync<CcsConflictException>(() => ccs.Calls.WaitTransferAsync(connected.Id));
        Assert.Equal(CallState.Connected, emulator.State.GetCall(connected.Id).State);
    }

    [Fact]
    public async Task An_agent_state_update_changes_what_getAgentState_returns_for_the_current_agent()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateClient();
        var agent = emulator.State.CurrentAgentExtensionId;
        clock.Advance(TimeSpan.FromMinutes(1));

        await ccs.Agents.SetStateAsync("on break", reason: "Coffee");

        var state = await ccs.Agents.GetStateAsync(agent);
        Assert.Equal("On Break", state.State); // matched case-insensitively, stored as the option names it
        Assert.False(state.AvailableForCalls);
        Assert.Equal(Emulators.Epoch.AddMinutes(1), state.UpdatedAt);
        Assert.Equal("Coffee", emulator.State.GetAgentState(agent).Reason);

        await ccs.Agents.SetStateAsync("Available");
        Assert.True((await ccs.Agents.GetStateAsync(agent)).AvailableForCalls);
    }

    [Fact]
    public async Task The_current_agent_is_the_first_extension_of_the_first_tenant_and_others_are_untouched()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var first = emulator.State.Extensions[0];
        var other = emulator.State.Extensions[1];
        var otherBefore = emulator.State.GetAgentState(other.Id);

        await ccs.Agents.SetStateAsync("Lunch");

        Assert.Equal(first.Id, emulator.State.CurrentAgentExtensionId);
        Assert.Equal(emulator.State.Tenants[0].Id, first.TenantId);
        Assert.Equal("Lunch", emulator.State.GetAgentState(first.Id).State);
        Assert.Equal(otherBefore, emulator.State.GetAgentState(other.Id));
    }

    [Fact]
    public async Task An_agent_state_that_is_no_presence_option_of_the_tenant_is_400()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var before = emulator.State.GetAgentState(emulator.State.CurrentAgentExtensionId);

        var error = await Assert.ThrowsAsync<CcsApiException>(() => ccs.Agents.SetStateAsync("Sleeping"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("On Break", error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(before, emulator.State.GetAgentState(emulator.State.CurrentAgentExtensionId));
    }

    [Fact]
    public async Task Limit_updates_persist_and_leave_unsent_limits_alone()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var tenant = emulator.State.Tenants[1];

        await ccs.Tenants.UpdateLimitsAsync(tenant.Id, new TenantLimitsUpdate { MaxAgents = 7, SmsLimit = 0 });

        var after = await ccs.Tenants.GetAsync(tenant.Id);
        Assert.Equal(7, after.MaxAgents);
        Assert.Equal(tenant.MaxCalls, after.MaxCalls);
        Assert.Equal(0, after.AdditionalProperties!["sms_limit"].GetInt32());
        Assert.Equal(7, (await ccs.Tenants.ListAsync()).Single(t => t.Id == tenant.Id).MaxAgents);
    }

    [Fact]
    public async Task Product_updates_persist()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var tenant = emulator.State.Tenants[0];
        var toRemove = tenant.ProductIds[0];
        var toAdd = emulator.State.Products.Select(p => p.Id).First(id => !tenant.ProductIds.Contains(id));

        await ccs.Tenants.UpdateProductsAsync(tenant.Id, new TenantProductsUpdate { Add = [toAdd], Remove = [toRemove] });

        var products = emulator.State.GetTenant(tenant.Id).ProductIds;
        Assert.Contains(toAdd, products);
        Assert.DoesNotContain(toRemove, products);
        var served = (await ccs.Tenants.GetAsync(tenant.Id)).AdditionalProperties!["products"].EnumerateArray().Select(p => p.GetString());
        Assert.Equal(products, served);
    }

    [Fact]
    public async Task Extension_updates_persist()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var tenant = emulator.State.Tenants[0];
        var extension = emulator.State.Extensions.Last(e => e.TenantId == tenant.Id);

        await ccs.Extensions.UpdateAsync(tenant.Id, extension.Id, new ExtensionUpdate { Name = "Dana Supervisor", Role = "Call Control" });

        var listed = (await ccs.Extensions.ListAsync(tenant.Id)).Single(e => e.Id == extension.Id);
        Assert.Equal("Dana Supervisor", listed.Name);
        Assert.Equal("Call Control", listed.AdditionalProperties!["role"].GetString());
        Assert.Equal(extension.Number, listed.Number);
        Assert.Equal("Call Control", emulator.State.GetExtension(extension.Id).Role);
    }

    [Fact]
    public async Task Resetting_the_text_count_zeroes_it_and_starts_a_new_period()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateClient();
        var tenantId = emulator.State.Tenants[0].Id;
        var before = await ccs.Tenants.GetTextCountAsync(tenantId);
        var otherTenantBefore = emulator.State.TextCounts[1];
        Assert.True(before.SmsCount + before.MmsCount > 0, "seed 1 starts with messages counted");
        clock.Advance(TimeSpan.FromHours(2));

        await ccs.Tenants.ResetTextCountAsync(tenantId);

        var after = await ccs.Tenants.GetTextCountAsync(tenantId);
        Assert.Equal(0, after.SmsCount);
        Assert.Equal(0, after.MmsCount);
        Assert.Equal(Emulators.Epoch.AddHours(2), after.PeriodStart);
        Assert.Equal(otherTenantBefore, emulator.State.TextCounts[1]);
    }

    [Fact]
    public async Task Concurrent_requests_leave_the_state_consistent()
    {
        await using var emulator = await Emulators.StartAsync(clock: new FakeTimeProvider(Emulators.Epoch));
        using var ccs = emulator.CreateClient();
        var active = emulator.State.Calls.Where(c => c.State != CallState.Completed).Select(c => c.Id).ToList();

        await Task.WhenAll(active.Select(id => ccs.Calls.KillAsync(id))
            .Concat(Enumerable.Range(0, 20).Select(i => ccs.Agents.SetStateAsync(i % 2 == 0 ? "Busy" : "Available")))
            .Concat(Enumerable.Range(0, 20).Select(_ => (Task)ccs.Tenants.ListAcdsAsync(emulator.State.Tenants[0].Id))));

        Assert.All(emulator.State.Calls, c => Assert.Equal(CallState.Completed, c.State));
        Assert.All(emulator.State.Acds, a => Assert.Equal(0, a.CurrentQueueLength));
        Assert.Equal(active.Count + 40, emulator.Requests.Count);
    }
}

using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Ccs.Tests.Spec;

namespace Ccs.Testing.Tests;

/// <summary>The SDK, pointed at the emulator with CreateClient(), works for every operation of the spec.</summary>
public class SdkEndToEndTests
{
    [Fact]
    public async Task The_sdk_runs_every_operation_of_the_spec_against_the_emulator()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();

        var products = await ccs.Products.ListAsync();
        Assert.Equal(emulator.State.Products.Select(p => p.Id), products.Select(p => p.Id));
        var roles = await ccs.Roles.ListAsync();
        Assert.Contains(roles, r => r.Name == RoleName.CallControl);

        var tenants = await ccs.Tenants.ListAsync();
        Assert.True(tenants.Count >= 3);
        var tenantId = tenants[0].Id!.Value;
        var tenant = await ccs.Tenants.GetAsync(tenantId);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(emulator.State.GetTenant(tenantId).Name, tenant.Name);

        await ccs.Tenants.UpdateProductsAsync(tenantId, new TenantProductsUpdate { Add = ["ccs-sms"] });
        await ccs.Tenants.UpdateLimitsAsync(tenantId, new TenantLimitsUpdate { MaxAgents = 42 });
        Assert.NotEmpty(await ccs.Tenants.ListRolesAsync(tenantId));
        var acds = await ccs.Tenants.ListAcdsAsync(tenantId);
        Assert.All(acds, acd => Assert.Equal(tenantId.ToString(), acd.TenantId));
        var presence = await ccs.Tenants.ListPresenceOptionsAsync(tenantId);
        Assert.Contains(presence, p => p.Name == "Available" && p.AvailableForCalls == true);
        var textCount = await ccs.Tenants.GetTextCountAsync(tenantId);
        Assert.NotNull(textCount.PeriodStart);
        await ccs.Tenants.ResetTextCountAsync(tenantId);

        var extensions = await ccs.Extensions.ListAsync(tenantId);
        Assert.NotEmpty(extensions);
        await ccs.Extensions.UpdateAsync(tenantId, extensions[0].Id!.Value, new ExtensionUpdate { Name = "Renamed" });

        var calls = await ccs.Calls.ListAsync();
        var queued = calls.First(c => c.State == CallState.Queued);
        var call = await ccs.Calls.GetAsync(queued.Id!);
        Assert.Equal(queued.CallingNumber, call.CallingNumber);
        var found = await ccs.Calls.SearchAsync(new CallSearchCriteria { CallingNumber = call.CallingNumber, To = call.StartedAt!.Value.AddSeconds(1) });
        Assert.Contains(found, c => c.Id == call.Id);
        await ccs.Calls.StartSuppressionAsync(call.Id!);

        await ccs.Agents.SetStateAsync("Busy", reason: "Callback");
        var agentState = await ccs.Agents.GetStateAsync(emulator.State.CurrentAgentExtensionId);
        Assert.Equal("Busy", agentState.State);

        var exercised = emulator.Requests.Select(r => r.OperationId).Distinct().Order();
        Assert.Equal(OpenApiSpec.Instance.Operations.Select(o => o.Id).Order(), exercised);
    }

    [Fact]
    public async Task Every_call_control_shortcut_of_the_sdk_reaches_the_emulator()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        string Waiting(int skip) => emulator.State.Calls.Where(c => c.State == CallState.Queued || c.State == CallState.Held || c.State == CallState.Alerting).Skip(skip).First().Id;

        var active = emulator.FirstCall(CallState.Connected).Id;
        await ccs.Calls.StartSuppressionAsync(active);
        await ccs.Calls.StopSuppressionAsync(active);
        await ccs.Calls.KillAsync(active);
        await ccs.Calls.WaitTransferAsync(Waiting(0));
        await ccs.Calls.WaitRedirectAsync(Waiting(0));
        await ccs.Calls.WaitKillAsync(Waiting(0));
        await ccs.Calls.ControlAsync(Waiting(0), CallAction.Kill);

        var actions = emulator.Requests.Select(r => r.Body).ToList();
        string[] expected = ["startSuppression", "stopSuppression", "kill", "wait_transfer", "wait_redirect", "wait_kill", "kill"];
        Assert.Equal(expected.Select(a => $$"""{"action":"{{a}}"}"""), actions);
    }
}

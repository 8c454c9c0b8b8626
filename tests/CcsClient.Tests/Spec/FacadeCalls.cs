using Ccs.Models;

namespace Ccs.Tests.Spec;

/// <summary>
/// How the facade reaches each operation of openapi.yaml, with what the request must look like on
/// the wire. The coverage test fails when the spec has an operation that is not listed here.
/// </summary>
public static class FacadeCalls
{
    public static readonly Guid TenantId = Guid.Parse("3f1c1f9e-8a43-4f5e-9d2b-6f0e5b7c2a11");
    public static readonly Guid ExtensionId = Guid.Parse("b7a2d0c4-1e5f-4a6b-8c9d-0e1f2a3b4c5d");
    public const string CallId = "call-42";

    public static readonly CallSearchCriteria Search = new()
    {
        CallingNumber = "+15550100",
        CalledNumber = "+15550199",
        From = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
        To = new DateTimeOffset(2026, 12, 2, 12, 30, 0, TimeSpan.FromHours(-5)),
        TimeZone = "America/New_York",
    };

    public static IReadOnlyDictionary<string, FacadeCall> All { get; } = new Dictionary<string, FacadeCall>
    {
        ["listProducts"] = new(async c => await c.Products.ListAsync(), "/products/"),
        ["listRoles"] = new(async c => await c.Roles.ListAsync(), "/roles/"),
        ["listTenants"] = new(async c => await c.Tenants.ListAsync(), "/tenants"),
        ["getTenant"] = new(async c => await c.Tenants.GetAsync(TenantId), $"/tenants/{TenantId}"),
        ["updateTenantProducts"] = new(
            async c => { await c.Tenants.UpdateProductsAsync(TenantId, new TenantProductsUpdate { Add = ["acd-pro"], Remove = ["sms"] }); return null; },
            $"/tenants/{TenantId}",
            Body: """{"add":["acd-pro"],"remove":["sms"]}"""),
        ["updateTenantLimits"] = new(
            async c => { await c.Tenants.UpdateLimitsAsync(TenantId, new TenantLimitsUpdate { MaxAgents = 25, MaxCalls = 50, SmsLimit = 1000 }); return null; },
            $"/tenants/{TenantId}",
            Body: """{"max_agents":25,"max_calls":50,"sms_limit":1000}"""),
        ["listTenantRoles"] = new(async c => await c.Tenants.ListRolesAsync(TenantId), $"/tenants/{TenantId}/roles"),
        ["listTenantACDs"] = new(async c => await c.Tenants.ListAcdsAsync(TenantId), $"/tenants/{TenantId}/acds"),
        ["listPresenceOptions"] = new(async c => await c.Tenants.ListPresenceOptionsAsync(TenantId), $"/tenants/{TenantId}/presence-options"),
        ["listTenantExtensions"] = new(async c => await c.Extensions.ListAsync(TenantId), $"/tenants/{TenantId}/extensions"),
        ["updateTenantExtension"] = new(
            async c => { await c.Extensions.UpdateAsync(TenantId, ExtensionId, new ExtensionUpdate { Name = "Front desk", Role = "Agent Control" }); return null; },
            $"/tenants/{TenantId}/extensions/{ExtensionId}",
            Body: """{"name":"Front desk","role":"Agent Control"}"""),
        ["getTextMessageCount"] = new(async c => await c.Tenants.GetTextCountAsync(TenantId), $"/tenants/{TenantId}/text-count"),
        ["resetTextMessageCount"] = new(async c => { await c.Tenants.ResetTextCountAsync(TenantId); return null; }, $"/tenants/{TenantId}/text-count"),
        ["listCalls"] = new(async c => await c.Calls.ListAsync(), "/calls"),
        ["getCall"] = new(async c => await c.Calls.GetAsync(CallId), $"/calls/{CallId}"),
        ["controlCall"] = new(async c => { await c.Calls.KillAsync(CallId); return null; }, $"/calls/{CallId}", Body: """{"action":"kill"}"""),
        ["searchCalls"] = new(
            async c => await c.Calls.SearchAsync(Search),
            "/calls/filter",
            Query: new Dictionary<string, string>
            {
                ["calling_number"] = "+15550100",
                ["called_number"] = "+15550199",
                ["from_datetime"] = "2026-12-01T00:00:00.0000000+00:00",
                ["to_datetime"] = "2026-12-02T12:30:00.0000000-05:00",
                ["time_z"] = "America/New_York",
            }),
        ["updateAgentState"] = new(async c => { await c.Agents.SetStateAsync("On Break", "Lunch"); return null; }, "/agent-state", Body: """{"state":"On Break","reason":"Lunch"}"""),
        ["getAgentState"] = new(async c => await c.Agents.GetStateAsync(ExtensionId), $"/extensions/{ExtensionId}/agent-state"),
    };
}

/// <summary>A facade call and the request it must produce (path relative to the base path).</summary>
public sealed record FacadeCall(
    Func<CcsClient, Task<object?>> Invoke,
    string Path,
    string? Body = null,
    IReadOnlyDictionary<string, string>? Query = null);

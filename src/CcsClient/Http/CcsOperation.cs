using System.Net.Http;

namespace Ccs.Http;

/// <summary>
/// One operation of the CCS OpenAPI description: its id, method and path template. Errors, logs and
/// (later) spans and retry rules are keyed by it, so raw URLs with ids never leave the client.
/// </summary>
internal sealed class CcsOperation
{
    private CcsOperation(string id, HttpMethod method, string pathTemplate)
    {
        Id = id;
        Method = method;
        PathTemplate = pathTemplate;
    }

    public string Id { get; }

    public HttpMethod Method { get; }

    public string PathTemplate { get; }

    public static CcsOperation ListProducts { get; } = new("listProducts", HttpMethod.Get, "/products/");
    public static CcsOperation ListRoles { get; } = new("listRoles", HttpMethod.Get, "/roles/");
    public static CcsOperation ListTenants { get; } = new("listTenants", HttpMethod.Get, "/tenants");
    public static CcsOperation GetTenant { get; } = new("getTenant", HttpMethod.Get, "/tenants/{tenantUuid}");
    public static CcsOperation UpdateTenantProducts { get; } = new("updateTenantProducts", HttpMethod.Post, "/tenants/{tenantUuid}");
    public static CcsOperation UpdateTenantLimits { get; } = new("updateTenantLimits", HttpMethod.Put, "/tenants/{tenantUuid}");
    public static CcsOperation ListTenantRoles { get; } = new("listTenantRoles", HttpMethod.Get, "/tenants/{tenantUuid}/roles");
    public static CcsOperation ListTenantAcds { get; } = new("listTenantACDs", HttpMethod.Get, "/tenants/{tenantUuid}/acds");
    public static CcsOperation ListPresenceOptions { get; } = new("listPresenceOptions", HttpMethod.Get, "/tenants/{tenantUuid}/presence-options");
    public static CcsOperation ListTenantExtensions { get; } = new("listTenantExtensions", HttpMethod.Get, "/tenants/{tenantUuid}/extensions");
    public static CcsOperation UpdateTenantExtension { get; } = new("updateTenantExtension", HttpMethod.Put, "/tenants/{tenantUuid}/extensions/{extensionUuid}");
    public static CcsOperation GetTextMessageCount { get; } = new("getTextMessageCount", HttpMethod.Get, "/tenants/{tenantUuid}/text-count");
    public static CcsOperation ResetTextMessageCount { get; } = new("resetTextMessageCount", HttpMethod.Post, "/tenants/{tenantUuid}/text-count");
    public static CcsOperation ListCalls { get; } = new("listCalls", HttpMethod.Get, "/calls");
    public static CcsOperation GetCall { get; } = new("getCall", HttpMethod.Get, "/calls/{callId}");
    public static CcsOperation ControlCall { get; } = new("controlCall", HttpMethod.Post, "/calls/{callId}");
    public static CcsOperation SearchCalls { get; } = new("searchCalls", HttpMethod.Get, "/calls/filter");
    public static CcsOperation UpdateAgentState { get; } = new("updateAgentState", HttpMethod.Post, "/agent-state");
    public static CcsOperation GetAgentState { get; } = new("getAgentState", HttpMethod.Get, "/extensions/{extensionUuid}/agent-state");

    private static readonly System.Collections.Generic.Dictionary<string, CcsOperation> ById = new(System.StringComparer.Ordinal)
    {
        [ListProducts.Id] = ListProducts, [ListRoles.Id] = ListRoles, [ListTenants.Id] = ListTenants, [GetTenant.Id] = GetTenant,
        [UpdateTenantProducts.Id] = UpdateTenantProducts, [UpdateTenantLimits.Id] = UpdateTenantLimits, [ListTenantRoles.Id] = ListTenantRoles,
        [ListTenantAcds.Id] = ListTenantAcds, [ListPresenceOptions.Id] = ListPresenceOptions, [ListTenantExtensions.Id] = ListTenantExtensions,
        [UpdateTenantExtension.Id] = UpdateTenantExtension, [GetTextMessageCount.Id] = GetTextMessageCount, [ResetTextMessageCount.Id] = ResetTextMessageCount,
        [ListCalls.Id] = ListCalls, [GetCall.Id] = GetCall, [ControlCall.Id] = ControlCall, [SearchCalls.Id] = SearchCalls,
        [UpdateAgentState.Id] = UpdateAgentState, [GetAgentState.Id] = GetAgentState,
    };

    /// <summary>The operation with this id, or null (requests of the generated client have none).</summary>
    public static CcsOperation? Find(string? id) => id is not null && ById.TryGetValue(id, out var operation) ? operation : null;

    public override string ToString() => $"{Id} ({Method} {PathTemplate})";
}

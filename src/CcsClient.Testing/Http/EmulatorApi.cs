using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ccs.Testing;

/// <summary>
/// The 19 operations of the contract, at its exact paths, over the emulator's state. Handlers
/// validate like the real server (400 for malformed input, 404 for unknown ids) and answer 200 with
/// a schema-valid body, or an empty 200 where the contract defines no body.
/// </summary>
internal sealed class EmulatorApi
{
    private readonly EmulatorState _state;

    public EmulatorApi(EmulatorState state)
    {
        _state = state;
        Operations =
        [
            new("listProducts", "GET", "/products/", ctx => WriteAsync(ctx, Wire.Products(_state.Products), Json.ListProductBody)),
            new("listRoles", "GET", "/roles/", ctx => WriteAsync(ctx, Wire.Roles(_state.Roles), Json.ListRoleBody)),
            new("listTenants", "GET", "/tenants", ctx => WriteAsync(ctx, _state.Tenants.Select(Wire.Tenant).ToList(), Json.ListTenantBody)),
            new("getTenant", "GET", "/tenants/{tenantUuid}", ctx => WriteAsync(ctx, Wire.Tenant(_state.RequireTenant(Uuid(ctx, "tenantUuid"))), Json.TenantBody)),
            new("updateTenantProducts", "POST", "/tenants/{tenantUuid}", UpdateTenantProductsAsync),
            new("updateTenantLimits", "PUT", "/tenants/{tenantUuid}", UpdateTenantLimitsAsync),
            new("listTenantRoles", "GET", "/tenants/{tenantUuid}/roles", ctx => WriteAsync(ctx, Wire.Roles(_state.RolesOf(Uuid(ctx, "tenantUuid"))), Json.ListRoleBody)),
            new("listTenantACDs", "GET", "/tenants/{tenantUuid}/acds", ctx => WriteAsync(ctx, Wire.Acds(_state.AcdsOf(Uuid(ctx, "tenantUuid"))), Json.ListAcdBody)),
            new("listPresenceOptions", "GET", "/tenants/{tenantUuid}/presence-options", ctx => WriteAsync(ctx, Wire.PresenceOptions(_state.PresenceOptionsOf(Uuid(ctx, "tenantUuid"))), Json.ListPresenceOptionBody)),
            new("listTenantExtensions", "GET", "/tenants/{tenantUuid}/extensions", ctx => WriteAsync(ctx, Wire.Extensions(_state.ExtensionsOf(Uuid(ctx, "tenantUuid"))), Json.ListExtensionBody)),
            new("updateTenantExtension", "PUT", "/tenants/{tenantUuid}/extensions/{extensionUuid}", UpdateTenantExtensionAsync),
            new("getTextMessageCount", "GET", "/tenants/{tenantUuid}/text-count", ctx => WriteAsync(ctx, Wire.TextCount(_state.TextCountOf(Uuid(ctx, "tenantUuid"))), Json.TextCountBody)),
            new("resetTextMessageCount", "POST", "/tenants/{tenantUuid}/text-count", ctx => Ok(() => _state.ResetTextCount(Uuid(ctx, "tenantUuid")))),
            new("listCalls", "GET", "/calls", ctx => WriteAsync(ctx, _state.Calls.Select(Wire.Call).ToList(), Json.ListCallBody)),
            new("getCall", "GET", "/calls/{callId}", ctx => WriteAsync(ctx, Wire.Call(_state.RequireCall(CallId(ctx))), Json.CallBody)),
            new("controlCall", "POST", "/calls/{callId}", ControlCallAsync),
            new("searchCalls", "GET", "/calls/filter", ctx => WriteAsync(ctx, CallSearch.Apply(_state.Calls, ctx.Request.Query).Select(Wire.Call).ToList(), Json.ListCallBody)),
            new("updateAgentState", "POST", "/agent-state", UpdateAgentStateAsync),
            new("getAgentState", "GET", "/extensions/{extensionUuid}/agent-state", ctx => WriteAsync(ctx, Wire.AgentState(_state.RequireAgentState(Uuid(ctx, "extensionUuid"))), Json.AgentStateBody)),
        ];
    }

    public IReadOnlyList<EmulatorOperation> Operations { get; }

    private static EmulatorJsonContext Json => EmulatorJsonContext.Relaxed;

    /// <summary>Maps every operation below <paramref name="api"/> (the base path group).</summary>
    public void Map(IEndpointRouteBuilder api)
    {
        foreach (var operation in Operations)
        {
            api.MapMethods(operation.Path, [operation.Method], context => HandleAsync(operation, context))
                .WithName(operation.Id)
                .WithMetadata(operation);
        }
    }

    private static async Task HandleAsync(EmulatorOperation operation, HttpContext context)
    {
        try
        {
            await operation.Handler(context).ConfigureAwait(false);
        }
        catch (ApiError error)
        {
            await ErrorResponse.WriteAsync(context, error.StatusCode, error.Code, error.Message).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync<T>(HttpContext context, T body, JsonTypeInfo<T> type)
        => context.Response.WriteAsJsonAsync(body, type, contentType: null, context.RequestAborted);

    // Operations whose contract defines no response body answer an empty 200.
    private static Task Ok(Action apply)
    {
        apply();
        return Task.CompletedTask;
    }

    private static Guid Uuid(HttpContext context, string name)
    {
        var text = context.Request.RouteValues[name] as string;
        return Guid.TryParseExact(text, "D", out var id)
            ? id
            : throw ApiError.BadRequest($"'{text}' is not a valid {name}: a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301 is expected.");
    }

    private static string CallId(HttpContext context) => (string)context.Request.RouteValues["callId"]!;

    private async Task UpdateTenantProductsAsync(HttpContext context)
    {
        var tenantId = _state.RequireTenant(Uuid(context, "tenantUuid")).Id;
        var body = await RequestJson.ReadObjectAsync(context.Request).ConfigureAwait(false);
        _state.UpdateProducts(tenantId, RequestJson.StringArray(body, "add"), RequestJson.StringArray(body, "remove"));
    }

    private async Task UpdateTenantLimitsAsync(HttpContext context)
    {
        var tenantId = _state.RequireTenant(Uuid(context, "tenantUuid")).Id;
        var body = await RequestJson.ReadObjectAsync(context.Request).ConfigureAwait(false);
        _state.UpdateLimits(
            tenantId,
            RequestJson.OptionalInt(body, "max_agents"),
            RequestJson.OptionalInt(body, "max_calls"),
            RequestJson.OptionalInt(body, "sms_limit"));
    }

    private async Task UpdateTenantExtensionAsync(HttpContext context)
    {
        var tenantId = _state.RequireTenant(Uuid(context, "tenantUuid")).Id;
        var extensionId = Uuid(context, "extensionUuid");
        var body = await RequestJson.ReadObjectAsync(context.Request).ConfigureAwait(false);
        _state.UpdateExtension(tenantId, extensionId, RequestJson.OptionalString(body, "name"), RequestJson.OptionalString(body, "role"));
    }

    private async Task ControlCallAsync(HttpContext context)
    {
        var callId = _state.RequireCall(CallId(context)).Id;
        var body = await RequestJson.ReadObjectAsync(context.Request).ConfigureAwait(false);
        _state.ControlCall(callId, RequestJson.RequiredString(body, "action"));
    }

    private async Task UpdateAgentStateAsync(HttpContext context)
    {
        var body = await RequestJson.ReadObjectAsync(context.Request).ConfigureAwait(false);
        _state.SetAgentState(_state.CurrentAgentExtensionId, RequestJson.RequiredString(body, "state"), RequestJson.OptionalString(body, "reason"));
    }
}

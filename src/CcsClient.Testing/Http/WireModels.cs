using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Testing;

// The response bodies of the API, named as the contract's schemas are. Property names become
// snake_case through EmulatorJsonContext. Properties beyond the schemas (a tenant's sms_limit and
// products, an extension's role, an agent state's reason) show what updates changed; the schemas
// allow additional properties and the SDK keeps them in AdditionalProperties.
internal sealed record ProductBody(string Id, string Name, string Description);

internal sealed record RoleBody(string Id, string Name, string Description);

internal sealed record TenantBody(Guid Uuid, string Name, string Status, int MaxAgents, int MaxCalls, int SmsLimit, IReadOnlyList<string> Products);

internal sealed record AcdBody(string Id, string Name, string TenantUuid, int MaxQueueLength, int CurrentQueueLength, int AgentsAvailable);

internal sealed record PresenceOptionBody(string Id, string Name, bool AvailableForCalls);

internal sealed record ExtensionBody(Guid Uuid, string Number, string Name, string TenantUuid, string Role);

internal sealed record TextCountBody(int SmsCount, int MmsCount, DateTimeOffset PeriodStart);

internal sealed record CallBody(string Id, string CallingNumber, string CalledNumber, string State, string TenantUuid, DateTimeOffset StartedAt, int Duration);

internal sealed record AgentStateBody(string ExtensionUuid, string State, bool AvailableForCalls, DateTimeOffset UpdatedAt, string? Reason);

internal sealed record ErrorBody(string Error, string Message);

// The data of events: the REST body plus previous_state, written even when null (a new call).
internal sealed record CallEventBody(
    string Id,
    string CallingNumber,
    string CalledNumber,
    string State,
    string TenantUuid,
    DateTimeOffset StartedAt,
    int Duration,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PreviousState);

internal sealed record AgentStateEventBody(
    string ExtensionUuid,
    string State,
    bool AvailableForCalls,
    DateTimeOffset UpdatedAt,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PreviousState);

/// <summary>Turns the state's records into response bodies.</summary>
internal static class Wire
{
    public static List<ProductBody> Products(IEnumerable<EmulatedProduct> products)
        => products.Select(p => new ProductBody(p.Id, p.Name, p.Description)).ToList();

    public static List<RoleBody> Roles(IEnumerable<EmulatedRole> roles)
        => roles.Select(r => new RoleBody(r.Id, r.Name.ToString(), r.Description)).ToList();

    public static TenantBody Tenant(EmulatedTenant t)
        => new(t.Id, t.Name, t.Status.ToString(), t.MaxAgents, t.MaxCalls, t.SmsLimit, t.ProductIds);

    public static List<AcdBody> Acds(IEnumerable<EmulatedAcd> acds) => acds.Select(Acd).ToList();

    public static AcdBody Acd(EmulatedAcd a)
        => new(a.Id, a.Name, a.TenantId.ToString(), a.MaxQueueLength, a.CurrentQueueLength, a.AgentsAvailable);

    public static List<PresenceOptionBody> PresenceOptions(IEnumerable<EmulatedPresenceOption> options)
        => options.Select(o => new PresenceOptionBody(o.Id, o.Name, o.AvailableForCalls)).ToList();

    public static List<ExtensionBody> Extensions(IEnumerable<EmulatedExtension> extensions)
        => extensions.Select(e => new ExtensionBody(e.Id, e.Number, e.Name, e.TenantId.ToString(), e.Role)).ToList();

    public static TextCountBody TextCount(EmulatedTextCount c) => new(c.SmsCount, c.MmsCount, c.PeriodStart);

    public static CallBody Call(EmulatedCall c)
        => new(c.Id, c.CallingNumber, c.CalledNumber, c.State.ToString(), c.TenantId.ToString(), c.StartedAt, c.Duration);

    public static AgentStateBody AgentState(EmulatedAgentState s)
        => new(s.ExtensionId.ToString(), s.State, s.AvailableForCalls, s.UpdatedAt, s.Reason);

    public static CallEventBody CallEvent(EmulatedCall c, EmulatedCall? before)
        => new(c.Id, c.CallingNumber, c.CalledNumber, c.State.ToString(), c.TenantId.ToString(), c.StartedAt, c.Duration, before?.State.ToString());

    public static AgentStateEventBody AgentStateEvent(EmulatedAgentState s, EmulatedAgentState before)
        => new(s.ExtensionId.ToString(), s.State, s.AvailableForCalls, s.UpdatedAt, s.Reason, before.State);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ProductBody>))]
[JsonSerializable(typeof(List<RoleBody>))]
[JsonSerializable(typeof(TenantBody))]
[JsonSerializable(typeof(List<TenantBody>))]
[JsonSerializable(typeof(List<AcdBody>))]
[JsonSerializable(typeof(List<PresenceOptionBody>))]
[JsonSerializable(typeof(List<ExtensionBody>))]
[JsonSerializable(typeof(TextCountBody))]
[JsonSerializable(typeof(CallBody))]
[JsonSerializable(typeof(List<CallBody>))]
[JsonSerializable(typeof(AgentStateBody))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(AcdBody))]
[JsonSerializable(typeof(CallEventBody))]
[JsonSerializable(typeof(AgentStateEventBody))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext
{
    /// <summary>The context responses use: like <see cref="Default"/>, but "+" in phone numbers stays "+" rather than "\u002B".</summary>
    public static EmulatorJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

using System;

namespace Ccs.Testing;

/// <summary>A presence option agents of a tenant can choose (<c>PresenceOption</c> in the CCS API).</summary>
public sealed record EmulatedPresenceOption
{
    /// <summary>The option id, for example <c>on-break</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the tenant that offers the option.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>The display name, for example <c>On Break</c>; what <c>updateAgentState</c> accepts as <c>state</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Whether an agent in this state receives calls.</summary>
    public required bool AvailableForCalls { get; init; }
}

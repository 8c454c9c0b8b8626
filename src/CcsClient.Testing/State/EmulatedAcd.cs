using System;

namespace Ccs.Testing;

/// <summary>An Automatic Call Distributor (queue) of a tenant (<c>ACD</c> in the CCS API) with its live counters.</summary>
public sealed record EmulatedAcd
{
    /// <summary>The ACD id.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the tenant the ACD belongs to.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>The queue name.</summary>
    public required string Name { get; init; }

    /// <summary>The phone number routed to this queue: the <c>called_number</c> of its calls.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>The maximum number of calls in the queue.</summary>
    public required int MaxQueueLength { get; init; }

    /// <summary>The number of calls of the queue in state <c>queued</c> right now.</summary>
    public int CurrentQueueLength { get; init; }

    /// <summary>The number of the queue's agents whose presence is available for calls right now.</summary>
    public int AgentsAvailable { get; init; }
}

using System;

namespace Ccs.Events;

/// <summary>
/// A real-time event from the CCS event stream. Match on the concrete type
/// (<see cref="AgentStateChanged"/>, <see cref="CallStateChanged"/>, <see cref="QueueUpdated"/>) and
/// treat <see cref="UnknownEvent"/> as "a type this SDK version does not know yet".
/// </summary>
/// <remarks>
/// Every event carries the entity's full current state, so an event that was missed is healed by the
/// next event about the same entity.
/// </remarks>
public abstract class CcsEvent
{
    /// <summary>Creates the common part of an event.</summary>
    /// <param name="id">The event id, unique across sessions (the key of de-duplication).</param>
    /// <param name="sequence">The position of the event within its session; increases strictly.</param>
    /// <param name="timestamp">When the server produced the event.</param>
    /// <param name="tenantId">The tenant the event belongs to, when the server says.</param>
    private protected CcsEvent(Guid id, long sequence, DateTimeOffset timestamp, string? tenantId)
    {
        Id = id;
        Sequence = sequence;
        Timestamp = timestamp;
        TenantId = tenantId;
    }

    /// <summary>The wire type of the event, for example <c>call.state_changed</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The event id (<c>id</c>), unique across sessions; the SDK de-duplicates by it.</summary>
    public Guid Id { get; }

    /// <summary>The sequence number within the server session (<c>seq</c>); increases strictly, not necessarily by one.</summary>
    public long Sequence { get; }

    /// <summary>When the server produced the event (<c>ts</c>).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The tenant the event belongs to (<c>tenant_uuid</c>), or <see langword="null"/> when the server did not say.</summary>
    public string? TenantId { get; }
}

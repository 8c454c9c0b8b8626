using System;
using System.Text.Json;
using Ccs.Events;

namespace Ccs.Testing;

/// <summary>
/// One event as the event server fans it out: everything but the per-session <c>seq</c>. The id is
/// the event's, the same in every session (clients de-duplicate by it across sessions).
/// </summary>
/// <param name="Type">The event type, for example <c>call.state_changed</c>.</param>
/// <param name="Family">The family subscriptions filter on (<c>agent</c>, <c>call</c>, <c>queue</c>).</param>
/// <param name="Id">The event id.</param>
/// <param name="Timestamp">When the emulator produced the event (its clock).</param>
/// <param name="TenantId">The tenant of the entity, for tenant filters and <c>tenant_uuid</c>.</param>
/// <param name="Data">The entity's full current state in the REST wire shape, as UTF-8 JSON.</param>
internal sealed record EventRecord(string Type, string Family, Guid Id, DateTimeOffset Timestamp, string TenantId, byte[] Data)
{
    /// <summary>Turns a state change into the event clients receive.</summary>
    public static EventRecord From(EmulatorChange change, DateTimeOffset now)
    {
        var json = EmulatorJsonContext.Relaxed;
        return change switch
        {
            CallStateChange call => new EventRecord(
                CallStateChanged.EventType,
                CcsEventFamilies.Call,
                Guid.NewGuid(),
                now,
                call.After.TenantId.ToString(),
                JsonSerializer.SerializeToUtf8Bytes(Wire.CallEvent(call.After, call.Before), json.CallEventBody)),
            AgentStateChange agent => new EventRecord(
                AgentStateChanged.EventType,
                CcsEventFamilies.Agent,
                Guid.NewGuid(),
                now,
                agent.TenantId.ToString(),
                JsonSerializer.SerializeToUtf8Bytes(Wire.AgentStateEvent(agent.After, agent.Before), json.AgentStateEventBody)),
            QueueCountersChanged queue => new EventRecord(
                QueueUpdated.EventType,
                CcsEventFamilies.Queue,
                Guid.NewGuid(),
                now,
                queue.After.TenantId.ToString(),
                JsonSerializer.SerializeToUtf8Bytes(Wire.Acd(queue.After), json.AcdBody)),
            _ => throw new ArgumentException($"No event is defined for the change {change.GetType().Name}.", nameof(change)),
        };
    }
}

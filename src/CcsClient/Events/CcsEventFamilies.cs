namespace Ccs.Events;

/// <summary>The event families a stream can subscribe to (<see cref="CcsEventStreamOptions.Families"/>).</summary>
public static class CcsEventFamilies
{
    /// <summary>Agent presence: <see cref="AgentStateChanged"/>. Needs the <c>agent_events</c> role.</summary>
    public const string Agent = "agent";

    /// <summary>Calls: <see cref="CallStateChanged"/>. Needs the <c>call_events</c> role.</summary>
    public const string Call = "call";

    /// <summary>Queues (ACDs): <see cref="QueueUpdated"/>. Needs the <c>inbound_queue_events</c> role.</summary>
    public const string Queue = "queue";
}

using System;
using Ccs.Models;

namespace Ccs.Events;

/// <summary>
/// A queue's counters changed (<c>queue.updated</c>, family <c>queue</c>). A gauge: only the latest
/// value matters, which makes <see cref="CcsEventBufferFullMode.DropOldest"/> a good fit for streams
/// that carry only this family.
/// </summary>
public sealed class QueueUpdated : CcsEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string EventType = "queue.updated";

    /// <summary>Creates the event, for example in tests of your own handlers.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="sequence">The sequence number within the session.</param>
    /// <param name="timestamp">When the server produced the event.</param>
    /// <param name="tenantId">The tenant of the queue.</param>
    /// <param name="queue">The queue's full current counters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="queue"/> is null.</exception>
    public QueueUpdated(Guid id, long sequence, DateTimeOffset timestamp, string? tenantId, Acd queue)
        : base(id, sequence, timestamp, tenantId)
    {
        Queue = Argument.NotNull(queue, nameof(queue));
    }

    /// <inheritdoc/>
    public override string Type => EventType;

    /// <summary>The queue (ACD) with its current counters, as <c>GET /tenants/{id}/acds</c> would return it.</summary>
    public Acd Queue { get; }
}

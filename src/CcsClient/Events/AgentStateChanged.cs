using System;
using Ccs.Models;

namespace Ccs.Events;

/// <summary>An agent's presence changed (<c>agent.state_changed</c>, family <c>agent</c>).</summary>
public sealed class AgentStateChanged : CcsEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string EventType = "agent.state_changed";

    /// <summary>Creates the event, for example in tests of your own handlers.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="sequence">The sequence number within the session.</param>
    /// <param name="timestamp">When the server produced the event.</param>
    /// <param name="tenantId">The tenant of the agent.</param>
    /// <param name="state">The agent's full current state.</param>
    /// <param name="previousState">The presence state before the change, when known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public AgentStateChanged(Guid id, long sequence, DateTimeOffset timestamp, string? tenantId, AgentState state, string? previousState)
        : base(id, sequence, timestamp, tenantId)
    {
        State = Argument.NotNull(state, nameof(state));
        PreviousState = previousState;
    }

    /// <inheritdoc/>
    public override string Type => EventType;

    /// <summary>The agent's full current state, as <c>GET /extensions/{id}/agent_state</c> would return it.</summary>
    public AgentState State { get; }

    /// <summary>The presence state before the change (<c>previous_state</c>), or <see langword="null"/> when unknown.</summary>
    public string? PreviousState { get; }
}

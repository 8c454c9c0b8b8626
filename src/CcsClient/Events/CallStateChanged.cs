using System;
using Ccs.Models;

namespace Ccs.Events;

/// <summary>A call was created or changed state (<c>call.state_changed</c>, family <c>call</c>).</summary>
public sealed class CallStateChanged : CcsEvent
{
    /// <summary>The wire type of this event.</summary>
    public const string EventType = "call.state_changed";

    /// <summary>Creates the event, for example in tests of your own handlers.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="sequence">The sequence number within the session.</param>
    /// <param name="timestamp">When the server produced the event.</param>
    /// <param name="tenantId">The tenant of the call.</param>
    /// <param name="call">The call's full current state.</param>
    /// <param name="previousState">The state before the change; <see langword="null"/> for a new call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="call"/> is null.</exception>
    public CallStateChanged(Guid id, long sequence, DateTimeOffset timestamp, string? tenantId, Call call, CallState? previousState)
        : base(id, sequence, timestamp, tenantId)
    {
        Call = Argument.NotNull(call, nameof(call));
        PreviousState = previousState;
    }

    /// <inheritdoc/>
    public override string Type => EventType;

    /// <summary>The call's full current state, as <c>GET /calls/{id}</c> would return it.</summary>
    public Call Call { get; }

    /// <summary>The call state before the change (<c>previous_state</c>); <see langword="null"/> for a new call.</summary>
    public CallState? PreviousState { get; }
}

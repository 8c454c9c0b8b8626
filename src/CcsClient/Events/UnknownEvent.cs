using System;

namespace Ccs.Events;

/// <summary>
/// An event of a type this version of the SDK does not know. It reaches you intact: the wire
/// <see cref="Type"/> and the whole message as <see cref="RawJson"/>.
/// </summary>
public sealed class UnknownEvent : CcsEvent
{
    /// <summary>Creates the event, for example in tests of your own handlers.</summary>
    /// <param name="id">The event id.</param>
    /// <param name="sequence">The sequence number within the session.</param>
    /// <param name="timestamp">When the server produced the event.</param>
    /// <param name="tenantId">The tenant of the event.</param>
    /// <param name="type">The wire type, for example <c>call.recording_started</c>.</param>
    /// <param name="rawJson">The whole message as received.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="rawJson"/> is null.</exception>
    public UnknownEvent(Guid id, long sequence, DateTimeOffset timestamp, string? tenantId, string type, string rawJson)
        : base(id, sequence, timestamp, tenantId)
    {
        Type = Argument.NotNull(type, nameof(type));
        RawJson = Argument.NotNull(rawJson, nameof(rawJson));
    }

    /// <inheritdoc/>
    public override string Type { get; }

    /// <summary>The whole message as received (UTF-8 JSON text), including <c>data</c>.</summary>
    public string RawJson { get; }
}

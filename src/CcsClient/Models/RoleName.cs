using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Ccs.Serialization;

namespace Ccs.Models;

/// <summary>
/// The name of a CCS role (a permission set). An extensible enumeration: roles the SDK does not know yet
/// (say a future <c>Supervisor</c>) are kept intact and round-trip unchanged.
/// </summary>
[JsonConverter(typeof(RoleNameJsonConverter))]
public readonly struct RoleName : IEquatable<RoleName>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the CCS API spells it, for example <c>Call Control</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public RoleName(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Access to the REST API. Wire value <c>API</c>.</summary>
    public static RoleName Api { get; } = new("API");

    /// <summary>Control of agent state. Wire value <c>Agent Control</c>.</summary>
    public static RoleName AgentControl { get; } = new("Agent Control");

    /// <summary>Control of calls (kill, suppression, transfers). Wire value <c>Call Control</c>.</summary>
    public static RoleName CallControl { get; } = new("Call Control");

    /// <summary>Real-time agent events. Wire value <c>Agent Events</c>.</summary>
    public static RoleName AgentEvents { get; } = new("Agent Events");

    /// <summary>Real-time call events. Wire value <c>Call Events</c>.</summary>
    public static RoleName CallEvents { get; } = new("Call Events");

    /// <summary>Real-time inbound queue (ACD) events. Wire value <c>Inbound Queue Events</c>.</summary>
    public static RoleName InboundQueueEvents { get; } = new("Inbound Queue Events");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same wire value.</returns>
    public static bool operator ==(RoleName left, RoleName right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the wire values differ.</returns>
    public static bool operator !=(RoleName left, RoleName right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="RoleName"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator RoleName(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(RoleName other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is RoleName other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => _value ?? string.Empty;
}

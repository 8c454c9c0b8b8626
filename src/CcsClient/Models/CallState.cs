using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Ccs.Serialization;

namespace Ccs.Models;

/// <summary>
/// The state of a call. An extensible enumeration: values the SDK does not know yet (say a future
/// <c>parked</c>) are kept intact and round-trip unchanged.
/// </summary>
[JsonConverter(typeof(CallStateJsonConverter))]
public readonly struct CallState : IEquatable<CallState>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the CCS API spells it, for example <c>connected</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CallState(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The call is ringing.</summary>
    public static CallState Alerting { get; } = new("alerting");

    /// <summary>The call is answered and in progress.</summary>
    public static CallState Connected { get; } = new("connected");

    /// <summary>The call is on hold.</summary>
    public static CallState Held { get; } = new("held");

    /// <summary>The call waits in a queue (ACD) for an agent.</summary>
    public static CallState Queued { get; } = new("queued");

    /// <summary>The call has ended.</summary>
    public static CallState Completed { get; } = new("completed");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same wire value.</returns>
    public static bool operator ==(CallState left, CallState right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the wire values differ.</returns>
    public static bool operator !=(CallState left, CallState right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="CallState"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CallState(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CallState other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CallState other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => _value ?? string.Empty;
}

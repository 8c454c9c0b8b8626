using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Ccs.Serialization;

namespace Ccs.Models;

/// <summary>
/// A call-control action for <c>POST /calls/{callId}</c>. An extensible enumeration: actions the SDK
/// does not know yet can be sent as <c>new CallAction("…")</c>.
/// </summary>
[JsonConverter(typeof(CallActionJsonConverter))]
public readonly struct CallAction : IEquatable<CallAction>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the CCS API spells it, for example <c>kill</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public CallAction(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Starts suppression (for example of call recording) on the call. Wire value <c>startSuppression</c>.</summary>
    public static CallAction StartSuppression { get; } = new("startSuppression");

    /// <summary>Stops suppression on the call. Wire value <c>stopSuppression</c>.</summary>
    public static CallAction StopSuppression { get; } = new("stopSuppression");

    /// <summary>Ends the call at once. Wire value <c>kill</c>.</summary>
    public static CallAction Kill { get; } = new("kill");

    /// <summary>Transfers the call when the current wait completes. Wire value <c>wait_transfer</c>.</summary>
    public static CallAction WaitTransfer { get; } = new("wait_transfer");

    /// <summary>Redirects the call when the current wait completes. Wire value <c>wait_redirect</c>.</summary>
    public static CallAction WaitRedirect { get; } = new("wait_redirect");

    /// <summary>Ends the call when the current wait completes. Wire value <c>wait_kill</c>.</summary>
    public static CallAction WaitKill { get; } = new("wait_kill");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same wire value.</returns>
    public static bool operator ==(CallAction left, CallAction right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the wire values differ.</returns>
    public static bool operator !=(CallAction left, CallAction right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="CallAction"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CallAction(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(CallAction other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is CallAction other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => _value ?? string.Empty;
}

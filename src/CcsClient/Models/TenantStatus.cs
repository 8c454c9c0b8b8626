using System;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Ccs.Serialization;

namespace Ccs.Models;

/// <summary>
/// The status of a tenant. An extensible enumeration: values the SDK does not know yet are kept intact
/// and round-trip unchanged.
/// </summary>
[JsonConverter(typeof(TenantStatusJsonConverter))]
public readonly struct TenantStatus : IEquatable<TenantStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value as the CCS API spells it, for example <c>suspended</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TenantStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The tenant is active. Wire value <c>active</c>.</summary>
    public static TenantStatus Active { get; } = new("active");

    /// <summary>The tenant is inactive. Wire value <c>inactive</c>.</summary>
    public static TenantStatus Inactive { get; } = new("inactive");

    /// <summary>The tenant is suspended. Wire value <c>suspended</c>.</summary>
    public static TenantStatus Suspended { get; } = new("suspended");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same wire value.</returns>
    public static bool operator ==(TenantStatus left, TenantStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the wire values differ.</returns>
    public static bool operator !=(TenantStatus left, TenantStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="TenantStatus"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator TenantStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(TenantStatus other) => ExtensibleEnum.Equals(_value, other._value);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => obj is TenantStatus other && Equals(other);

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => ExtensibleEnum.GetHashCode(_value);

    /// <summary>Returns the wire value, or an empty string for <c>default</c>.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => _value ?? string.Empty;
}

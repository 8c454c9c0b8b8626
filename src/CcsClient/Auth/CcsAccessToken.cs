using System;

namespace Ccs;

/// <summary>A bearer token and, when known, when it expires. <see cref="ToString"/> never shows the token.</summary>
public readonly struct CcsAccessToken : IEquatable<CcsAccessToken>
{
    /// <summary>Creates a token.</summary>
    /// <param name="token">The bearer token.</param>
    /// <param name="expiresOn">When it expires; null when it does not expire or the expiry is unknown.</param>
    /// <exception cref="ArgumentException"><paramref name="token"/> is null or blank.</exception>
    public CcsAccessToken(string token, DateTimeOffset? expiresOn = null)
    {
        Token = Argument.NotBlank(token, nameof(token));
        ExpiresOn = expiresOn;
    }

    /// <summary>The bearer token.</summary>
    public string Token { get; }

    /// <summary>When the token expires, if known.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when both hold the same token and expiry.</returns>
    public static bool operator ==(CcsAccessToken left, CcsAccessToken right) => left.Equals(right);

    /// <summary>Compares two tokens.</summary>
    /// <param name="left">The first token.</param>
    /// <param name="right">The second token.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CcsAccessToken left, CcsAccessToken right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CcsAccessToken other) => string.Equals(Token, other.Token, StringComparison.Ordinal) && ExpiresOn == other.ExpiresOn;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CcsAccessToken other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Token is null ? 0 : StringComparer.Ordinal.GetHashCode(Token);

    /// <summary>Describes the token without revealing it.</summary>
    /// <returns>The expiry only.</returns>
    public override string ToString() => $"CcsAccessToken {{ Token = ***, ExpiresOn = {ExpiresOn?.ToString("o") ?? "(none)"} }}";
}

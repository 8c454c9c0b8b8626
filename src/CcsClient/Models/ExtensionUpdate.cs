using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>
/// Changes to an extension (<c>ExtensionUpdate</c> in the CCS API). Fields left
/// <see langword="null"/> are not sent and stay as they are.
/// </summary>
public sealed class ExtensionUpdate
{
    /// <summary>The new display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The new role assignment.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }
}

using Ccs.Models;

namespace Ccs.Testing;

/// <summary>A role of the system (<c>Role</c> in the CCS API).</summary>
public sealed record EmulatedRole
{
    /// <summary>The role id, for example <c>role-call-control</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The role name, one of the names the contract lists.</summary>
    public required RoleName Name { get; init; }

    /// <summary>What the role allows.</summary>
    public required string Description { get; init; }
}

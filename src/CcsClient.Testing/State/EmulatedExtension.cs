using System;
using System.Collections.Generic;

namespace Ccs.Testing;

/// <summary>An extension (an agent's line) of a tenant (<c>Extension</c> in the CCS API).</summary>
public sealed record EmulatedExtension
{
    /// <summary>The extension id (<c>uuid</c>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The id of the tenant the extension belongs to.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>The extension number, for example <c>1001</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The name of the role assigned to the extension (changed by <c>updateTenantExtension</c>; served as an extra <c>role</c> property).</summary>
    public required string Role { get; init; }

    /// <summary>The ids of the ACDs (queues) the extension's agent serves.</summary>
    public required IReadOnlyList<string> AcdIds { get; init; }
}

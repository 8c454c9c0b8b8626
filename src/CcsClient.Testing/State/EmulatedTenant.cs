using System;
using System.Collections.Generic;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>A tenant as the emulator holds it (<c>Tenant</c> in the CCS API, plus what the API lets you set on it).</summary>
public sealed record EmulatedTenant
{
    /// <summary>The tenant id (<c>uuid</c>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The tenant name.</summary>
    public required string Name { get; init; }

    /// <summary>The tenant status.</summary>
    public required TenantStatus Status { get; init; }

    /// <summary>The maximum number of concurrent agents (<c>max_agents</c>).</summary>
    public required int MaxAgents { get; init; }

    /// <summary>The maximum number of concurrent calls (<c>max_calls</c>).</summary>
    public required int MaxCalls { get; init; }

    /// <summary>The SMS message limit (<c>sms_limit</c> of <c>updateTenantLimits</c>; served as an extra <c>sms_limit</c> property).</summary>
    public required int SmsLimit { get; init; }

    /// <summary>The ids of the products assigned to the tenant (changed by <c>updateTenantProducts</c>; served as an extra <c>products</c> property).</summary>
    public required IReadOnlyList<string> ProductIds { get; init; }

    /// <summary>The ids of the roles configured for the tenant (<c>listTenantRoles</c>).</summary>
    public required IReadOnlyList<string> RoleIds { get; init; }
}

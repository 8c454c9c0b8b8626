using System;
using System.Collections.Generic;

namespace Ccs.Testing;

/// <summary>The initial content of an emulator, produced by <see cref="EmulatorSeeder"/>.</summary>
internal sealed record SeedData(
    IReadOnlyList<EmulatedProduct> Products,
    IReadOnlyList<EmulatedRole> Roles,
    IReadOnlyList<EmulatedTenant> Tenants,
    IReadOnlyList<EmulatedAcd> Acds,
    IReadOnlyList<EmulatedPresenceOption> PresenceOptions,
    IReadOnlyList<EmulatedExtension> Extensions,
    IReadOnlyList<EmulatedAgentState> AgentStates,
    IReadOnlyList<EmulatedTextCount> TextCounts,
    IReadOnlyList<EmulatedCall> Calls,
    Guid CurrentAgentExtensionId);

using System;

namespace Ccs.Testing;

/// <summary>The presence state of the agent on an extension (<c>AgentState</c> in the CCS API).</summary>
public sealed record EmulatedAgentState
{
    /// <summary>The extension id.</summary>
    public required Guid ExtensionId { get; init; }

    /// <summary>The presence state: the name of one of the tenant's presence options.</summary>
    public required string State { get; init; }

    /// <summary>Whether the agent receives calls in this state.</summary>
    public required bool AvailableForCalls { get; init; }

    /// <summary>The reason given with the last change, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>When the state last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}

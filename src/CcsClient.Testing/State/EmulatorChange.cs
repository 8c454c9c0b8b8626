using System;

namespace Ccs.Testing;

/// <summary>
/// A change of the emulator's state, published in order through <see cref="ChangeFeed"/>. The
/// WebSocket event server (<see cref="EventServer"/>) subscribes to the feed and turns changes into CCS events.
/// </summary>
internal abstract record EmulatorChange;

/// <summary>A call changed state (for example <c>queued</c> to <c>connected</c>), or appeared (<see cref="Before"/> null).</summary>
internal sealed record CallStateChange(EmulatedCall? Before, EmulatedCall After) : EmulatorChange;

/// <summary>An agent's presence state changed.</summary>
internal sealed record AgentStateChange(EmulatedAgentState Before, EmulatedAgentState After, Guid TenantId) : EmulatorChange;

/// <summary>A queue's counters (calls waiting, agents available) changed.</summary>
internal sealed record QueueCountersChanged(EmulatedAcd Before, EmulatedAcd After) : EmulatorChange;

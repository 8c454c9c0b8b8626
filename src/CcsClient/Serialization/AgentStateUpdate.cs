using System.Text.Json.Serialization;

namespace Ccs.Serialization;

/// <summary>The body of <c>updateAgentState</c>; the facade takes state and reason as parameters.</summary>
internal sealed class AgentStateUpdate
{
    [JsonPropertyName("state")]
    public string State { get; init; } = string.Empty;

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}

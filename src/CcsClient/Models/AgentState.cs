using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>The current presence state of an agent extension (<c>AgentState</c> in the CCS API).</summary>
public sealed class AgentState
{
    /// <summary>The extension id (<c>extension_uuid</c>; the API types it as a plain string).</summary>
    [JsonPropertyName("extension_uuid")]
    public string? ExtensionId { get; set; }

    /// <summary>The current presence state, for example <c>Available</c>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Whether the agent receives calls.</summary>
    [JsonPropertyName("available_for_calls")]
    public bool? AvailableForCalls { get; set; }

    /// <summary>When the state last changed.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

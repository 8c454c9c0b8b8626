using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>A presence (status) option agents of a tenant can choose (<c>PresenceOption</c> in the CCS API).</summary>
public sealed class PresenceOption
{
    /// <summary>The presence option identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The display name, for example <c>Available</c>, <c>Busy</c> or <c>On Break</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Whether an agent in this state receives calls.</summary>
    [JsonPropertyName("available_for_calls")]
    public bool? AvailableForCalls { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

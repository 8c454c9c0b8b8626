using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>A call in the contact center (<c>Call</c> in the CCS API).</summary>
public sealed class Call
{
    /// <summary>The call identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The calling party number.</summary>
    [JsonPropertyName("calling_number")]
    public string? CallingNumber { get; set; }

    /// <summary>The called party number.</summary>
    [JsonPropertyName("called_number")]
    public string? CalledNumber { get; set; }

    /// <summary>The current call state; unknown states are kept as they are.</summary>
    [JsonPropertyName("state")]
    public CallState? State { get; set; }

    /// <summary>The id of the tenant the call belongs to (<c>tenant_uuid</c>; the API types it as a plain string).</summary>
    [JsonPropertyName("tenant_uuid")]
    public string? TenantId { get; set; }

    /// <summary>When the call started.</summary>
    [JsonPropertyName("started_at")]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The call duration in seconds.</summary>
    [JsonPropertyName("duration")]
    public int? Duration { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

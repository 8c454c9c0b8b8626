using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>An Automatic Call Distributor, that is a call queue (<c>ACD</c> in the CCS API).</summary>
public sealed class Acd
{
    /// <summary>The ACD identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The queue name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The id of the tenant that owns the queue (<c>tenant_uuid</c>; the API types it as a plain string).</summary>
    [JsonPropertyName("tenant_uuid")]
    public string? TenantId { get; set; }

    /// <summary>The maximum number of calls the queue holds.</summary>
    [JsonPropertyName("max_queue_length")]
    public int? MaxQueueLength { get; set; }

    /// <summary>The number of calls waiting now.</summary>
    [JsonPropertyName("current_queue_length")]
    public int? CurrentQueueLength { get; set; }

    /// <summary>The number of agents available now.</summary>
    [JsonPropertyName("agents_available")]
    public int? AgentsAvailable { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>A contact center tenant and its configuration (<c>Tenant</c> in the CCS API).</summary>
public sealed class Tenant
{
    /// <summary>The tenant id (<c>uuid</c> on the wire).</summary>
    [JsonPropertyName("uuid")]
    public Guid? Id { get; set; }

    /// <summary>The tenant name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The tenant status; unknown values are kept as they are.</summary>
    [JsonPropertyName("status")]
    public TenantStatus? Status { get; set; }

    /// <summary>The maximum number of concurrent agents.</summary>
    [JsonPropertyName("max_agents")]
    public int? MaxAgents { get; set; }

    /// <summary>The maximum number of concurrent calls.</summary>
    [JsonPropertyName("max_calls")]
    public int? MaxCalls { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>A contact center extension (<c>Extension</c> in the CCS API).</summary>
public sealed class Extension
{
    /// <summary>The extension id (<c>uuid</c> on the wire).</summary>
    [JsonPropertyName("uuid")]
    public Guid? Id { get; set; }

    /// <summary>The extension number.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The id of the tenant that owns the extension (<c>tenant_uuid</c>; the API types it as a plain string).</summary>
    [JsonPropertyName("tenant_uuid")]
    public string? TenantId { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

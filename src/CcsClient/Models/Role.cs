using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>A role with its permissions (<c>Role</c> in the CCS API).</summary>
public sealed class Role
{
    /// <summary>The role identifier.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The role name; unknown names are kept as they are.</summary>
    [JsonPropertyName("name")]
    public RoleName? Name { get; set; }

    /// <summary>The role description.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

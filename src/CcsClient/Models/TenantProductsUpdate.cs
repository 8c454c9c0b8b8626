using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>Products to assign to or remove from a tenant (<c>TenantProductUpdate</c> in the CCS API).</summary>
public sealed class TenantProductsUpdate
{
    /// <summary>The ids of the products to add.</summary>
    [JsonPropertyName("add")]
    public IReadOnlyList<string>? Add { get; init; }

    /// <summary>The ids of the products to remove.</summary>
    [JsonPropertyName("remove")]
    public IReadOnlyList<string>? Remove { get; init; }
}

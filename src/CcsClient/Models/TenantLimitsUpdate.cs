using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>
/// New usage limits and license counts for a tenant (<c>TenantLimitsUpdate</c> in the CCS API).
/// Limits left <see langword="null"/> are not sent and stay as they are.
/// </summary>
public sealed class TenantLimitsUpdate
{
    /// <summary>The new maximum number of concurrent agents; must not be negative.</summary>
    [JsonPropertyName("max_agents")]
    public int? MaxAgents { get; init; }

    /// <summary>The new maximum number of concurrent calls; must not be negative.</summary>
    [JsonPropertyName("max_calls")]
    public int? MaxCalls { get; init; }

    /// <summary>The new SMS message limit; must not be negative.</summary>
    [JsonPropertyName("sms_limit")]
    public int? SmsLimit { get; init; }
}

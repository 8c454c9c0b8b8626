using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Models;

/// <summary>The SMS/MMS message count of a tenant (<c>TextCount</c> in the CCS API).</summary>
public sealed class TextCount
{
    /// <summary>The number of SMS messages sent in the period.</summary>
    [JsonPropertyName("sms_count")]
    public int? SmsCount { get; set; }

    /// <summary>The number of MMS messages sent in the period.</summary>
    [JsonPropertyName("mms_count")]
    public int? MmsCount { get; set; }

    /// <summary>The start of the counting period.</summary>
    [JsonPropertyName("period_start")]
    public DateTimeOffset? PeriodStart { get; set; }

    /// <summary>
    /// Properties the response carried that this version of the SDK does not know, kept so that
    /// nothing the server sends is silently dropped. <see langword="null"/> when there were none.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

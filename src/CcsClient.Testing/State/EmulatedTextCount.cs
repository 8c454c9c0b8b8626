using System;

namespace Ccs.Testing;

/// <summary>The SMS/MMS counters of a tenant (<c>TextCount</c> in the CCS API).</summary>
public sealed record EmulatedTextCount
{
    /// <summary>The id of the tenant.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>SMS messages sent in the period.</summary>
    public required int SmsCount { get; init; }

    /// <summary>MMS messages sent in the period.</summary>
    public required int MmsCount { get; init; }

    /// <summary>When the counting period started; <c>resetTextMessageCount</c> starts a new one.</summary>
    public required DateTimeOffset PeriodStart { get; init; }
}

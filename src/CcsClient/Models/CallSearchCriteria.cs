using System;

namespace Ccs.Models;

/// <summary>
/// Criteria for <see cref="CallOperations.SearchAsync"/> (<c>GET /calls/filter</c>). Every criterion is
/// optional; those left <see langword="null"/> are not sent.
/// </summary>
public sealed class CallSearchCriteria
{
    /// <summary>Only calls from this calling party number (<c>calling_number</c>).</summary>
    public string? CallingNumber { get; init; }

    /// <summary>Only calls to this called party number (<c>called_number</c>).</summary>
    public string? CalledNumber { get; init; }

    /// <summary>Only calls at or after this instant (<c>from_datetime</c>); must not be after <see cref="To"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only calls at or before this instant (<c>to_datetime</c>).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The IANA time zone the server applies to the date range (<c>time_z</c>), for example <c>America/New_York</c>.</summary>
    public string? TimeZone { get; init; }
}

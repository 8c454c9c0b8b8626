using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>
/// <c>searchCalls</c>: filters calls by exact calling and called number and by start time within
/// [<c>from_datetime</c>, <c>to_datetime</c>]. Date-times without an offset are read in the <c>time_z</c>
/// zone (an IANA id such as <c>America/New_York</c>), else as UTC.
/// </summary>
internal static class CallSearch
{
    public static IEnumerable<EmulatedCall> Apply(IEnumerable<EmulatedCall> calls, IQueryCollection query)
    {
        var zone = Zone(query["time_z"].ToString());
        var from = Instant(query, "from_datetime", zone);
        var to = Instant(query, "to_datetime", zone);
        if (from > to)
        {
            throw ApiError.BadRequest($"from_datetime ({from:o}) is after to_datetime ({to:o}).");
        }

        var calling = Text(query, "calling_number");
        var called = Text(query, "called_number");
        return calls.Where(call =>
            (calling is null || call.CallingNumber == calling)
            && (called is null || call.CalledNumber == called)
            && (from is null || call.StartedAt >= from)
            && (to is null || call.StartedAt <= to));
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    private static TimeZoneInfo Zone(string id)
    {
        if (id.Length == 0)
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw ApiError.BadRequest($"time_z '{id}' is not a known time zone; use an IANA id such as America/New_York.");
        }
        catch (InvalidTimeZoneException)
        {
            throw ApiError.BadRequest($"time_z '{id}' is not a usable time zone.");
        }
    }

    private static DateTimeOffset? Instant(IQueryCollection query, string name, TimeZoneInfo zone)
    {
        var text = Text(query, name);
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local))
        {
            throw ApiError.BadRequest($"{name} '{text}' is not an ISO 8601 date-time.");
        }

        return local.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(local, zone.GetUtcOffset(local))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}

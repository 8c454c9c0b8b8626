using System;
using System.Net.Http;

namespace Ccs.Http;

/// <summary>Reads <c>Retry-After</c> in both of its forms: delta-seconds, and an HTTP-date taken as UTC.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date.ToUniversalTime() - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

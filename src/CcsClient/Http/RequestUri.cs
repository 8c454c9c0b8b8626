using System;
using Microsoft.Kiota.Abstractions;

namespace Ccs.Http;

/// <summary>Turns a Kiota <see cref="RequestInformation"/> into the URI that goes on the wire.</summary>
internal static class RequestUri
{
    /// <summary>
    /// Kiota's URI template expansion percent-encodes <c>/ ? # %</c> in path parameters, but a
    /// parameter that is exactly <c>.</c> or <c>..</c> stays a dot segment, which <see cref="Uri"/>
    /// then resolves away (<c>/calls/..</c> would become the API root). Such segments are sent encoded
    /// and with canonicalization off, so they stay one opaque segment.
    /// </summary>
    public static Uri From(RequestInformation request)
    {
        var uri = request.URI;
        var original = uri.OriginalString;
        if (original.IndexOf("/.", StringComparison.Ordinal) < 0)
        {
            return uri;
        }

#if NET
        var queryStart = original.IndexOf('?');
        var path = queryStart < 0 ? original : original.Substring(0, queryStart);
        var query = queryStart < 0 ? string.Empty : original.Substring(queryStart);
        var segments = path.Split('/');
        for (var i = 3; i < segments.Length; i++)
        {
            if (segments[i] is "." or "..")
            {
                segments[i] = segments[i].Replace(".", "%2E");
            }
        }

        return new Uri(string.Join("/", segments) + query, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        // Argument checks reject "." and ".." ids on this target before a request is built.
        return uri;
#endif
    }
}

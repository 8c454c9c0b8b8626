using System;

namespace Ccs.Http;

/// <summary>URIs that must reach the wire exactly as written.</summary>
internal static class RequestUri
{
    /// <summary>
    /// A URI sent as written: already percent-encoded, with no dot-segment resolution. Needed for a
    /// call id of <c>.</c> or <c>..</c>, which <see cref="Uri"/> would otherwise resolve away
    /// (<c>/calls/..</c> would become the API root).
    /// </summary>
    public static Uri WithoutCanonicalization(string uri)
    {
#if NET
        return new Uri(uri, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
#else
        // Argument checks reject "." and ".." ids on this target, the only input that needs this.
        return new Uri(uri);
#endif
    }
}

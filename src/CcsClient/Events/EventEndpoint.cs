using System;

namespace Ccs.Events;

/// <summary>Where the event endpoint is, given the REST base URL.</summary>
internal static class EventEndpoint
{
    /// <summary>The path of the event endpoint on a CCS domain.</summary>
    public const string EventsPath = "/6/v2/events";

    /// <summary>
    /// <c>https://host/6/v2/api</c> → <c>wss://host/6/v2/events</c> (http → ws): the last path segment
    /// <c>api</c> becomes <c>events</c>; a base URL that does not end in <c>/api</c> gets <c>/events</c> appended.
    /// </summary>
    public static Uri FromRestBaseUri(Uri restBaseUri)
    {
        var builder = new UriBuilder(restBaseUri)
        {
            Scheme = restBaseUri.Scheme == Uri.UriSchemeHttp ? "ws" : "wss",
            Query = string.Empty,
            Fragment = string.Empty,
        };
        builder.Port = restBaseUri.IsDefaultPort ? -1 : restBaseUri.Port;
        var path = restBaseUri.AbsolutePath.TrimEnd('/');
        builder.Path = path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)
            ? path.Remove(path.Length - "api".Length) + "events"
            : path + "/events";
        return builder.Uri;
    }
}

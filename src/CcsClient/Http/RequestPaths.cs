using System;
using Ccs.Generated;
using Microsoft.Kiota.Abstractions;

namespace Ccs.Http;

/// <summary>
/// The URL of every path-only operation, learned once per client from the Kiota request builders
/// (each request is built once with sentinel ids and split around them) and then filled per call by
/// concatenation. The generated code stays the source of every URL shape, while a call costs one
/// string and one <see cref="Uri"/> instead of a builder chain and a URI-template expansion.
/// </summary>
internal sealed class RequestPaths
{
    private static readonly string First = new Guid("c0ffee00-0000-4000-8000-000000000001").ToString();
    private static readonly string Second = new Guid("c0ffee00-0000-4000-8000-000000000002").ToString();
    private const string Segment = "ccs-path-segment-sentinel";

    public RequestPaths(CcsApiClient api)
    {
        var first = Guid.Parse(First);
        var second = Guid.Parse(Second);
        Products = Fixed(api.Products.EmptyPathSegment.ToGetRequestInformation());
        Roles = Fixed(api.Roles.EmptyPathSegment.ToGetRequestInformation());
        Tenants = Fixed(api.Tenants.ToGetRequestInformation());
        Calls = Fixed(api.Calls.ToGetRequestInformation());
        AgentState = Fixed(api.AgentState.ToRequestInformation(Method.POST));
        Tenant = new PathTemplate(Url(api.Tenants[first].ToGetRequestInformation()), First);
        TenantRoles = new PathTemplate(Url(api.Tenants[first].Roles.ToGetRequestInformation()), First);
        TenantAcds = new PathTemplate(Url(api.Tenants[first].Acds.ToGetRequestInformation()), First);
        TenantPresenceOptions = new PathTemplate(Url(api.Tenants[first].PresenceOptions.ToGetRequestInformation()), First);
        TenantExtensions = new PathTemplate(Url(api.Tenants[first].Extensions.ToGetRequestInformation()), First);
        TenantExtension = new PathTemplate(Url(api.Tenants[first].Extensions[second].ToRequestInformation(Method.PUT)), First, Second);
        TenantTextCount = new PathTemplate(Url(api.Tenants[first].TextCount.ToGetRequestInformation()), First);
        Call = new PathTemplate(Url(api.Calls[Segment].ToGetRequestInformation()), Segment);
        ExtensionAgentState = new PathTemplate(Url(api.Extensions[first].AgentState.ToGetRequestInformation()), First);
    }

    public Uri Products { get; }

    public Uri Roles { get; }

    public Uri Tenants { get; }

    public Uri Calls { get; }

    public Uri AgentState { get; }

    public PathTemplate Tenant { get; }

    public PathTemplate TenantRoles { get; }

    public PathTemplate TenantAcds { get; }

    public PathTemplate TenantPresenceOptions { get; }

    public PathTemplate TenantExtensions { get; }

    public PathTemplate TenantExtension { get; }

    public PathTemplate TenantTextCount { get; }

    public PathTemplate Call { get; }

    public PathTemplate ExtensionAgentState { get; }

    private static string Url(RequestInformation request) => request.URI.OriginalString;

    // Uri is immutable and thread-safe: one instance serves every call.
    private static Uri Fixed(RequestInformation request) => new(Url(request));
}

/// <summary>A URL split around its path parameters.</summary>
internal sealed class PathTemplate
{
    private readonly string[] _parts;

    public PathTemplate(string url, params string[] sentinels)
    {
        _parts = url.Split(sentinels, StringSplitOptions.None);
        if (_parts.Length != sentinels.Length + 1)
        {
            throw new InvalidOperationException($"The generated URL '{url}' does not hold each path parameter exactly once.");
        }
    }

    public Uri Bind(Guid id) => new(_parts[0] + id.ToString() + _parts[1]);

    public Uri Bind(Guid first, Guid second) => new(string.Concat(_parts[0], first.ToString(), _parts[1], second.ToString(), _parts[2]));

    /// <summary>Binds an opaque string as one path segment, percent-encoded as RFC 6570 simple expansion does.</summary>
    public Uri BindSegment(string value)
    {
        // "." and ".." would be dot segments that Uri resolves away, so they are sent encoded.
        if (value is "." or "..")
        {
            return RequestUri.WithoutCanonicalization(_parts[0] + value.Replace(".", "%2E") + _parts[1]);
        }

        return new Uri(_parts[0] + Uri.EscapeDataString(value) + _parts[1]);
    }
}

using System;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>One operation of the contract as the emulator serves it; also the endpoint's metadata.</summary>
/// <param name="Id">The spec's operation id, for example <c>listCalls</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The spec's path template below the base path, trailing slash included.</param>
/// <param name="Handler">Serves the request.</param>
internal sealed record EmulatorOperation(string Id, string Method, string Path, RequestDelegate Handler)
{
    /// <summary>
    /// The operation a request addresses, or null. ASP.NET Core routing ignores a trailing slash; the
    /// contract does not (<c>/products/</c> but <c>/tenants</c>), so a request whose path differs from
    /// the template in that respect addresses no operation.
    /// </summary>
    public static EmulatorOperation? Of(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<EmulatorOperation>();
        var path = context.Request.Path.Value ?? string.Empty;
        return operation is not null && path.EndsWith('/') == operation.Path.EndsWith('/') ? operation : null;
    }

    /// <summary>Whether routing matched an operation only by ignoring the trailing slash.</summary>
    public static bool MatchedOnlyWithoutTrailingSlash(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<EmulatorOperation>() is not null && Of(context) is null;

    public override string ToString() => $"{Id} ({Method} {Path})";
}

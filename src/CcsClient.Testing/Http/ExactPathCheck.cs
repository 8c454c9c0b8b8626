using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Middleware: answers 404 when routing matched an operation only by ignoring a trailing slash the contract spells differently.</summary>
internal static class ExactPathCheck
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (EmulatorOperation.MatchedOnlyWithoutTrailingSlash(context))
        {
            var path = context.Request.Path.Value;
            return ErrorResponse.WriteAsync(context, 404, "not_found", $"No operation has the path {path}; mind the trailing slash.");
        }

        return next(context);
    }
}

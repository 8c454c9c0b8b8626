using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Writes the JSON error body every refusal of the emulator carries: <c>{"error": code, "message": text}</c>.</summary>
internal static class ErrorResponse
{
    public static Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorBody(code, message), EmulatorJsonContext.Relaxed.ErrorBody, contentType: null, context.RequestAborted);
    }
}

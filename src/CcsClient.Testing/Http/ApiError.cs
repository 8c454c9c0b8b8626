using System;

namespace Ccs.Testing;

/// <summary>
/// A request the emulator refuses, the way the real server would: thrown by validation and by the
/// state, and written as a JSON error response with <see cref="StatusCode"/> by the endpoint wrapper.
/// </summary>
internal sealed class ApiError : Exception
{
    private ApiError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    /// <summary>The machine-readable error code of the body, for example <c>not_found</c>.</summary>
    public string Code { get; }

    public static ApiError BadRequest(string message) => new(400, "bad_request", message);

    public static ApiError NotFound(string message) => new(404, "not_found", message);

    public static ApiError Conflict(string message) => new(409, "conflict", message);
}

using System;
using System.Net;

namespace Ccs;

/// <summary>
/// A CCS API call failed: the server answered with a status outside 2xx, its answer could not be
/// read, or no answer arrived. Subclasses name the common cases (<see cref="CcsAuthenticationException"/>,
/// <see cref="CcsNotFoundException"/>, <see cref="CcsRateLimitException"/>, …).
/// </summary>
/// <remarks>The message and properties never contain the bearer token.</remarks>
public class CcsApiException : Exception
{
    /// <summary>Creates an exception with a message only (for mocks and tests).</summary>
    /// <param name="message">The message.</param>
    public CcsApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause (for mocks and tests).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CcsApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that describes a failed operation.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsApiException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        if (details is null)
        {
            throw new ArgumentNullException(nameof(details));
        }

        StatusCode = details.StatusCode;
        OperationId = details.OperationId;
        Method = details.Method;
        PathTemplate = details.PathTemplate;
        ResponseBody = details.ResponseBody;
        RequestId = details.RequestId;
        RetryAfter = details.RetryAfter;
        Attempts = details.Attempts;
    }

    /// <summary>The HTTP status of the response, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The operation id from the CCS OpenAPI description, for example <c>getTenant</c>.</summary>
    public string? OperationId { get; }

    /// <summary>The HTTP method, for example <c>GET</c>.</summary>
    public string? Method { get; }

    /// <summary>The path template of the operation, for example <c>/tenants/{tenantUuid}</c> (never the raw URL).</summary>
    public string? PathTemplate { get; }

    /// <summary>The start of the response body (at most <see cref="CcsErrorDetails.MaxBodyExcerptLength"/> characters), if any.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// The request or correlation id the server returned (<c>X-Request-Id</c>, <c>X-Correlation-Id</c>),
    /// else the <c>X-Request-Id</c> the client sent (the same on every retry of the operation).
    /// </summary>
    public string? RequestId { get; }

    /// <summary>How many attempts were made before the call failed (1 when it was not retried).</summary>
    public int Attempts { get; } = 1;

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

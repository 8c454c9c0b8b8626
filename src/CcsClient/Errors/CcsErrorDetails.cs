using System;
using System.Net;

namespace Ccs;

/// <summary>What is known about a failed CCS API call; carried by <see cref="CcsApiException"/>.</summary>
public sealed class CcsErrorDetails
{
    /// <summary>The longest response-body excerpt an exception keeps, in characters.</summary>
    public const int MaxBodyExcerptLength = 4096;

    /// <summary>The HTTP status, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The operation id from the OpenAPI description.</summary>
    public string? OperationId { get; init; }

    /// <summary>The HTTP method.</summary>
    public string? Method { get; init; }

    /// <summary>The path template of the operation.</summary>
    public string? PathTemplate { get; init; }

    /// <summary>The start of the response body.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The request or correlation id the server returned, else the <c>X-Request-Id</c> the client sent.</summary>
    public string? RequestId { get; init; }

    /// <summary>The server's <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How many attempts were made (1 when the call was not retried).</summary>
    public int Attempts { get; init; } = 1;
}

using System;

namespace Ccs;

/// <summary>A CCS API call failed with 429 Too Many Requests: the client is throttled; <see cref="CcsApiException.RetryAfter"/> says for how long.</summary>
public sealed class CcsRateLimitException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsRateLimitException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

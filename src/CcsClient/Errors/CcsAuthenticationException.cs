using System;

namespace Ccs;

/// <summary>A CCS API call failed with 401 Unauthorized: the token is missing, invalid or expired.</summary>
public sealed class CcsAuthenticationException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsAuthenticationException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

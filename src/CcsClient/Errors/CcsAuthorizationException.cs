using System;

namespace Ccs;

/// <summary>A CCS API call failed with 403 Forbidden: the token is valid but lacks the role this operation needs.</summary>
public sealed class CcsAuthorizationException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsAuthorizationException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

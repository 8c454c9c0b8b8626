using System;

namespace Ccs;

/// <summary>A CCS API call failed with 5xx: the CCS service failed or is unavailable.</summary>
public sealed class CcsServerException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsServerException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

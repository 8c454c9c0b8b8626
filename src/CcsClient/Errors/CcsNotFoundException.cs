using System;

namespace Ccs;

/// <summary>A CCS API call failed with 404 Not Found: the tenant, extension or call does not exist.</summary>
public sealed class CcsNotFoundException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsNotFoundException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

using System;

namespace Ccs;

/// <summary>A CCS API call failed with 409 Conflict: the request conflicts with the current state (for example an action on a call that has ended).</summary>
public sealed class CcsConflictException : CcsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="details">What is known about the failed call.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CcsConflictException(string message, CcsErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}

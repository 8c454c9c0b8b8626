using System;

namespace Ccs.Events;

/// <summary>
/// The event stream could not connect or stopped for good: the first connection failed, the server
/// closed with <see cref="CcsEventCloseCodes.Forbidden"/>, or the reconnect policy gave up. A refused
/// token is a <see cref="CcsAuthenticationException"/> instead.
/// </summary>
public class CcsEventStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public CcsEventStreamException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public CcsEventStreamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a connection the server closed.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="closeStatus">The WebSocket close code the server sent.</param>
    /// <param name="innerException">The cause.</param>
    public CcsEventStreamException(string message, int? closeStatus, Exception? innerException = null)
        : base(message, innerException)
    {
        CloseStatus = closeStatus;
    }

    /// <summary>The WebSocket close code the server sent, or <see langword="null"/>.</summary>
    public int? CloseStatus { get; }
}

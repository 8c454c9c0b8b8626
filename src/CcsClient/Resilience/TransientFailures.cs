using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;

namespace Ccs.Resilience;

/// <summary>Which failures are worth another attempt, and whether the server can have acted on them.</summary>
internal static class TransientFailures
{
    public static bool IsTransientStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Any failure of the transport or a per-attempt timeout; the server may have acted.</summary>
    public static bool IsTransientException(Exception exception) => exception is HttpRequestException or TimeoutRejectedException;

    /// <summary>The request never left: no connection could be established (refused, unreachable, name not resolved).</summary>
    public static bool IsNotSent(Exception exception)
    {
        if (exception is not HttpRequestException http)
        {
            return false;
        }

#if NET
        if (http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }
#endif
        return http.InnerException is SocketException socket
               && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
    }
}

namespace Ccs.Events;

/// <summary>
/// The WebSocket close codes of the CCS event protocol (<c>asyncapi.yaml</c>), besides the standard
/// ones (1000 normal, 1001 going away, 1009 message too big, 1011 server error, 1012 restart).
/// </summary>
public static class CcsEventCloseCodes
{
    /// <summary>An unspecified server error; the client reconnects and resumes.</summary>
    public const int ServerError = 4000;

    /// <summary>The access token expired during the session; the client reconnects with a fresh token and resumes.</summary>
    public const int TokenExpired = 4001;

    /// <summary>The client sent a message the server could not read; the client reconnects.</summary>
    public const int InvalidMessage = 4002;

    /// <summary>The token is no longer allowed to receive events; the client does not reconnect.</summary>
    public const int Forbidden = 4003;
}

using System;
using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Events;

/// <summary>Opens the WebSocket with the bearer token on the upgrade request and turns a refused upgrade into a typed error.</summary>
internal static class WebSocketConnector
{
    internal const string OperationId = "subscribeEvents";

    private static readonly Regex StatusInMessage = new(@"'(\d{3})'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static async Task<WebSocket> ConnectAsync(Uri endpoint, string accessToken, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + accessToken);
#if NET
            socket.Options.CollectHttpResponseDetails = true;
#endif
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException ex) when (UpgradeStatus(socket, ex) is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var status = UpgradeStatus(socket, ex)!.Value;
            socket.Dispose();
            var details = new CcsErrorDetails { StatusCode = status, Method = "GET", OperationId = OperationId, PathTemplate = endpoint.AbsolutePath };
            throw status == HttpStatusCode.Unauthorized
                ? new CcsAuthenticationException("The CCS event endpoint refused the access token (HTTP 401 at the WebSocket upgrade). Check the token; the stream does not retry with it.", details, ex)
                : new CcsAuthorizationException("The access token may not receive events (HTTP 403 at the WebSocket upgrade): it needs an *_events role.", details, ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static HttpStatusCode? UpgradeStatus(ClientWebSocket socket, WebSocketException ex)
    {
#if NET
        if (socket.HttpStatusCode != 0)
        {
            return socket.HttpStatusCode;
        }
#endif
        // netstandard2.0 has no response details; the runtime's message names the status: "… status code '401' …".
        var match = StatusInMessage.Match(ex.Message);
        return match.Success && match.Groups[1].Value != "101" ? (HttpStatusCode)int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}

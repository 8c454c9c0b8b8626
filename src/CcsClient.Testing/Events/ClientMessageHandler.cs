using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using Ccs.Events;

namespace Ccs.Testing;

/// <summary>
/// Serves the client messages of <c>asyncapi.yaml</c> on one connection: <c>subscribe</c>,
/// <c>unsubscribe</c>, <c>resume</c> and <c>ping</c>. A message it cannot serve gets an <c>error</c>
/// (the connection stays open, as the protocol says).
/// </summary>
internal sealed class ClientMessageHandler
{
    /// <summary>The families the emulator publishes; the emulator's token may see them all.</summary>
    public static readonly ImmutableArray<string> Families = [CcsEventFamilies.Agent, CcsEventFamilies.Call, CcsEventFamilies.Queue];

    private const string InvalidMessage = "invalid_message";

    private readonly EventSocket _socket;
    private readonly EventServer _server;

    public ClientMessageHandler(EventSocket socket, EventServer server)
    {
        _socket = socket;
        _server = server;
    }

    public void Handle(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            Error(InvalidMessage, "The message is not JSON: " + ex.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                Error(InvalidMessage, "A message is a JSON object with a string 'type'.");
                return;
            }

            switch (type.GetString())
            {
                case "subscribe":
                    Subscribe(root);
                    break;
                case "unsubscribe":
                    Unsubscribe(root);
                    break;
                case "resume":
                    Resume(root);
                    break;
                case "ping":
                    Ping(root);
                    break;
                default:
                    Error(InvalidMessage, $"Unknown message type '{type.GetString()}'; clients send subscribe, unsubscribe, resume or ping.");
                    break;
            }
        }
    }

    private void Subscribe(JsonElement message)
    {
        if (!TryReadStrings(message, "families", required: true, out var families) || families.Count == 0)
        {
            Error(InvalidMessage, "subscribe needs 'families': a non-empty array of strings.");
            return;
        }

        if (!TryReadStrings(message, "tenant_uuids", required: false, out var tenantIds) || tenantIds.Any(string.IsNullOrWhiteSpace))
        {
            Error(InvalidMessage, "'tenant_uuids' must be an array of tenant ids.");
            return;
        }

        var granted = Granted(families);
        if (granted.Count == 0)
        {
            return;
        }

        var session = _socket.Session;
        if (session is null)
        {
            session = _server.CreateSession(_socket.OfferedSessionId, granted, tenantIds);
            var created = session;
            session.TryAttach(_socket, lastSeq: null, _server.Clock.GetUtcNow(), _server.ResumeWindow, _ => Subscribed(created), out _);
        }
        else
        {
            session.Subscribe(granted, tenantIds);
            _socket.EnqueueControl(Subscribed(session));
        }
    }

    private void Unsubscribe(JsonElement message)
    {
        if (!TryReadStrings(message, "families", required: true, out var families) || families.Count == 0)
        {
            Error(InvalidMessage, "unsubscribe needs 'families': a non-empty array of strings.");
            return;
        }

        if (_socket.Session is not { } session)
        {
            Error(InvalidMessage, "unsubscribe needs a session: send subscribe (or resume) first.");
            return;
        }

        session.Unsubscribe(families);
        _socket.EnqueueControl(Subscribed(session));
    }

    private void Resume(JsonElement message)
    {
        if (!message.TryGetProperty("session_id", out var id) || id.ValueKind != JsonValueKind.String
            || !message.TryGetProperty("last_seq", out var last) || !last.TryGetInt64(out var lastSeq) || lastSeq < 0)
        {
            Error(InvalidMessage, "resume needs 'session_id' (a string) and 'last_seq' (an integer, 0 or more).");
            return;
        }

        if (_socket.Session is not null)
        {
            Error(InvalidMessage, "This connection already has a session; resume is the first message of a new connection.");
            return;
        }

        var sessionId = id.GetString()!;
        if (_server.FindSession(sessionId) is not { } session)
        {
            _socket.EnqueueControl(EventFrames.InvalidSession("unknown_session"));
            return;
        }

        var refused = session.TryAttach(_socket, lastSeq, _server.Clock.GetUtcNow(), _server.ResumeWindow, seq => EventFrames.Resumed(sessionId, seq), out var replaced);
        if (refused is not null)
        {
            _server.RemoveSessionIfEnded(session);
            _socket.EnqueueControl(EventFrames.InvalidSession(refused));
            return;
        }

        // The client came back before the server noticed its old connection died: that one is dead.
        replaced?.Abort();
    }

    private void Ping(JsonElement message)
    {
        var nonce = message.TryGetProperty("nonce", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        _socket.EnqueueControl(EventFrames.Heartbeat(_server.Clock.GetUtcNow(), nonce));
    }

    private List<string> Granted(List<string> requested)
    {
        var unknown = requested.Where(f => !Families.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            Error("unknown_family", $"Unknown event families: {string.Join(", ", unknown)}; the families are {string.Join(", ", Families)}.");
        }

        return requested.Where(f => Families.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static byte[] Subscribed(EventSession session) => EventFrames.Subscribed(session.Id, session.Families, session.TenantIds);

    private static bool TryReadStrings(JsonElement message, string name, bool required, out List<string> values)
    {
        values = [];
        if (!message.TryGetProperty(name, out var array))
        {
            return !required;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            values.Add(item.GetString()!);
        }

        return true;
    }

    private void Error(string code, string message) => _socket.EnqueueControl(EventFrames.Error(code, message));
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ccs.Models;

namespace Ccs.Events.Wire;

/// <summary>Turns one received frame into a <see cref="WireMessage"/> and, for events, a typed <see cref="CcsEvent"/>.</summary>
internal static class EventFrameDecoder
{
    private const string PreviousStateProperty = "previous_state";

    /// <summary>Reads the envelope of a frame.</summary>
    /// <exception cref="JsonException">The frame is not a JSON object with a <c>type</c>.</exception>
    public static WireMessage ReadMessage(ArraySegment<byte> frame)
    {
        var message = JsonSerializer.Deserialize(frame.AsSpan(), CcsEventJsonContext.Default.WireMessage)
            ?? throw new JsonException("The message is JSON null.");
        return string.IsNullOrEmpty(message.Type) ? throw new JsonException("The message has no type.") : message;
    }

    /// <summary>Whether a message is an event: anything that carries a sequence number (control messages do not).</summary>
    public static bool IsEvent(WireMessage message) => message.Seq is not null;

    /// <summary>Builds the typed event of an event message.</summary>
    /// <exception cref="JsonException">The event lacks <c>id</c>, <c>ts</c> or the <c>data</c> its type needs.</exception>
    public static CcsEvent ToEvent(WireMessage message, ArraySegment<byte> frame)
    {
        var id = message.Id ?? throw new JsonException("The event has no id.");
        var seq = message.Seq ?? throw new JsonException("The event has no seq.");
        var ts = message.Timestamp ?? throw new JsonException("The event has no ts.");
        var tenant = message.TenantId;
        switch (message.Type)
        {
            case AgentStateChanged.EventType:
                var state = Data(message, frame, CcsEventJsonContext.Default.AgentState);
                var previousPresence = TakeString(state.AdditionalProperties, PreviousStateProperty);
                state.AdditionalProperties = Empty(state.AdditionalProperties);
                return new AgentStateChanged(id, seq, ts, tenant, state, previousPresence);
            case CallStateChanged.EventType:
                var call = Data(message, frame, CcsEventJsonContext.Default.Call);
                var previousCall = TakeString(call.AdditionalProperties, PreviousStateProperty);
                call.AdditionalProperties = Empty(call.AdditionalProperties);
                return new CallStateChanged(id, seq, ts, tenant, call, previousCall is null ? (CallState?)null : new CallState(previousCall));
            case QueueUpdated.EventType:
                return new QueueUpdated(id, seq, ts, tenant, Data(message, frame, CcsEventJsonContext.Default.Acd));
            default:
                var raw = Encoding.UTF8.GetString(frame.Array!, frame.Offset, frame.Count);
                return new UnknownEvent(id, seq, ts, tenant, message.Type!, raw);
        }
    }

    private static T Data<T>(WireMessage message, ArraySegment<byte> frame, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (message.Data is not { Kind: JsonTokenType.StartObject } data)
        {
            throw new JsonException($"The {message.Type} event has no data object.");
        }

        return JsonSerializer.Deserialize(frame.AsSpan(data.Start, data.Length), typeInfo)
            ?? throw new JsonException($"The {message.Type} event has no data object.");
    }

    // previous_state is the event's own addition to the REST model; it must not look like an unknown property of it.
    private static string? TakeString(IDictionary<string, JsonElement>? properties, string name)
    {
        if (properties is null || !properties.TryGetValue(name, out var value))
        {
            return null;
        }

        properties.Remove(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw new JsonException($"{name} must be a string."),
        };
    }

    private static IDictionary<string, JsonElement>? Empty(IDictionary<string, JsonElement>? properties)
        => properties is { Count: 0 } ? null : properties;
}

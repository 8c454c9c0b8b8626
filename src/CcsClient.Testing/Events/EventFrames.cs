using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ccs.Testing;

/// <summary>Encodes the server's messages of <c>asyncapi.yaml</c>, each one UTF-8 JSON text frame.</summary>
internal static class EventFrames
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Hello(string sessionId, TimeSpan heartbeatInterval, TimeSpan resumeWindow)
        => Write(w =>
        {
            w.WriteString("type", "hello");
            w.WriteString("session_id", sessionId);
            w.WriteNumber("heartbeat_interval_ms", (long)heartbeatInterval.TotalMilliseconds);
            w.WriteNumber("resume_window_ms", (long)resumeWindow.TotalMilliseconds);
        });

    public static byte[] Heartbeat(DateTimeOffset now, string? nonce)
        => Write(w =>
        {
            w.WriteString("type", "heartbeat");
            w.WriteString("ts", Timestamp(now));
            if (nonce is not null)
            {
                w.WriteString("nonce", nonce);
            }
        });

    public static byte[] Subscribed(string sessionId, IEnumerable<string> families, IEnumerable<string> tenantIds)
        => Write(w =>
        {
            w.WriteString("type", "subscribed");
            w.WriteString("session_id", sessionId);
            WriteArray(w, "families", families);
            WriteArray(w, "tenant_uuids", tenantIds);
        });

    public static byte[] Resumed(string sessionId, long lastSeq)
        => Write(w =>
        {
            w.WriteString("type", "resumed");
            w.WriteString("session_id", sessionId);
            w.WriteNumber("last_seq", lastSeq);
        });

    public static byte[] InvalidSession(string reason)
        => Write(w =>
        {
            w.WriteString("type", "invalid_session");
            w.WriteString("reason", reason);
        });

    public static byte[] Error(string code, string message)
        => Write(w =>
        {
            w.WriteString("type", "error");
            w.WriteString("code", code);
            w.WriteString("message", message);
        });

    public static byte[] Closing(int closeCode, string reason)
        => Write(w =>
        {
            w.WriteString("type", "closing");
            w.WriteNumber("close_code", closeCode);
            w.WriteString("reason", reason);
        });

    /// <summary>An event with a session's sequence number.</summary>
    public static byte[] Event(EventRecord e, long seq)
        => Write(w =>
        {
            w.WriteString("type", e.Type);
            w.WriteString("id", e.Id);
            w.WriteNumber("seq", seq);
            w.WriteString("ts", Timestamp(e.Timestamp));
            w.WriteString("tenant_uuid", e.TenantId);
            w.WritePropertyName("data");
            w.WriteRawValue(e.Data, skipInputValidation: true);
        });

    // RFC 3339 in UTC with milliseconds (a date-time of the schemas).
    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

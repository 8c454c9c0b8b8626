using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Events.Wire;

/// <summary>The message types of the protocol (asyncapi.yaml) that are not events.</summary>
internal static class WireTypes
{
    public const string Hello = "hello";
    public const string Heartbeat = "heartbeat";
    public const string Subscribed = "subscribed";
    public const string Resumed = "resumed";
    public const string InvalidSession = "invalid_session";
    public const string Error = "error";
    public const string Closing = "closing";
    public const string Subscribe = "subscribe";
    public const string Resume = "resume";
}

/// <summary>
/// Any server message: the fields of every type side by side (all optional here; the decoder checks
/// what a type needs). <see cref="Data"/> is only located until the type is known.
/// </summary>
internal sealed class WireMessage
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public Guid? Id { get; set; }

    [JsonPropertyName("seq")]
    public long? Seq { get; set; }

    [JsonPropertyName("ts")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("tenant_uuid")]
    public string? TenantId { get; set; }

    [JsonPropertyName("data")]
    public RawJsonRange? Data { get; set; }

    [JsonPropertyName("session_id")]
    public string? SessionId { get; set; }

    [JsonPropertyName("heartbeat_interval_ms")]
    public long? HeartbeatIntervalMs { get; set; }

    [JsonPropertyName("resume_window_ms")]
    public long? ResumeWindowMs { get; set; }

    [JsonPropertyName("families")]
    public List<string>? Families { get; set; }

    [JsonPropertyName("last_seq")]
    public long? LastSeq { get; set; }

    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("close_code")]
    public int? CloseCode { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}

/// <summary>Client → server: <c>subscribe</c>.</summary>
internal sealed class WireSubscribe
{
    [JsonPropertyName("type")]
    public string Type { get; } = WireTypes.Subscribe;

    [JsonPropertyName("families")]
    public IReadOnlyList<string> Families { get; set; } = Array.Empty<string>();

    [JsonPropertyName("tenant_uuids")]
    public IReadOnlyList<string>? TenantIds { get; set; }
}

/// <summary>Client → server: <c>resume</c>.</summary>
internal sealed class WireResume
{
    [JsonPropertyName("type")]
    public string Type { get; } = WireTypes.Resume;

    [JsonPropertyName("session_id")]
    public string SessionId { get; set; } = string.Empty;

    [JsonPropertyName("last_seq")]
    public long LastSeq { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Benchmarks.Events;

/// <summary>
/// The floor for events: what decoding alone costs with source-generated System.Text.Json into plain
/// types written for the purpose (one pass, polymorphic on <c>type</c>, no de-duplication, buffer or
/// dispatch). The SDK's pipeline is measured against this.
/// </summary>
public static class FloorEventDecoder
{
    public static FloorEvent Decode(ReadOnlySpan<byte> frame)
        => JsonSerializer.Deserialize(frame, FloorEventJson.Default.FloorEvent) ?? throw new JsonException("null event");
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FloorCallEvent), "call.state_changed")]
[JsonDerivedType(typeof(FloorAgentEvent), "agent.state_changed")]
[JsonDerivedType(typeof(FloorQueueEvent), "queue.updated")]
public abstract class FloorEvent
{
    [JsonPropertyName("id")] public Guid Id { get; set; }
    [JsonPropertyName("seq")] public long Seq { get; set; }
    [JsonPropertyName("ts")] public DateTimeOffset Ts { get; set; }
    [JsonPropertyName("tenant_uuid")] public string? TenantId { get; set; }
}

public sealed class FloorCallEvent : FloorEvent
{
    [JsonPropertyName("data")] public FloorCallData? Data { get; set; }
}

public sealed class FloorAgentEvent : FloorEvent
{
    [JsonPropertyName("data")] public FloorAgentData? Data { get; set; }
}

public sealed class FloorQueueEvent : FloorEvent
{
    [JsonPropertyName("data")] public FloorQueueData? Data { get; set; }
}

public sealed class FloorCallData
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("calling_number")] public string? CallingNumber { get; set; }
    [JsonPropertyName("called_number")] public string? CalledNumber { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("tenant_uuid")] public string? TenantId { get; set; }
    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; set; }
    [JsonPropertyName("duration")] public int? Duration { get; set; }
    [JsonPropertyName("previous_state")] public string? PreviousState { get; set; }
}

public sealed class FloorAgentData
{
    [JsonPropertyName("extension_uuid")] public string? ExtensionId { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("available_for_calls")] public bool? AvailableForCalls { get; set; }
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("previous_state")] public string? PreviousState { get; set; }
}

public sealed class FloorQueueData
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("tenant_uuid")] public string? TenantId { get; set; }
    [JsonPropertyName("max_queue_length")] public int? MaxQueueLength { get; set; }
    [JsonPropertyName("current_queue_length")] public int? CurrentQueueLength { get; set; }
    [JsonPropertyName("agents_available")] public int? AgentsAvailable { get; set; }
}

[JsonSerializable(typeof(FloorEvent))]
public sealed partial class FloorEventJson : JsonSerializerContext;

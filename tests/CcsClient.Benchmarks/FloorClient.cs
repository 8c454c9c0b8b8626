using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ccs.Benchmarks;

/// <summary>
/// The floor: what a hand-written client on HttpClient and source-generated System.Text.Json costs,
/// into plain types. The facade is measured against this.
/// </summary>
public sealed class FloorClient(HttpClient http, Uri baseUri)
{
    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');

    public Task<List<FloorTenant>?> ListTenantsAsync(CancellationToken ct = default)
        => http.GetFromJsonAsync(_base + "/tenants", FloorJson.Default.ListFloorTenant, ct);

    public Task<FloorTenant?> GetTenantAsync(Guid id, CancellationToken ct = default)
        => http.GetFromJsonAsync(_base + "/tenants/" + id.ToString(), FloorJson.Default.FloorTenant, ct);

    public Task<List<FloorCall>?> ListCallsAsync(CancellationToken ct = default)
        => http.GetFromJsonAsync(_base + "/calls", FloorJson.Default.ListFloorCall, ct);

    public Task<List<FloorCall>?> SearchCallsAsync(string calling, DateTimeOffset from, CancellationToken ct = default)
        => http.GetFromJsonAsync(
            $"{_base}/calls/filter?calling_number={Uri.EscapeDataString(calling)}&from_datetime={Uri.EscapeDataString(from.ToString("o"))}",
            FloorJson.Default.ListFloorCall,
            ct);

    public async Task ControlCallAsync(string callId, string action, CancellationToken ct = default)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new FloorControl { Action = action }, FloorJson.Default.FloorControl));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var response = await http.PostAsync(_base + "/calls/" + Uri.EscapeDataString(callId), content, ct);
        response.EnsureSuccessStatusCode();
    }
}

public sealed class FloorTenant
{
    [JsonPropertyName("uuid")] public Guid? Uuid { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("max_agents")] public int? MaxAgents { get; set; }
    [JsonPropertyName("max_calls")] public int? MaxCalls { get; set; }
}

public sealed class FloorCall
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("calling_number")] public string? CallingNumber { get; set; }
    [JsonPropertyName("called_number")] public string? CalledNumber { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("tenant_uuid")] public string? TenantUuid { get; set; }
    [JsonPropertyName("started_at")] public DateTimeOffset? StartedAt { get; set; }
    [JsonPropertyName("duration")] public int? Duration { get; set; }
}

public sealed class FloorControl
{
    [JsonPropertyName("action")] public string? Action { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<FloorTenant>))]
[JsonSerializable(typeof(FloorTenant))]
[JsonSerializable(typeof(List<FloorCall>))]
[JsonSerializable(typeof(FloorControl))]
public sealed partial class FloorJson : JsonSerializerContext;

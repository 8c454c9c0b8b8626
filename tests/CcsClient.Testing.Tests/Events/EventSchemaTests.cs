using System.Text.Json.Nodes;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Ccs.Tests.Spec;
using Microsoft.Extensions.Time.Testing;
using YamlDotNet.RepresentationModel;

namespace Ccs.Testing.Tests.Events;

/// <summary>Every frame the emulator sends is a message of asyncapi.yaml, and every event's data is the REST schema's entity.</summary>
public class EventSchemaTests
{
    private static readonly Lazy<JsonObject> AsyncApi = new(() =>
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "asyncapi.yaml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return OpenApiSpec.ToJson(yaml.Documents[0].RootNode)!.AsObject();
    });

    private static readonly Dictionary<string, string> RestSchemaOfEvent = new()
    {
        ["agent.state_changed"] = "AgentState",
        ["call.state_changed"] = "Call",
        ["queue.updated"] = "ACD",
    };

    [Fact]
    public async Task Every_frame_the_emulator_sends_validates_against_the_message_schemas()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateClient();
        var frames = new List<string>();

        await using (var socket = await emulator.ConnectRawAsync())
        {
            var (_, subscribed) = await socket.SubscribeAsync();
            await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
            await ccs.Agents.SetStateAsync("Lunch", reason: "Noon");
            emulator.Traffic.Step();
            await socket.SendAsync("""{"type":"ping","nonce":"n-1"}""");
            await socket.SkipToAsync("heartbeat");
            var heartbeat = socket.SkipToAsync("heartbeat");
            await clock.AdvanceUntilAsync(TimeSpan.FromSeconds(15), heartbeat);
            await socket.SendAsync("""{"type":"subscribe","families":["weather"]}""");
            await socket.SkipToAsync("error");
            await socket.SendAsync("""{"type":"unsubscribe","families":["agent"]}""");
            await socket.SkipToAsync("subscribed");
            emulator.Faults.DropWebSockets();
            frames.AddRange(socket.Frames);

            await using var resumed = await emulator.ConnectRawAsync();
            await resumed.ExpectAsync("hello");
            await resumed.SendAsync($$"""{"type":"resume","session_id":"{{subscribed["session_id"]}}","last_seq":1}""");
            await resumed.ExpectAsync("resumed");
            emulator.Faults.ExpireWebSocketTokens();
            await resumed.SkipToAsync("closing");
            frames.AddRange(resumed.Frames);
        }

        await using (var stranger = await emulator.ConnectRawAsync())
        {
            await stranger.ExpectAsync("hello");
            await stranger.SendAsync("""{"type":"resume","session_id":"s-unknown","last_seq":0}""");
            await stranger.ExpectAsync("invalid_session");
            frames.AddRange(stranger.Frames);
        }

        var messages = Messages();
        var seen = new HashSet<string>();
        foreach (var text in frames)
        {
            var frame = JsonNode.Parse(text)!;
            var type = (string)frame["type"]!;
            Assert.True(messages.TryGetValue(type, out var payload), $"{type} is not a message of asyncapi.yaml");
            SchemaAssert.Valid(payload, frame);
            if (RestSchemaOfEvent.TryGetValue(type, out var rest))
            {
                SchemaAssert.Valid(OpenApiSpec.Instance.Resolve(OpenApiSpec.Instance.Document["components"]!["schemas"]![rest]!), frame["data"]);
            }

            seen.Add(type);
        }

        string[] serverMessages = ["hello", "heartbeat", "subscribed", "resumed", "invalid_session", "error", "closing", "agent.state_changed", "call.state_changed", "queue.updated"];
        Assert.Equal(serverMessages.Order(), seen.Order());
    }

    [Fact]
    public void The_schemas_reject_what_the_protocol_forbids()
    {
        var messages = Messages();
        foreach (var (type, bad) in new[]
        {
            ("hello", """{"type":"hello","heartbeat_interval_ms":15000,"resume_window_ms":60000}"""),
            ("call.state_changed", """{"type":"call.state_changed","id":"not-a-uuid","seq":1,"ts":"2026-03-14T09:26:53Z","data":{}}"""),
            ("queue.updated", """{"type":"queue.updated","id":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","seq":0,"ts":"2026-03-14T09:26:53Z","data":{}}"""),
        })
        {
            var options = new Json.Schema.EvaluationOptions { RequireFormatValidation = true };
            Assert.False(Json.Schema.JsonSchema.FromText(messages[type].ToJsonString()).Evaluate(JsonNode.Parse(bad), options).IsValid, bad);
        }
    }

    /// <summary>The payload schema of each message of asyncapi.yaml by its name, with the document's $refs inlined.</summary>
    private static Dictionary<string, JsonNode> Messages()
    {
        var components = AsyncApi.Value["components"]!;
        return components["messages"]!.AsObject().ToDictionary(
            m => (string)m.Value!["name"]!,
            m => Resolve(m.Value!["payload"]!, components["schemas"]!.AsObject()));
    }

    private static JsonNode Resolve(JsonNode node, JsonObject schemas) => node switch
    {
        JsonObject obj when obj["$ref"] is JsonValue reference => Resolve(schemas[((string)reference!).Split('/').Last()]!, schemas),
        JsonObject obj => new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, kv.Value is null ? null : Resolve(kv.Value, schemas)))),
        JsonArray array => new JsonArray(array.Select(item => item is null ? null : Resolve(item, schemas)).ToArray()),
        _ => node.DeepClone(),
    };
}

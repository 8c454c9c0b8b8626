using System.Reflection;
using Ccs.Events;
using YamlDotNet.RepresentationModel;

namespace Ccs.Tests.Events;

/// <summary>asyncapi.yaml is the protocol the SDK speaks; these tests keep the two, and the REST schemas, in step.</summary>
public sealed class AsyncApiTests
{
    private static readonly YamlMappingNode Root = Load("asyncapi.yaml");
    private static readonly YamlMappingNode OpenApi = Load("openapi.yaml");

    [Fact]
    public void It_is_an_asyncapi_3_document_with_the_event_endpoint_and_bearer_auth()
    {
        Assert.StartsWith("3.", Scalar(Root, "asyncapi"), StringComparison.Ordinal);
        var server = Map(Map(Root, "servers"), "production");
        Assert.Equal(("wss", "{ccs_domain}", "/6/v2"), (Scalar(server, "protocol"), Scalar(server, "host"), Scalar(server, "pathname")));
        Assert.Equal("/events", Scalar(Map(Map(Root, "channels"), "events"), "address"));
        Assert.Equal("bearer", Scalar(Map(Map(Map(Root, "components"), "securitySchemes"), "bearer"), "scheme"));
    }

    [Fact]
    public void It_names_every_message_type_and_close_code_the_sdk_knows()
    {
        var names = Map(Map(Root, "components"), "messages").Children.Values.Cast<YamlMappingNode>().Select(m => Scalar(m, "name")).ToHashSet();
        var expected = new[]
        {
            "hello", "heartbeat", "subscribed", "resumed", "invalid_session", "error", "closing",
            "subscribe", "unsubscribe", "resume", "ping",
            AgentStateChanged.EventType, CallStateChanged.EventType, QueueUpdated.EventType,
        };
        Assert.Equal(expected.Order(), names.Order());

        var description = Scalar(Map(Root, "info"), "description");
        foreach (var field in typeof(CcsEventCloseCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            Assert.Contains($"| {field.GetValue(null)} |", description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("AgentState")]
    [InlineData("Call")]
    [InlineData("ACD")]
    public void Event_data_uses_the_rest_schemas_verbatim(string schema)
    {
        var events = Map(Map(Map(Root, "components"), "schemas"), schema);
        var rest = Map(Map(Map(OpenApi, "components"), "schemas"), schema);

        Assert.Equal(Flatten(rest), Flatten(events));
    }

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    private static IEnumerable<string> Flatten(YamlNode node, string path = "")
        => node switch
        {
            YamlMappingNode m => m.Children.SelectMany(c => Flatten(c.Value, path + "/" + ((YamlScalarNode)c.Key).Value)).Order(),
            YamlSequenceNode s => s.Children.SelectMany((c, i) => Flatten(c, path + "/" + i)),
            YamlScalarNode v => new[] { path + "=" + v.Value },
            _ => Array.Empty<string>(),
        };
}

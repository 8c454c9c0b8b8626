using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Ccs.Tests.Spec;

/// <summary>
/// The vendor's contract (openapi.yaml, copied next to the test assembly) read as JSON, with the
/// few facts the stubs and tests need: base path, operations and resolved schemas.
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly Lazy<OpenApiSpec> Loaded = new(() => Load(Path.Combine(AppContext.BaseDirectory, "openapi.yaml")));

    private OpenApiSpec(JsonObject document)
    {
        Document = document;
        var server = (string)document["servers"]![0]!["url"]!;
        BasePath = new Uri(server.Replace("{ccs_domain}", "host", StringComparison.Ordinal)).AbsolutePath.TrimEnd('/');
        Operations = ReadOperations(document);
    }

    public static OpenApiSpec Instance => Loaded.Value;

    public JsonObject Document { get; }

    /// <summary>The path of the server URL template, <c>/6/v2/api</c>.</summary>
    public string BasePath { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public SpecOperation this[string operationId] => Operations.Single(o => o.Id == operationId);

    public static OpenApiSpec Load(string path)
    {
        using var reader = new StreamReader(path);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new OpenApiSpec((JsonObject)ToJson(yaml.Documents[0].RootNode)!);
    }

    /// <summary>Returns the schema with every <c>$ref</c> inlined (the spec has no recursive types).</summary>
    public JsonNode Resolve(JsonNode schema)
    {
        switch (schema)
        {
            case JsonObject obj when obj["$ref"] is JsonValue reference:
                var name = ((string)reference!).Split('/').Last();
                return Resolve(Document["components"]!["schemas"]![name]!);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = value is null ? null : Resolve(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Resolve(item)).ToArray());
            default:
                return schema.DeepClone();
        }
    }

    private List<SpecOperation> ReadOperations(JsonObject document)
    {
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var op = node!.AsObject();
                var responseSchema = op["responses"]?["200"]?["content"]?["application/json"]?["schema"];
                var requestSchema = op["requestBody"]?["content"]?["application/json"]?["schema"];
                var query = op["parameters"]?.AsArray()
                    .Where(p => (string?)p!["in"] == "query")
                    .Select(p => (string)p!["name"]!)
                    .ToArray() ?? [];
                operations.Add(new SpecOperation(
                    (string)op["operationId"]!,
                    new HttpMethod(method.ToUpperInvariant()),
                    path,
                    query,
                    requestSchema is null ? null : Resolve(requestSchema),
                    responseSchema is null ? null : Resolve(responseSchema)));
            }
        }

        return operations;
    }

    /// <summary>A YAML node as JSON (also for asyncapi.yaml).</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    // Only plain (unquoted) scalars are typed; quoted ones like "3.0.3" and "200" stay strings.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return text is "null" or "~" ? null : JsonValue.Create(text);
    }
}

/// <summary>One operation of the contract.</summary>
public sealed record SpecOperation(
    string Id,
    HttpMethod Method,
    string Path,
    IReadOnlyList<string> QueryParameters,
    JsonNode? RequestSchema,
    JsonNode? ResponseSchema)
{
    public override string ToString() => $"{Id} ({Method} {Path})";
}

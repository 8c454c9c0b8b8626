using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Ccs.Tests.Spec;

/// <summary>
/// Builds response bodies that are valid against a schema: real uuids and RFC 3339 date-times where
/// the spec says so, enum members where it lists them. Deterministic, so tests can compare.
/// </summary>
public static class SpecExamples
{
    public static JsonNode Create(JsonNode schema, string name = "value", int index = 0)
    {
        if (schema["enum"] is JsonArray members)
        {
            return members[index % members.Count]!.DeepClone();
        }

        return (string?)schema["type"] switch
        {
            "object" => CreateObject(schema, index),
            "array" => new JsonArray(Enumerable.Range(0, 2).Select(i => Create(schema["items"]!, name, index + i)).ToArray()),
            "integer" => JsonValue.Create(10 + index),
            "number" => JsonValue.Create(1.5 + index),
            "boolean" => JsonValue.Create(index % 2 == 0),
            _ => JsonValue.Create(CreateString((string?)schema["format"], name, index)),
        };
    }

    private static JsonObject CreateObject(JsonNode schema, int index)
    {
        var obj = new JsonObject();
        foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            obj[property] = Create(propertySchema!, property, index);
        }

        return obj;
    }

    private static string CreateString(string? format, string name, int index) => format switch
    {
        "uuid" => DeterministicGuid($"{name}:{index}").ToString(),
        "date-time" => new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.Zero).AddMinutes(index).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ when name.EndsWith("_number", StringComparison.Ordinal) => $"+1555010{index:D4}",
        _ when name.EndsWith("_uuid", StringComparison.Ordinal) => DeterministicGuid($"{name}:{index}").ToString(),
        _ => $"{name}-{index}",
    };

    private static Guid DeterministicGuid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}

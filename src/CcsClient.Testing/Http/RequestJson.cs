using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Reads request bodies strictly, the way the real server validates them: every problem is a 400 naming the field.</summary>
internal static class RequestJson
{
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"The request body is missing or not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw ApiError.BadRequest($"The request body must be a JSON object; it is {document.RootElement.ValueKind}.");
        }
    }

    public static string RequiredString(JsonElement body, string name)
    {
        var value = OptionalString(body, name) ?? throw ApiError.BadRequest($"'{name}' is required.");
        return string.IsNullOrWhiteSpace(value) ? throw ApiError.BadRequest($"'{name}' must not be blank.") : value;
    }

    public static string? OptionalString(JsonElement body, string name)
        => Property(body, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { } value => throw ApiError.BadRequest($"'{name}' must be a string; it is {value.ValueKind}."),
        };

    public static int? OptionalInt(JsonElement body, string name)
        => Property(body, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
            { } value => throw ApiError.BadRequest($"'{name}' must be an integer; it is {value.GetRawText()}."),
        };

    public static IReadOnlyList<string> StringArray(JsonElement body, string name)
        => Property(body, name) switch
        {
            null => [],
            { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String)
                => array.EnumerateArray().Select(item => item.GetString()!).ToList(),
            _ => throw ApiError.BadRequest($"'{name}' must be an array of strings."),
        };

    // A property that is absent or JSON null is "not given".
    private static JsonElement? Property(JsonElement body, string name)
        => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}

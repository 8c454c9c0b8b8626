using System.Text.Json.Nodes;
using Json.Schema;

namespace Ccs.Testing.Tests.Support;

/// <summary>Validates JSON against a schema of openapi.yaml, formats (uuid, date-time) included. Copied from SpecStubTests.AssertValid.</summary>
public static class SchemaAssert
{
    public static void Valid(JsonNode schema, JsonNode? instance)
    {
        var result = JsonSchema.FromText(schema.ToJsonString()).Evaluate(
            instance,
            new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
        Assert.True(
            result.IsValid,
            string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + " in " + instance?.ToJsonString());
    }
}

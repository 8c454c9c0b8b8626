using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Ccs.Models;
using Ccs.Tests.Spec;

namespace Ccs.Testing.Tests.Support;

/// <summary>
/// A valid request for each operation of the contract, with ids from the emulator's data. An
/// operation the contract gains without a body example here makes the spec-driven tests fail.
/// </summary>
public static class SpecRequests
{
    public static readonly IReadOnlyDictionary<string, string> ExampleBodies = new Dictionary<string, string>
    {
        ["updateTenantProducts"] = """{"add":["ccs-sms"],"remove":["ccs-wfm"]}""",
        ["updateTenantLimits"] = """{"max_agents":40,"max_calls":80,"sms_limit":2000}""",
        ["updateTenantExtension"] = """{"name":"Renamed Agent"}""",
        ["controlCall"] = """{"action":"startSuppression"}""",
        ["updateAgentState"] = """{"state":"On Break","reason":"Coffee"}""",
    }.ToFrozenDictionary();

    /// <summary>The path (below the base path) and body of a valid request for <paramref name="operation"/>.</summary>
    public static (string Path, string? Body) For(CcsEmulator emulator, SpecOperation operation)
    {
        var tenant = emulator.State.Tenants[0];
        var extension = emulator.State.Extensions.First(e => e.TenantId == tenant.Id);
        var call = emulator.FirstCall(CallState.Queued);
        var path = operation.Path
            .Replace("{tenantUuid}", tenant.Id.ToString(), StringComparison.Ordinal)
            .Replace("{extensionUuid}", extension.Id.ToString(), StringComparison.Ordinal)
            .Replace("{callId}", call.Id, StringComparison.Ordinal);
        Assert.False(path.Contains('{', StringComparison.Ordinal), $"{operation}: no test value for a path parameter of {path}");
        if (operation.Id == "searchCalls")
        {
            path += "?called_number=" + Uri.EscapeDataString(call.CalledNumber);
        }

        if (operation.RequestSchema is null)
        {
            return (path, null);
        }

        Assert.True(ExampleBodies.TryGetValue(operation.Id, out var body), $"{operation} has a request body: add an example to SpecRequests.ExampleBodies");
        SchemaAssert.Valid(operation.RequestSchema, JsonNode.Parse(body));
        return (path, body);
    }
}

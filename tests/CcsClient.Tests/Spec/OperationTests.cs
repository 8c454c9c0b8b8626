using System.Text.Json;
using System.Text.Json.Nodes;
using Ccs.Models;
using Ccs.Tests.Support;

namespace Ccs.Tests.Spec;

/// <summary>Every operation through the facade against the spec stubs: the request on the wire and the typed result.</summary>
public class OperationTests : IClassFixture<SpecStubServer>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly SpecStubServer _stubs;

    public OperationTests(SpecStubServer stubs) => _stubs = stubs;

    public static TheoryData<string> OperationIds => [.. FacadeCalls.All.Keys];

    [Fact]
    public void Every_operation_in_openapi_yaml_has_a_facade_call()
    {
        var specIds = _stubs.Spec.Operations.Select(o => o.Id).Order().ToArray();
        var missing = specIds.Except(FacadeCalls.All.Keys).ToArray();
        Assert.True(missing.Length == 0, $"Operations of openapi.yaml with no facade method exercised by a test: {string.Join(", ", missing)}");
        Assert.Equal(specIds, FacadeCalls.All.Keys.Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_operation_sends_what_the_spec_says_and_returns_the_typed_result(string operationId)
    {
        var operation = _stubs.Spec[operationId];
        var expected = FacadeCalls.All[operationId];
        using var ccs = new CcsClient(new CcsClientOptions { BaseUri = _stubs.BaseUri, AccessToken = TestClients.Token });

        var result = await expected.Invoke(ccs);

        var entry = Assert.Single(_stubs.RequestsFor(operationId), e => e.RequestMessage.Path == _stubs.Spec.BasePath + expected.Path);
        var request = entry.RequestMessage;
        Assert.Equal(operation.Method.Method, request.Method);
        Assert.Equal($"Bearer {TestClients.Token}", Assert.Single(request.Headers!["Authorization"]));

        var query = request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>();
        Assert.Equal((expected.Query ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key), query.ToDictionary(kv => kv.Key, kv => kv.Value.Single()).OrderBy(kv => kv.Key));
        Assert.All(query.Keys, name => Assert.Contains(name, operation.QueryParameters));

        if (expected.Body is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"unexpected body {request.Body}");
        }
        else
        {
            Assert.StartsWith("application/json", Assert.Single(request.Headers!["Content-Type"]), StringComparison.Ordinal);
            var sent = JsonNode.Parse(request.Body!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.Body), sent), $"sent {request.Body}");
            SpecStubTests.AssertValid(operation.RequestSchema!, sent);
        }

        var stubBody = _stubs.ResponseFor(operationId);
        if (stubBody is null)
        {
            Assert.Null(result);
        }
        else
        {
            // The typed result, written back with the wire names, holds exactly what the server sent.
            AssertSameJson(stubBody, JsonSerializer.SerializeToNode(result, result!.GetType(), Web));
        }
    }

    [Theory]
    [InlineData("StartSuppressionAsync", "startSuppression")]
    [InlineData("StopSuppressionAsync", "stopSuppression")]
    [InlineData("KillAsync", "kill")]
    [InlineData("WaitTransferAsync", "wait_transfer")]
    [InlineData("WaitRedirectAsync", "wait_redirect")]
    [InlineData("WaitKillAsync", "wait_kill")]
    public async Task Each_named_call_action_sends_its_spec_value(string method, string action)
    {
        using var ccs = new CcsClient(new CcsClientOptions { BaseUri = _stubs.BaseUri, AccessToken = TestClients.Token });
        var callId = $"call-{action}";
        Func<string, CancellationToken, Task> invoke = method switch
        {
            "StartSuppressionAsync" => ccs.Calls.StartSuppressionAsync,
            "StopSuppressionAsync" => ccs.Calls.StopSuppressionAsync,
            "KillAsync" => ccs.Calls.KillAsync,
            "WaitTransferAsync" => ccs.Calls.WaitTransferAsync,
            "WaitRedirectAsync" => ccs.Calls.WaitRedirectAsync,
            _ => ccs.Calls.WaitKillAsync,
        };

        await invoke(callId, CancellationToken.None);

        var request = Assert.Single(_stubs.RequestsFor("controlCall"), e => e.RequestMessage.Path.EndsWith(callId, StringComparison.Ordinal)).RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal($$"""{"action":"{{action}}"}""", request.Body);
        Assert.Contains(action, _stubs.Spec["controlCall"].RequestSchema!["properties"]!["action"]!["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task Typed_results_use_guids_date_times_and_extensible_enums()
    {
        using var ccs = new CcsClient(new CcsClientOptions { BaseUri = _stubs.BaseUri, AccessToken = TestClients.Token });

        var tenant = await ccs.Tenants.GetAsync(FacadeCalls.TenantId);
        var stubTenant = _stubs.ResponseFor("getTenant")!;
        Assert.Equal(Guid.Parse((string)stubTenant["uuid"]!), tenant.Id);
        Assert.Equal(new TenantStatus((string)stubTenant["status"]!), tenant.Status);

        var call = (await ccs.Calls.ListAsync())[1];
        var stubCall = _stubs.ResponseFor("listCalls")![1]!;
        Assert.Equal(DateTimeOffset.Parse((string)stubCall["started_at"]!, System.Globalization.CultureInfo.InvariantCulture), call.StartedAt);
        Assert.Equal(new CallState((string)stubCall["state"]!), call.State);
        Assert.Equal((string?)stubCall["calling_number"], call.CallingNumber);

        var roles = await ccs.Roles.ListAsync();
        Assert.Equal(RoleName.Api, roles[0].Name);
    }

    private static void AssertSameJson(JsonNode expected, JsonNode? actual)
    {
        Assert.True(SameJson(expected, actual), $"expected {expected.ToJsonString()} but the typed result was {actual?.ToJsonString()}");
    }

    private static bool SameJson(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.Count == a.Count(kv => kv.Value is not null) && e.All(kv => SameJson(kv.Value, a[kv.Key])),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(p => SameJson(p.First, p.Second)),
        (JsonValue e, JsonValue a) when e.TryGetValue<string>(out var es) && a.TryGetValue<string>(out var @as) =>
            es == @as || (DateTimeOffset.TryParse(es, out var ed) && DateTimeOffset.TryParse(@as, out var ad) && ed == ad),
        _ => JsonNode.DeepEquals(expected, actual),
    };
}

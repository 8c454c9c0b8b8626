using System.Net;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Ccs.Tests.Spec;

/// <summary>The stubs themselves honour the contract, so tests against them mean something.</summary>
public class SpecStubTests : IClassFixture<SpecStubServer>
{
    private readonly SpecStubServer _stubs;

    public SpecStubTests(SpecStubServer stubs) => _stubs = stubs;

    public static TheoryData<string> OperationIds => [.. OpenApiSpec.Instance.Operations.Select(o => o.Id)];

    [Fact]
    public void The_spec_has_the_19_operations_the_facade_covers_today()
        => Assert.Equal(19, _stubs.Spec.Operations.Count);

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_stub_answers_at_the_spec_path_with_a_schema_valid_body(string operationId)
    {
        var operation = _stubs.Spec[operationId];
        var path = operation.Path.Replace("{tenantUuid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{extensionUuid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{callId}", "call-1", StringComparison.Ordinal);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(operation.Method, _stubs.BaseUri + path);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if (operation.ResponseSchema is null)
        {
            Assert.Equal(string.Empty, text);
            return;
        }

        AssertValid(operation.ResponseSchema, JsonNode.Parse(text));
    }

    [Theory]
    [InlineData("/products")]
    [InlineData("/roles")]
    [InlineData("/tenants/")]
    public async Task Stubs_keep_the_exact_trailing_slashes_of_the_spec(string wrongPath)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(_stubs.BaseUri + wrongPath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stubs_live_under_the_spec_base_path_only()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_stubs.BaseUri, "/tenants"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Generated_uuid_and_date_time_values_are_real_ones()
    {
        var tenant = _stubs.ResponseFor("getTenant")!;
        Assert.True(Guid.TryParse((string?)tenant["uuid"], out _));
        var count = _stubs.ResponseFor("getTextMessageCount")!;
        Assert.True(DateTimeOffset.TryParse((string?)count["period_start"], out _));
    }

    [Theory]
    [InlineData("""{"uuid":"example-string"}""")]
    [InlineData("""{"status":"deleted"}""")]
    [InlineData("""{"max_agents":"ten"}""")]
    public void The_schema_check_rejects_what_the_contract_forbids(string tenant)
    {
        var schema = _stubs.Spec["getTenant"].ResponseSchema!;
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertValid(schema, JsonNode.Parse(tenant)));
    }

    internal static void AssertValid(JsonNode schema, JsonNode? instance)
    {
        var result = JsonSchema.FromText(schema.ToJsonString()).Evaluate(
            instance,
            new EvaluationOptions { RequireFormatValidation = true, OutputFormat = OutputFormat.List });
        Assert.True(
            result.IsValid,
            string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))) + " in " + instance?.ToJsonString());
    }
}

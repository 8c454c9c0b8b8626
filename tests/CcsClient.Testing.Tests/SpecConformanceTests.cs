using System.Net;
using System.Text.Json.Nodes;
using Ccs.Testing.Tests.Support;
using Ccs.Tests.Spec;

namespace Ccs.Testing.Tests;

/// <summary>The emulator serves exactly the contract: its operations, paths and schemas.</summary>
public class SpecConformanceTests
{
    public static TheoryData<string> OperationIds => [.. OpenApiSpec.Instance.Operations.Select(o => o.Id)];

    [Fact]
    public async Task The_emulator_serves_exactly_the_operations_of_the_spec()
    {
        await using var emulator = await Emulators.StartAsync();
        var served = emulator.Operations.Select(o => $"{o.Id} {o.Method} {o.Path}").Order();
        var specified = OpenApiSpec.Instance.Operations.Select(o => $"{o.Id} {o.Method} {o.Path}").Order();
        Assert.Equal(specified, served);
        Assert.Equal("/6/v2/api", emulator.BaseUri.AbsolutePath);
        Assert.Equal(OpenApiSpec.Instance.BasePath, emulator.BaseUri.AbsolutePath);
        Assert.Equal("127.0.0.1", emulator.BaseUri.Host);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Each_operation_answers_200_with_a_body_valid_against_the_spec(string operationId)
    {
        var operation = OpenApiSpec.Instance[operationId];
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        var (path, body) = SpecRequests.For(emulator, operation);

        using var response = await http.SendAsync(operation.Method.Method, path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation}: {(int)response.StatusCode} {text}");
        Assert.Equal(operationId, emulator.Requests.Single().OperationId);
        if (operation.ResponseSchema is null)
        {
            Assert.Equal(string.Empty, text);
            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(text);
        if (json is JsonArray array)
        {
            Assert.NotEmpty(array); // an empty array would validate against anything
        }

        SchemaAssert.Valid(operation.ResponseSchema, json);
    }

    [Theory]
    [InlineData("/products")]
    [InlineData("/roles")]
    [InlineData("/tenants/")]
    [InlineData("/calls/")]
    public async Task Paths_keep_the_exact_trailing_slashes_of_the_spec(string wrongPath)
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        using var response = await http.SendAsync("GET", wrongPath);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(emulator.Requests.Single().OperationId);
    }

    [Fact]
    public async Task Operations_live_under_the_spec_base_path_only()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        using var response = await http.GetAsync(new Uri(emulator.BaseUri, "/tenants"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_method_the_spec_does_not_define_for_a_path_is_405()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        using var response = await http.SendAsync("DELETE", "/tenants");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

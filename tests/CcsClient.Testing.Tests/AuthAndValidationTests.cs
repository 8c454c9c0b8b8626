using System.Net;
using System.Text.Json.Nodes;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Ccs.Tests.Spec;

namespace Ccs.Testing.Tests;

/// <summary>The emulator requires its token and refuses bad input the way a real server would.</summary>
public class AuthAndValidationTests
{
    private const string Unknown = "0b7c6a0e-2b1e-4c57-9d47-5d4f3f1f8e21";

    public static TheoryData<string> OperationIds => [.. OpenApiSpec.Instance.Operations.Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Every_operation_is_401_without_a_token_or_with_a_wrong_one(string operationId)
    {
        var operation = OpenApiSpec.Instance[operationId];
        await using var emulator = await Emulators.StartAsync();
        var (path, body) = SpecRequests.For(emulator, operation);
        var stateBefore = Snapshot(emulator);

        foreach (var token in new[] { null, "wrong-token", emulator.AccessToken + "x" })
        {
            using var http = Emulators.Raw(emulator, token);
            using var response = await http.SendAsync(operation.Method.Method, path, body);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(stateBefore, Snapshot(emulator));
    }

    [Fact]
    public async Task The_sdk_with_a_wrong_token_gets_a_CcsAuthenticationException()
    {
        await using var emulator = await CcsEmulator.StartAsync(new CcsEmulatorOptions { AccessToken = "configured-token" });
        Assert.Equal("configured-token", emulator.AccessToken);
        var options = emulator.CreateClientOptions();
        options.AccessToken = "another-token";
        using var ccs = new CcsClient(options);

        var error = await Assert.ThrowsAsync<CcsAuthenticationException>(() => ccs.Tenants.ListAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        // One refresh and one replay (the fixed token comes back the same), then the 401 stands.
        Assert.Equal(2, emulator.Requests.Count);
        Assert.All(emulator.Requests, r => Assert.Equal("Bearer another-token", r.Headers["Authorization"]));
    }

    [Theory]
    [InlineData("GET", "/tenants/not-a-uuid")]
    [InlineData("GET", "/tenants/12345/acds")]
    [InlineData("PUT", "/tenants/{tenant}/extensions/42", """{"name":"x"}""")]
    [InlineData("GET", "/extensions/not-a-uuid/agent-state")]
    public async Task A_malformed_uuid_is_400(string method, string path, string? body = null)
        => await AssertRefusedAsync(HttpStatusCode.BadRequest, method, path, body);

    [Theory]
    [InlineData("GET", "/tenants/" + Unknown)]
    [InlineData("PUT", "/tenants/" + Unknown, """{"max_agents":1}""")]
    [InlineData("POST", "/tenants/" + Unknown, """{"add":["ccs-sms"]}""")]
    [InlineData("GET", "/tenants/" + Unknown + "/roles")]
    [InlineData("GET", "/tenants/" + Unknown + "/acds")]
    [InlineData("GET", "/tenants/" + Unknown + "/presence-options")]
    [InlineData("GET", "/tenants/" + Unknown + "/extensions")]
    [InlineData("GET", "/tenants/" + Unknown + "/text-count")]
    [InlineData("POST", "/tenants/" + Unknown + "/text-count")]
    [InlineData("PUT", "/tenants/{tenant}/extensions/" + Unknown, """{"name":"x"}""")]
    [InlineData("PUT", "/tenants/{tenant}/extensions/{foreign-extension}", """{"name":"x"}""")]
    [InlineData("GET", "/extensions/" + Unknown + "/agent-state")]
    [InlineData("GET", "/calls/no-such-call")]
    [InlineData("POST", "/calls/no-such-call", """{"action":"kill"}""")]
    public async Task An_unknown_tenant_extension_or_call_is_404(string method, string path, string? body = null)
        => await AssertRefusedAsync(HttpStatusCode.NotFound, method, path, body);

    [Theory]
    [InlineData("POST", "/calls/{call}", """{"action":"park"}""")]
    [InlineData("POST", "/calls/{call}", """{"action":"KILL"}""")]
    [InlineData("POST", "/calls/{call}", "{}")]
    [InlineData("POST", "/calls/{call}", """{"action":null}""")]
    [InlineData("POST", "/calls/{call}", """{"action":7}""")]
    [InlineData("POST", "/calls/{call}", """{"action":"kill" """)]
    [InlineData("POST", "/calls/{call}", "")]
    [InlineData("POST", "/calls/{call}", """["kill"]""")]
    [InlineData("POST", "/agent-state", "{}")]
    [InlineData("POST", "/agent-state", """{"state":"  "}""")]
    [InlineData("POST", "/agent-state", """{"state":"Available","reason":5}""")]
    [InlineData("POST", "/agent-state", "not json")]
    [InlineData("PUT", "/tenants/{tenant}", """{"max_agents":-1}""")]
    [InlineData("PUT", "/tenants/{tenant}", """{"max_calls":-5}""")]
    [InlineData("PUT", "/tenants/{tenant}", """{"sms_limit":-1}""")]
    [InlineData("PUT", "/tenants/{tenant}", """{"max_agents":"ten"}""")]
    [InlineData("PUT", "/tenants/{tenant}", """{"max_agents":1.5}""")]
    [InlineData("PUT", "/tenants/{tenant}", "")]
    [InlineData("POST", "/tenants/{tenant}", """{"add":["no-such-product"]}""")]
    [InlineData("POST", "/tenants/{tenant}", """{"add":"ccs-sms"}""")]
    [InlineData("POST", "/tenants/{tenant}", """{"add":["ccs-sms"],"remove":["ccs-sms"]}""")]
    [InlineData("PUT", "/tenants/{tenant}/extensions/{extension}", """{"name":" "}""")]
    [InlineData("PUT", "/tenants/{tenant}/extensions/{extension}", """{"role":"Janitor"}""")]
    [InlineData("GET", "/calls/filter?from_datetime=yesterday")]
    [InlineData("GET", "/calls/filter?from_datetime=2026-03-14T10:00:00Z&to_datetime=2026-03-14T09:00:00Z")]
    [InlineData("GET", "/calls/filter?time_z=Mars/Olympus_Mons")]
    public async Task Bad_input_is_400_and_changes_nothing(string method, string path, string? body = null)
        => await AssertRefusedAsync(HttpStatusCode.BadRequest, method, path, body);

    [Fact]
    public async Task Search_reads_date_times_without_an_offset_in_the_given_time_zone()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        var call = emulator.State.Calls[0];
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(call.StartedAt, newYork).DateTime;
        string Query(DateTime from, DateTime to) => $"/calls/filter?calling_number={Uri.EscapeDataString(call.CallingNumber)}&time_z=America/New_York"
            + $"&from_datetime={from:yyyy-MM-ddTHH:mm:ss}&to_datetime={to:yyyy-MM-ddTHH:mm:ss}";

        var inside = JsonNode.Parse(await (await http.SendAsync("GET", Query(local.AddSeconds(-1), local.AddSeconds(1)))).Content.ReadAsStringAsync())!.AsArray();
        var utcReading = JsonNode.Parse(await (await http.SendAsync("GET", Query(call.StartedAt.UtcDateTime.AddSeconds(-1), call.StartedAt.UtcDateTime.AddSeconds(1)).Replace("&time_z=America/New_York", string.Empty, StringComparison.Ordinal))).Content.ReadAsStringAsync())!.AsArray();
        var wrongZone = JsonNode.Parse(await (await http.SendAsync("GET", Query(call.StartedAt.UtcDateTime.AddSeconds(-1), call.StartedAt.UtcDateTime.AddSeconds(1)))).Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(call.Id, (string?)inside.Single()!["id"]);
        Assert.Equal(call.Id, (string?)utcReading.Single()!["id"]);
        Assert.Empty(wrongZone);
    }

    [Fact]
    public async Task Refusals_carry_a_json_error_body()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        using var response = await http.SendAsync("GET", "/tenants/" + Unknown);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("not_found", (string?)body["error"]);
        Assert.Contains(Unknown, (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdk_sees_404_as_CcsNotFoundException_and_400_as_CcsApiException()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        await Assert.ThrowsAsync<CcsNotFoundException>(() => ccs.Tenants.GetAsync(Guid.Parse(Unknown)));
        await Assert.ThrowsAsync<CcsNotFoundException>(() => ccs.Calls.GetAsync("no-such-call"));
        var error = await Assert.ThrowsAsync<CcsApiException>(() => ccs.Calls.ControlAsync(emulator.State.Calls[0].Id, new CallAction("park")));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpStatusCode expected, string method, string path, string? body)
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator);
        var tenant = emulator.State.Tenants[0];
        path = path
            .Replace("{tenant}", tenant.Id.ToString(), StringComparison.Ordinal)
            .Replace("{extension}", emulator.State.Extensions.First(e => e.TenantId == tenant.Id).Id.ToString(), StringComparison.Ordinal)
            .Replace("{foreign-extension}", emulator.State.Extensions.First(e => e.TenantId != tenant.Id).Id.ToString(), StringComparison.Ordinal)
            .Replace("{call}", emulator.FirstCall(CallState.Connected).Id, StringComparison.Ordinal);
        var before = Snapshot(emulator);

        using var response = await http.SendAsync(method, path, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path} {body}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(text)!["message"]));
        Assert.Equal(before, Snapshot(emulator));
    }

    // Everything a request could change, as comparable text.
    private static string Snapshot(CcsEmulator emulator)
        => string.Join(
            "\n",
            emulator.State.Tenants.Select(t => $"{t with { ProductIds = [], RoleIds = [] }} {string.Join(",", t.ProductIds)}")
                .Concat(emulator.State.Extensions.Select(e => $"{e with { AcdIds = [] }}"))
                .Concat(emulator.State.Calls.Select(c => c.ToString()))
                .Concat(emulator.State.AgentStates.Select(a => a.ToString()))
                .Concat(emulator.State.TextCounts.Select(c => c.ToString())));
}

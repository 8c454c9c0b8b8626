using Ccs.Models;
using Ccs.Tests.Support;

namespace Ccs.Tests;

/// <summary>Values and fields a newer server sends survive the facade instead of being dropped or failing.</summary>
public class ForwardCompatibilityTests
{
    private static async Task<Call> GetCall(string json)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json(json));
        using var ccs = TestClients.Over(handler);
        return await ccs.Calls.GetAsync("c1");
    }

    [Fact]
    public async Task Unknown_call_state_is_kept()
    {
        var call = await GetCall("""{"id":"c1","state":"parked"}""");

        Assert.NotNull(call.State);
        Assert.Equal("parked", call.State.ToString());
        Assert.True(call.State != CallState.Connected);
        Assert.True(new CallState("parked") == call.State);
    }

    [Theory]
    [InlineData("connected")]
    [InlineData("Connected")]
    [InlineData("CONNECTED")]
    public async Task Known_call_state_compares_equal_to_its_static_member(string wire)
    {
        var call = await GetCall($$"""{"id":"c1","state":"{{wire}}"}""");

        Assert.Equal(CallState.Connected, call.State);
        Assert.True(call.State == CallState.Connected);
    }

    [Fact]
    public void Extensible_enums_compare_case_insensitively()
    {
        Assert.True(new CallState("CONNECTED") == CallState.Connected);
        Assert.Equal(CallState.Connected.GetHashCode(), new CallState("CONNECTED").GetHashCode());
        Assert.True(new TenantStatus("Active") == TenantStatus.Active);
        Assert.True(new RoleName("call control") == RoleName.CallControl);
        Assert.True(new CallAction("KILL") == CallAction.Kill);
        Assert.False(new CallState("parked") == CallState.Held);
    }

    [Fact]
    public async Task Unknown_role_name_is_kept()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""[{"id":"r1","name":"Supervisor"},{"id":"r2","name":"API"}]"""));
        using var ccs = TestClients.Over(handler);

        var roles = await ccs.Roles.ListAsync();

        Assert.Equal(2, roles.Count);
        Assert.Equal("Supervisor", roles[0].Name.ToString());
        Assert.Equal(new RoleName("Supervisor"), roles[0].Name);
        Assert.Equal(RoleName.Api, roles[1].Name);
    }

    [Fact]
    public async Task Unknown_tenant_status_is_kept()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"uuid":"8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e","name":"Acme","status":"archived"}"""));
        using var ccs = TestClients.Over(handler);

        var tenant = await ccs.Tenants.GetAsync(Guid.Parse("8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e"));

        Assert.Equal("archived", tenant.Status.ToString());
        Assert.Equal(new TenantStatus("archived"), tenant.Status);
        Assert.NotEqual(TenantStatus.Active, tenant.Status);
    }

    [Fact]
    public async Task Unknown_call_action_is_sent_verbatim()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        using var ccs = TestClients.Over(handler);

        await ccs.Calls.ControlAsync("c1", new CallAction("park"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://ccs.test/6/v2/api/calls/c1", request.Uri.AbsoluteUri);
        Assert.Equal("""{"action":"park"}""", request.Body);
    }

    [Fact]
    public async Task Unknown_properties_land_in_additional_properties()
    {
        var call = await GetCall("""{"id":"c1","state":"queued","queue_position":3,"tags":["vip"]}""");

        Assert.Equal("c1", call.Id);
        Assert.Equal(CallState.Queued, call.State);
        Assert.NotNull(call.AdditionalProperties);
        Assert.Equal(3, call.AdditionalProperties["queue_position"].GetInt32());
        Assert.Equal("vip", call.AdditionalProperties["tags"][0].GetString());
        Assert.DoesNotContain("id", call.AdditionalProperties.Keys);
    }

    [Fact]
    public async Task Null_or_missing_state_is_null_not_an_error()
    {
        Assert.Null((await GetCall("""{"id":"c1","state":null}""")).State);
        Assert.Null((await GetCall("""{"id":"c1"}""")).State);
    }

    /// <summary>
    /// Documents why the facade exists: the Kiota-generated client maps enum values it does not know to
    /// null. If this starts failing, Kiota changed how it reads enums and the escape hatch's docs need updating.
    /// </summary>
    [Fact]
    public async Task Generated_client_drops_unknown_call_state()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""{"id":"c1","state":"parked"}"""));
        using var ccs = TestClients.Over(handler);

        var call = await ccs.GeneratedClient.Calls["c1"].GetAsync();

        Assert.NotNull(call);
        Assert.Equal("c1", call.Id);
        Assert.Null(call.State);
    }
}

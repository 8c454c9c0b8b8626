using Ccs.Models;
using Ccs.Tests.Support;

namespace Ccs.Tests;

/// <summary>Invalid arguments fail before anything is sent, with an exception that names the parameter.</summary>
public class ArgumentValidationTests
{
    private static readonly Guid Id = Guid.Parse("8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e");

    private static async Task<ArgumentException> AssertRejected(Func<CcsClient, Task> call, string paramName)
    {
        var handler = new RecordingHandler();
        using var ccs = TestClients.Over(handler);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(ccs));

        Assert.Equal(paramName, ex.ParamName);
        Assert.Empty(handler.Requests);
        return ex;
    }

    private static readonly Dictionary<string, (Func<CcsClient, Task> Call, string Param)> EmptyGuidCalls = new()
    {
        ["Tenants.GetAsync"] = (c => c.Tenants.GetAsync(Guid.Empty), "tenantId"),
        ["Tenants.UpdateProductsAsync"] = (c => c.Tenants.UpdateProductsAsync(Guid.Empty, new TenantProductsUpdate { Add = ["p1"] }), "tenantId"),
        ["Tenants.UpdateLimitsAsync"] = (c => c.Tenants.UpdateLimitsAsync(Guid.Empty, new TenantLimitsUpdate { MaxAgents = 1 }), "tenantId"),
        ["Tenants.ListRolesAsync"] = (c => c.Tenants.ListRolesAsync(Guid.Empty), "tenantId"),
        ["Tenants.ListAcdsAsync"] = (c => c.Tenants.ListAcdsAsync(Guid.Empty), "tenantId"),
        ["Tenants.ListPresenceOptionsAsync"] = (c => c.Tenants.ListPresenceOptionsAsync(Guid.Empty), "tenantId"),
        ["Tenants.GetTextCountAsync"] = (c => c.Tenants.GetTextCountAsync(Guid.Empty), "tenantId"),
        ["Tenants.ResetTextCountAsync"] = (c => c.Tenants.ResetTextCountAsync(Guid.Empty), "tenantId"),
        ["Extensions.ListAsync"] = (c => c.Extensions.ListAsync(Guid.Empty), "tenantId"),
        ["Extensions.UpdateAsync(tenant)"] = (c => c.Extensions.UpdateAsync(Guid.Empty, Id, new ExtensionUpdate { Name = "n" }), "tenantId"),
        ["Extensions.UpdateAsync(extension)"] = (c => c.Extensions.UpdateAsync(Id, Guid.Empty, new ExtensionUpdate { Name = "n" }), "extensionId"),
        ["Agents.GetStateAsync"] = (c => c.Agents.GetStateAsync(Guid.Empty), "extensionId"),
    };

    public static TheoryData<string> EmptyGuidCases => [.. EmptyGuidCalls.Keys];

    [Theory]
    [MemberData(nameof(EmptyGuidCases))]
    public async Task Empty_guid_ids_are_rejected(string method)
    {
        var (call, param) = EmptyGuidCalls[method];
        await AssertRejected(call, param);
    }

    private static readonly Dictionary<string, Func<CcsClient, string, Task>> CallIdCalls = new()
    {
        ["GetAsync"] = (c, id) => c.Calls.GetAsync(id),
        ["ControlAsync"] = (c, id) => c.Calls.ControlAsync(id, CallAction.Kill),
        ["KillAsync"] = (c, id) => c.Calls.KillAsync(id),
        ["StartSuppressionAsync"] = (c, id) => c.Calls.StartSuppressionAsync(id),
        ["StopSuppressionAsync"] = (c, id) => c.Calls.StopSuppressionAsync(id),
        ["WaitTransferAsync"] = (c, id) => c.Calls.WaitTransferAsync(id),
        ["WaitRedirectAsync"] = (c, id) => c.Calls.WaitRedirectAsync(id),
        ["WaitKillAsync"] = (c, id) => c.Calls.WaitKillAsync(id),
    };

    public static TheoryData<string, string?> BlankCallIdCases
    {
        get
        {
            var data = new TheoryData<string, string?>();
            foreach (var method in CallIdCalls.Keys)
            {
                foreach (var id in new[] { null, "", "   ", "\t\n" })
                {
                    data.Add(method, id);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BlankCallIdCases))]
    public async Task Blank_call_ids_are_rejected(string method, string? callId)
    {
        var ex = await AssertRejected(c => CallIdCalls[method](c, callId!), "callId");

        if (callId is null)
        {
            Assert.IsType<ArgumentNullException>(ex);
        }
    }

    [Fact]
    public async Task Default_call_action_is_rejected()
        => await AssertRejected(c => c.Calls.ControlAsync("c1", default), "action");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_agent_state_is_rejected(string? state)
        => await AssertRejected(c => c.Agents.SetStateAsync(state!, "reason"), "state");

    [Fact]
    public async Task Null_product_update_is_rejected()
        => Assert.IsType<ArgumentNullException>(await AssertRejected(c => c.Tenants.UpdateProductsAsync(Id, null!), "update"));

    [Fact]
    public async Task Null_limits_update_is_rejected()
        => Assert.IsType<ArgumentNullException>(await AssertRejected(c => c.Tenants.UpdateLimitsAsync(Id, null!), "limits"));

    [Fact]
    public async Task Null_extension_update_is_rejected()
        => Assert.IsType<ArgumentNullException>(await AssertRejected(c => c.Extensions.UpdateAsync(Id, Id, null!), "update"));

    [Fact]
    public async Task Null_search_criteria_is_rejected()
        => Assert.IsType<ArgumentNullException>(await AssertRejected(c => c.Calls.SearchAsync(null!), "criteria"));

    public static TheoryData<string> NegativeLimitCases => ["MaxAgents", "MaxCalls", "SmsLimit"];

    [Theory]
    [MemberData(nameof(NegativeLimitCases))]
    public async Task Negative_limits_are_rejected(string limit)
    {
        var update = limit switch
        {
            "MaxAgents" => new TenantLimitsUpdate { MaxAgents = -1, MaxCalls = 10 },
            "MaxCalls" => new TenantLimitsUpdate { MaxAgents = 10, MaxCalls = -1 },
            _ => new TenantLimitsUpdate { SmsLimit = -5 },
        };

        var ex = await AssertRejected(c => c.Tenants.UpdateLimitsAsync(Id, update), "limits");

        Assert.IsType<ArgumentOutOfRangeException>(ex);
        Assert.Contains(limit, ex.Message);
    }

    [Fact]
    public async Task Zero_limits_are_allowed_and_sent()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        using var ccs = TestClients.Over(handler);

        await ccs.Tenants.UpdateLimitsAsync(Id, new TenantLimitsUpdate { MaxAgents = 0, MaxCalls = 0, SmsLimit = 0 });

        Assert.Equal("""{"max_agents":0,"max_calls":0,"sms_limit":0}""", Assert.Single(handler.Requests).Body);
    }

    public static TheoryData<string> BlankProductIdCases => ["add-empty", "add-blank", "add-null", "remove-empty", "remove-blank", "remove-null"];

    [Theory]
    [MemberData(nameof(BlankProductIdCases))]
    public async Task Blank_product_ids_are_rejected(string scenario)
    {
        string[] ids = scenario.Split('-')[1] switch
        {
            "empty" => ["p1", ""],
            "blank" => ["  "],
            _ => ["p1", null!],
        };
        var update = scenario.StartsWith("add", StringComparison.Ordinal)
            ? new TenantProductsUpdate { Add = ids }
            : new TenantProductsUpdate { Remove = ids };

        await AssertRejected(c => c.Tenants.UpdateProductsAsync(Id, update), "update");
    }

    [Fact]
    public async Task Search_range_that_ends_before_it_starts_is_rejected()
    {
        var criteria = new CallSearchCriteria
        {
            From = new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
        };

        await AssertRejected(c => c.Calls.SearchAsync(criteria), "criteria");
    }
}

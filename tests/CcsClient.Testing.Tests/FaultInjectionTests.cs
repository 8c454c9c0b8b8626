using System.Diagnostics;
using System.Net;
using Ccs.Models;
using Ccs.Testing.Tests.Support;

namespace Ccs.Testing.Tests;

/// <summary>Faults injected from C# reach the SDK as the typed errors it documents, and are recorded.</summary>
public class FaultInjectionTests
{
    [Fact]
    public async Task FailNext_fails_that_many_requests_with_the_status_then_the_emulator_recovers()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.FailNext(2, 503);

        var first = await Assert.ThrowsAsync<CcsServerException>(() => ccs.Tenants.ListAsync());
        var second = await Assert.ThrowsAsync<CcsServerException>(() => ccs.Calls.ListAsync());
        var tenants = await ccs.Tenants.ListAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal("listCalls", second.OperationId);
        Assert.Null(first.RetryAfter);
        Assert.Contains("injected_fault", first.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(emulator.State.Tenants.Count, tenants.Count);
        Assert.Equal(["listTenants", "listCalls", "listTenants"], emulator.Requests.Select(r => r.OperationId));
    }

    [Fact]
    public async Task A_429_with_retry_after_reaches_the_sdk_as_CcsRateLimitException_with_RetryAfter()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromMilliseconds(1500));

        var error = await Assert.ThrowsAsync<CcsRateLimitException>(() => ccs.Products.ListAsync());

        Assert.Equal(TimeSpan.FromSeconds(2), error.RetryAfter); // whole seconds, rounded up
    }

    [Fact]
    public async Task FailNext_for_an_operation_id_leaves_other_operations_alone()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        var callId = emulator.FirstCall(CallState.Connected).Id;
        emulator.Faults.FailNext(1, 500, operationId: "controlCall");

        await ccs.Tenants.ListAsync();
        await ccs.Calls.GetAsync(callId);
        var error = await Assert.ThrowsAsync<CcsServerException>(() => ccs.Calls.KillAsync(callId));
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(CallState.Connected, emulator.State.GetCall(callId).State); // the failed request was not applied

        await ccs.Calls.KillAsync(callId);
        Assert.Equal(CallState.Completed, emulator.State.GetCall(callId).State);
    }

    [Fact]
    public async Task Injected_faults_come_before_authentication()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = Emulators.Raw(emulator, token: null);
        emulator.Faults.FailNext(1, 502);

        using var failed = await http.SendAsync("GET", "/tenants");
        using var unauthorized = await http.SendAsync("GET", "/tenants");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Fact]
    public async Task Latency_delays_responses_by_the_injected_time()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.AddLatency(TimeSpan.FromMilliseconds(50), operationId: "listRoles");

        var watch = Stopwatch.StartNew();
        await ccs.Roles.ListAsync();
        var delayed = watch.Elapsed;

        Assert.True(delayed >= TimeSpan.FromMilliseconds(45), $"took {delayed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_request_the_client_abandons_stops_waiting_out_the_latency()
    {
        await using var emulator = await Emulators.StartAsync();
        var options = emulator.CreateClientOptions();
        options.Timeout = TimeSpan.FromMilliseconds(50);
        using var ccs = new CcsClient(options);
        emulator.Faults.AddLatency(TimeSpan.FromSeconds(30));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CcsApiException>(() => ccs.Tenants.ListAsync());

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        emulator.Faults.Clear();
        using var fresh = emulator.CreateClientWithoutRetries();
        Assert.NotEmpty(await fresh.Tenants.ListAsync()); // the server is not stuck behind the abandoned request
    }

    [Fact]
    public async Task ResetConnections_drops_the_connection_without_a_response()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.ResetConnections(1);

        var error = await Assert.ThrowsAsync<CcsApiException>(() => ccs.Tenants.ListAsync());

        Assert.Null(error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.NotEmpty(await ccs.Tenants.ListAsync());
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task Failures_and_resets_are_used_up_in_the_order_they_were_added()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.ResetConnections(1);
        emulator.Faults.FailNext(1, 503);

        var reset = await Assert.ThrowsAsync<CcsApiException>(() => ccs.Tenants.ListAsync());
        await Assert.ThrowsAsync<CcsServerException>(() => ccs.Tenants.ListAsync());

        Assert.Null(reset.StatusCode);
        Assert.NotEmpty(await ccs.Tenants.ListAsync());
    }

    [Fact]
    public async Task Clear_removes_pending_failures_and_latency()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        emulator.Faults.FailNext(5, 500);
        emulator.Faults.ResetConnections(5);
        emulator.Faults.AddLatency(TimeSpan.FromSeconds(30));

        emulator.Faults.Clear();

        Assert.NotEmpty(await ccs.Tenants.ListAsync());
    }

    [Fact]
    public async Task Requests_are_recorded_with_method_path_operation_headers_and_body()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClientWithoutRetries();
        var callId = emulator.FirstCall(CallState.Held).Id;

        await ccs.Calls.WaitKillAsync(callId);

        var request = emulator.Requests.Single();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/6/v2/api/calls/{callId}", request.Path);
        Assert.Equal("controlCall", request.OperationId);
        Assert.Equal($"Bearer {emulator.AccessToken}", request.Headers["authorization"]);
        Assert.Equal("""{"action":"wait_kill"}""", request.Body);
        emulator.Requests.Clear();
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Fault_arguments_are_checked()
    {
        await using var emulator = await Emulators.StartAsync();
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.FailNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.FailNext(1, 503, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.ResetConnections(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.Faults.AddLatency(TimeSpan.Zero));
    }

    [Fact]
    public async Task The_sdk_retries_a_read_through_injected_503s_and_a_reset_but_never_resends_a_kill()
    {
        await using var emulator = await Emulators.StartAsync();
        var options = emulator.CreateClientOptions();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        using var ccs = new CcsClient(options);

        emulator.Faults.FailNext(2, 503);
        Assert.NotEmpty(await ccs.Tenants.ListAsync());
        Assert.Equal(3, emulator.Requests.Count(r => r.OperationId == "listTenants"));

        var callId = emulator.FirstCall(CallState.Connected).Id;
        emulator.Faults.FailNext(1, 503, operationId: "controlCall");
        var error = await Assert.ThrowsAsync<CcsServerException>(() => ccs.Calls.KillAsync(callId));
        Assert.Equal(1, error.Attempts);
        Assert.Single(emulator.Requests, r => r.OperationId == "controlCall");
        Assert.Equal(CallState.Connected, emulator.State.GetCall(callId).State);
    }
}

using System.Net;
using System.Net.WebSockets;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Ccs.Testing.Tests.Events;

/// <summary>The event endpoint at the protocol level (asyncapi.yaml), with a raw WebSocket client.</summary>
public class EventProtocolTests
{
    [Fact]
    public async Task Hello_offers_a_session_with_the_configured_heartbeat_and_resume_window()
    {
        await using var emulator = await CcsEmulator.StartAsync(new CcsEmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(7), ResumeWindow = TimeSpan.FromMinutes(2) });
        await using var socket = await emulator.ConnectRawAsync();

        var hello = await socket.ExpectAsync("hello");

        Assert.StartsWith("s-", (string?)hello["session_id"], StringComparison.Ordinal);
        Assert.Equal(7000, (long)hello["heartbeat_interval_ms"]!);
        Assert.Equal(120_000, (long)hello["resume_window_ms"]!);
    }

    [Fact]
    public async Task The_defaults_are_15_s_heartbeats_and_a_60_s_resume_window()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();

        var hello = await socket.ExpectAsync("hello");

        Assert.Equal((15_000L, 60_000L), ((long)hello["heartbeat_interval_ms"]!, (long)hello["resume_window_ms"]!));
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task A_refused_token_gets_401_before_the_upgrade(string token)
    {
        await using var emulator = await Emulators.StartAsync();
        using var socket = new ClientWebSocket();
        if (token.Length > 0)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }

        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(emulator.EventsUri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task The_sdk_reports_a_wrong_token_as_an_authentication_error_without_retrying()
    {
        await using var emulator = await Emulators.StartAsync();
        var options = emulator.CreateClientOptions();
        options.AccessToken = "not-the-emulators-token";
        using var ccs = new CcsClient(options);

        await Assert.ThrowsAsync<CcsAuthenticationException>(() => ccs.Events.StartAsync().WaitAsync(EventKit.Patience));

        Assert.Single(emulator.Requests, r => r.Path == "/6/v2/events");
    }

    [Fact]
    public async Task A_plain_get_of_the_event_endpoint_is_400()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.AccessToken);

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{emulator.EventsUri.Port}/6/v2/events"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("websocket_required", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_is_acknowledged_with_the_hello_session_and_events_carry_increasing_seq()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        await using var socket = await emulator.ConnectRawAsync();
        var (hello, subscribed) = await socket.SubscribeAsync("""{"type":"subscribe","families":["call","queue","agent"]}""");

        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        var call = await socket.ExpectAsync("call.state_changed");
        var queue = await socket.ExpectAsync("queue.updated");

        Assert.Equal((string?)hello["session_id"], (string?)subscribed["session_id"]);
        Assert.Equal(["agent", "call", "queue"], subscribed["families"]!.AsArray().Select(f => (string)f!));
        Assert.Empty(subscribed["tenant_uuids"]!.AsArray());
        Assert.Equal((1L, 2L), ((long)call["seq"]!, (long)queue["seq"]!));
        Assert.True(Guid.TryParse((string?)call["id"], out _));
        Assert.Equal("queued", (string?)call["data"]!["previous_state"]);
    }

    [Fact]
    public async Task The_server_filters_by_family_and_tenant_and_numbers_only_what_it_sends()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        var tenant = emulator.State.Tenants[2].Id;
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync($$"""{"type":"subscribe","families":["queue"],"tenant_uuids":["{{tenant}}"]}""");

        await ccs.Calls.KillAsync(emulator.State.Calls.First(c => c.TenantId != tenant && c.State == CallState.Queued).Id);
        await ccs.Agents.SetStateAsync(emulator.State.GetAgentState(emulator.State.CurrentAgentExtensionId).AvailableForCalls ? "Busy" : "Available");
        var wanted = emulator.State.Calls.First(c => c.TenantId == tenant && c.State == CallState.Queued);
        await ccs.Calls.KillAsync(wanted.Id);

        var first = await socket.ExpectAsync("queue.updated");
        Assert.Equal((tenant.ToString(), wanted.AcdId, 1L), ((string?)first["tenant_uuid"], (string?)first["data"]!["id"], (long)first["seq"]!));
    }

    [Fact]
    public async Task Unsubscribe_stops_families_and_is_acknowledged_with_what_remains()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync();

        await socket.SendAsync("""{"type":"unsubscribe","families":["call","agent"]}""");
        var subscribed = await socket.ExpectAsync("subscribed");
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);

        Assert.Equal(["queue"], subscribed["families"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("queue.updated", (string?)(await socket.ExpectAsync("queue.updated"))["type"]);
    }

    [Fact]
    public async Task Ping_is_answered_with_a_heartbeat_carrying_the_nonce()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.ExpectAsync("hello");

        await socket.SendAsync("""{"type":"ping","nonce":"n-42"}""");

        var heartbeat = await socket.ExpectAsync("heartbeat");
        Assert.Equal("n-42", (string?)heartbeat["nonce"]);
        Assert.Equal(Emulators.Epoch, DateTimeOffset.Parse((string)heartbeat["ts"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Heartbeats_follow_the_emulators_clock_when_nothing_else_is_sent()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync();

        var heartbeat = socket.ReceiveAsync();
        await clock.AdvanceUntilAsync(TimeSpan.FromSeconds(15), heartbeat);

        Assert.Equal("heartbeat", (string?)(await heartbeat)!["type"]);
    }

    [Theory]
    [InlineData("not json", "invalid_message")]
    [InlineData("""{"no":"type"}""", "invalid_message")]
    [InlineData("""{"type":"dance"}""", "invalid_message")]
    [InlineData("""{"type":"subscribe","families":[]}""", "invalid_message")]
    [InlineData("""{"type":"subscribe","families":["weather"]}""", "unknown_family")]
    [InlineData("""{"type":"resume","session_id":"s-1"}""", "invalid_message")]
    [InlineData("""{"type":"unsubscribe","families":["call"]}""", "invalid_message")]
    public async Task A_bad_client_message_gets_an_error_and_the_connection_stays_open(string message, string code)
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.ExpectAsync("hello");

        await socket.SendAsync(message);
        var error = await socket.ExpectAsync("error");
        await socket.SendAsync("""{"type":"subscribe","families":["agent"]}""");
        var subscribed = await socket.ExpectAsync("subscribed");

        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal("subscribed", (string?)subscribed["type"]);
    }

    [Fact]
    public async Task A_binary_frame_is_closed_with_4002_after_closing()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.ExpectAsync("hello");

        await socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);

        var closing = await socket.ExpectAsync("closing");
        Assert.Equal(4002, (int)closing["close_code"]!);
        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(4002, (int?)socket.Socket.CloseStatus);
    }

    [Fact]
    public async Task Resume_replays_what_was_missed_in_order_then_continues()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        string sessionId;
        await using (var first = await emulator.ConnectRawAsync())
        {
            var (_, subscribed) = await first.SubscribeAsync("""{"type":"subscribe","families":["call"]}""");
            sessionId = (string)subscribed["session_id"]!;
            await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
            Assert.Equal(1, (long)(await first.ExpectAsync("call.state_changed"))["seq"]!);
        }

        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Connected).Id);
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Held).Id);
        await using var second = await emulator.ConnectRawAsync();
        await second.ExpectAsync("hello");
        await second.SendAsync($$"""{"type":"resume","session_id":"{{sessionId}}","last_seq":1}""");

        var resumed = await second.ExpectAsync("resumed");
        Assert.Equal((sessionId, 1L), ((string?)resumed["session_id"], (long)resumed["last_seq"]!));
        Assert.Equal(2, (long)(await second.ExpectAsync("call.state_changed"))["seq"]!);
        Assert.Equal(3, (long)(await second.ExpectAsync("call.state_changed"))["seq"]!);
        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Alerting).Id);
        Assert.Equal(4, (long)(await second.ExpectAsync("call.state_changed"))["seq"]!);
    }

    [Fact]
    public async Task Resuming_an_unknown_session_gets_invalid_session_and_subscribe_starts_the_hello_session()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        var hello = await socket.ExpectAsync("hello");

        await socket.SendAsync("""{"type":"resume","session_id":"s-nobody","last_seq":3}""");
        var invalid = await socket.ExpectAsync("invalid_session");
        await socket.SendAsync("""{"type":"subscribe","families":["agent"]}""");
        var subscribed = await socket.ExpectAsync("subscribed");

        Assert.Equal("unknown_session", (string?)invalid["reason"]);
        Assert.Equal((string?)hello["session_id"], (string?)subscribed["session_id"]);
    }

    [Fact]
    public async Task Resuming_after_the_window_gets_invalid_session_resume_window_expired()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        string sessionId;
        await using (var first = await emulator.ConnectRawAsync())
        {
            sessionId = (string)(await first.SubscribeAsync()).Subscribed["session_id"]!;
            Assert.Equal(1, emulator.Faults.DropWebSockets());
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        await using var second = await emulator.ConnectRawAsync();
        await second.ExpectAsync("hello");
        await second.SendAsync($$"""{"type":"resume","session_id":"{{sessionId}}","last_seq":0}""");

        Assert.Equal("resume_window_expired", (string?)(await second.ExpectAsync("invalid_session"))["reason"]);
    }

    [Fact]
    public async Task Token_expiry_sends_closing_and_closes_with_4001()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync();

        Assert.Equal(1, emulator.Faults.ExpireWebSocketTokens());

        var closing = await socket.ExpectAsync("closing");
        Assert.Equal((4001, "token_expired"), ((int)closing["close_code"]!, (string?)closing["reason"]));
        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal(4001, (int?)socket.Socket.CloseStatus);
    }

    [Fact]
    public async Task Stopping_the_emulator_sends_closing_and_1001()
    {
        var emulator = await Emulators.StartAsync();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync();

        var stopping = emulator.DisposeAsync().AsTask();
        var closing = await socket.ExpectAsync("closing");
        Assert.Null(await socket.ReceiveAsync());
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await stopping.WaitAsync(EventKit.Patience);

        Assert.Equal(1001, (int)closing["close_code"]!);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, socket.Socket.CloseStatus);
    }

    [Fact]
    public async Task Duplicated_events_repeat_the_same_frame()
    {
        await using var emulator = await Emulators.StartAsync();
        using var ccs = emulator.CreateClient();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync("""{"type":"subscribe","families":["call"]}""");
        emulator.Faults.DuplicateNextEvents(1);

        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        var first = await socket.ExpectAsync("call.state_changed");
        var second = await socket.ExpectAsync("call.state_changed");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task A_half_open_connection_sends_nothing_and_still_ends_when_the_client_closes()
    {
        var clock = new FakeTimeProvider(Emulators.Epoch);
        await using var emulator = await Emulators.StartAsync(clock: clock);
        using var ccs = emulator.CreateClient();
        await using var socket = await emulator.ConnectRawAsync();
        await socket.SubscribeAsync();
        Assert.Equal(1, emulator.Faults.HalfOpenWebSockets());

        await ccs.Calls.KillAsync(emulator.FirstCall(CallState.Queued).Id);
        clock.Advance(TimeSpan.FromMinutes(1));
        await socket.SendAsync("""{"type":"ping"}""");
        using var closed = new CancellationTokenSource(EventKit.Patience);
        await socket.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closed.Token);

        // Nothing arrived: the connection simply ends (no close frame of the server's either).
        await Assert.ThrowsAnyAsync<Exception>(() => socket.ReceiveAsync());
        Assert.Equal(2, socket.Frames.Count); // hello and subscribed only
        Assert.Equal(0, emulator.OpenEventConnections);
    }
}

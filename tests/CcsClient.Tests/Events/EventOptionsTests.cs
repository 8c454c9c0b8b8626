using Ccs.Events;
using Ccs.Tests.Support;

namespace Ccs.Tests.Events;

public sealed class EventOptionsTests
{
    private static readonly Func<CancellationToken, ValueTask<string>> Token = _ => ValueTask.FromResult("t");

    [Theory]
    [InlineData(null, "Endpoint is not set")]
    [InlineData("https://ccs.test/6/v2/events", "absolute ws:// or wss:// URL")]
    [InlineData("ws://ccs.test/6/v2/events", "plain ws is allowed only for loopback")]
    public void The_endpoint_must_be_a_websocket_url(string? endpoint, string message)
    {
        var options = new CcsEventStreamOptions { Endpoint = endpoint is null ? null : new Uri(endpoint) };

        var error = Assert.Throws<ArgumentException>(() => new CcsEventStream(options, Token));

        Assert.Equal("options", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_invalid_setting_is_named()
    {
        var options = new CcsEventStreamOptions
        {
            Endpoint = new Uri("wss://ccs.test/6/v2/events"),
            BufferCapacity = 0,
            FullMode = (CcsEventBufferFullMode)7,
            MaxMessageSize = 10,
            ReconnectPolicy = null!,
            HandshakeTimeout = TimeSpan.Zero,
        };
        options.Families.Clear();
        options.TenantIds.Add(" ");

        var error = Assert.Throws<ArgumentException>(() => new CcsEventStream(options, Token));

        foreach (var name in new[] { "Families", "TenantIds", "BufferCapacity", "FullMode", "MaxMessageSize", "ReconnectPolicy", "HandshakeTimeout" })
        {
            Assert.Contains("CcsEventStreamOptions." + name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_token_provider_is_required()
        => Assert.Equal("accessTokenProvider", Assert.Throws<ArgumentNullException>(() => new CcsEventStream(new CcsEventStreamOptions { Endpoint = new Uri("wss://ccs.test/e") }, null!)).ParamName);

    [Theory]
    [InlineData("https://ccs.windstreamenterprise.com/6/v2/api", "wss://ccs.windstreamenterprise.com/6/v2/events")]
    [InlineData("https://ccs.test:8443/6/v2/api/", "wss://ccs.test:8443/6/v2/events")]
    [InlineData("http://127.0.0.1:5000/6/v2/api", "ws://127.0.0.1:5000/6/v2/events")]
    [InlineData("https://proxy.test/ccs", "wss://proxy.test/ccs/events")]
    public void The_client_derives_the_event_endpoint_from_its_base_url(string baseUri, string expected)
    {
        using var client = new CcsClient(TestClients.Options(baseUri));

        Assert.Equal(new Uri(expected), client.Events.Endpoint);
    }

    [Fact]
    public void The_client_creates_its_event_stream_once_from_its_options()
    {
        var options = TestClients.Options();
        options.Events = new CcsEventStreamOptions { Endpoint = new Uri("wss://events.test/stream") };
        using var client = new CcsClient(options);

        var streams = Enumerable.Range(0, 8).AsParallel().Select(_ => client.Events).Distinct().ToList();

        var stream = Assert.Single(streams);
        Assert.Equal(new Uri("wss://events.test/stream"), stream.Endpoint);
        Assert.Equal(CcsConnectionState.Disconnected, stream.State);
    }

    [Fact]
    public async Task Disposing_the_client_stops_its_event_stream()
    {
        await using var server = await EventTestServer.StartAsync();
        var client = new CcsClient(TestClients.Options(server.RestBaseUri.AbsoluteUri));
        await client.Events.StartAsync();
        Assert.Equal(new[] { "Bearer " + TestClients.Token }, server.AuthorizationHeaders);

        client.Dispose();

        Assert.Equal(CcsConnectionState.Disconnected, client.Events.State);
        await EventTestKit.WaitUntilAsync(() => server.OpenConnections == 0, "the socket is gone");
    }

    [Fact]
    public void The_default_policy_backs_off_exponentially_with_jitter_up_to_the_cap_and_never_gives_up()
    {
        var policy = new ExponentialBackoffReconnectPolicy(new Random(7)) { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30) };

        var delays = Enumerable.Range(1, 40).Select(n => policy.GetNextDelay(new CcsReconnectContext(n, TimeSpan.Zero, null))!.Value).ToList();

        for (var n = 1; n <= 40; n++)
        {
            var ceiling = Math.Min(30, Math.Pow(2, n - 1));
            Assert.InRange(delays[n - 1].TotalSeconds, ceiling / 2, ceiling);
        }

        Assert.True(delays.Distinct().Count() > 30, "jittered");
        Assert.NotNull(new ExponentialBackoffReconnectPolicy().GetNextDelay(new CcsReconnectContext(int.MaxValue, TimeSpan.FromDays(9), null)));
    }

    [Fact]
    public void The_default_policy_gives_up_only_when_told_to()
    {
        var policy = new ExponentialBackoffReconnectPolicy { MaxAttempts = 3 };

        Assert.NotNull(policy.GetNextDelay(new CcsReconnectContext(3, TimeSpan.Zero, null)));
        Assert.Null(policy.GetNextDelay(new CcsReconnectContext(4, TimeSpan.Zero, null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoffReconnectPolicy { BaseDelay = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBackoffReconnectPolicy { MaxAttempts = -1 });
    }
}

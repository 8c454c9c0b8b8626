using System.Net;
using Ccs.Tests.Resilience;
using Ccs.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Ccs.Tests.Auth;

/// <summary>
/// Tokens as a caller relies on them: fetched once for many concurrent calls, refreshed ahead of
/// expiry, refreshed once on a 401, never sent elsewhere or in clear text, never shown.
/// </summary>
public class TokenTests
{
    private const string Tenants = "[]";

    /// <summary>A token provider that counts its calls and hands out tok-1, tok-2, … (optionally only when released).</summary>
    private sealed class CountingProvider : ICcsTokenProvider
    {
        private readonly TimeProvider _clock;
        private readonly TimeSpan? _lifetime;
        private int _calls;

        public CountingProvider(TimeProvider clock, TimeSpan? lifetime)
        {
            _clock = clock;
            _lifetime = lifetime;
        }

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>When set, each call waits for it before answering.</summary>
        public TaskCompletionSource? Gate { get; set; }

        public async ValueTask<CcsAccessToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _calls);
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            return new CcsAccessToken($"tok-{n}", _lifetime is { } lifetime ? _clock.GetUtcNow() + lifetime : null);
        }
    }

    private static (ClientHarness Harness, CountingProvider Provider) WithProvider(TimeSpan? lifetime, int maxRetries = 0)
    {
        var h = new ClientHarness(maxRetries);
        var provider = new CountingProvider(h.Clock, lifetime);
        h.Options.AccessToken = null;
        h.Options.TokenProvider = provider;
        return (h, provider);
    }

    [Fact]
    public async Task A_hundred_concurrent_calls_without_a_token_make_one_provider_call()
    {
        var (h, provider) = WithProvider(TimeSpan.FromHours(1));
        using var _ = h;
        h.Handler.Ok(Tenants);
        provider.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // 100 calls from the thread pool, all started (and all waiting) before the provider answers.
        var ccs = h.Client;
        var started = 0;
        var calls = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            var call = ccs.Tenants.ListAsync();
            Interlocked.Increment(ref started);
            return call;
        })).ToArray();
        await Eventually.TrueAsync(() => Volatile.Read(ref started) == 100, "all 100 calls to start");
        Assert.All(calls, c => Assert.False(c.IsCompleted));
        Assert.Equal(0, h.Handler.Sends);
        provider.Gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, provider.Calls);
        Assert.Equal(100, h.Handler.Sends);
        Assert.All(h.Handler.Requests, r => Assert.Equal("Bearer tok-1", r.Authorization));
    }

    [Fact]
    public async Task A_hundred_concurrent_calls_with_an_expired_token_make_one_provider_call()
    {
        var (h, provider) = WithProvider(TimeSpan.FromMinutes(10));
        using var _ = h;
        h.Handler.Ok(Tenants);
        await h.Client.Tenants.ListAsync();
        Assert.Equal(1, provider.Calls);

        h.Clock.Advance(TimeSpan.FromMinutes(11)); // tok-1 has expired
        provider.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, 100).Select(_ => h.Client.Tenants.ListAsync()).ToArray();
        Assert.All(calls, c => Assert.False(c.IsCompleted)); // all 100 started and wait for the one refresh
        provider.Gate.SetResult();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, provider.Calls);
        Assert.All(h.Handler.Requests.Skip(1), r => Assert.Equal("Bearer tok-2", r.Authorization));
    }

    [Fact]
    public async Task UseTokenProvider_delegate_is_called_once_for_concurrent_calls()
    {
        using var h = new ClientHarness(maxRetries: 0);
        var calls = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Options.AccessToken = null;
        h.Options.UseTokenProvider(async ct =>
        {
            Interlocked.Increment(ref calls);
            await gate.Task.WaitAsync(ct);
            return new CcsAccessToken("delegate-token", h.Clock.GetUtcNow().AddHours(1));
        });
        h.Handler.Ok(Tenants);

        var tasks = Enumerable.Range(0, 100).Select(_ => h.Client.Tenants.ListAsync()).ToArray();
        gate.SetResult();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, calls);
        Assert.All(h.Handler.Requests, r => Assert.Equal("Bearer delegate-token", r.Authorization));
    }

    [Fact]
    public async Task Tokens_are_refreshed_ahead_of_expiry()
    {
        var (h, provider) = WithProvider(TimeSpan.FromMinutes(10));
        using var _ = h;
        h.Options.TokenRefreshBeforeExpiry = TimeSpan.FromMinutes(2);
        h.Handler.Ok(Tenants);

        await h.Client.Tenants.ListAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(7));
        await h.Client.Tenants.ListAsync();
        Assert.Equal(1, provider.Calls); // 3 minutes left: the cached token is used

        h.Clock.Advance(TimeSpan.FromMinutes(1.5));
        await h.Client.Tenants.ListAsync();
        Assert.Equal(2, provider.Calls); // 1.5 minutes left: inside the 2-minute window, refreshed

        Assert.Equal(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"], h.Handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_token_without_expiry_is_fetched_once()
    {
        var (h, provider) = WithProvider(lifetime: null);
        using var _ = h;
        h.Handler.Ok(Tenants);

        await h.Client.Tenants.ListAsync();
        h.Clock.Advance(TimeSpan.FromDays(30));
        await h.Client.Tenants.ListAsync();

        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task A_401_forces_one_refresh_and_one_replay_with_the_new_token()
    {
        var (h, provider) = WithProvider(TimeSpan.FromHours(1), maxRetries: 3);
        using var _ = h;
        h.Handler.Then(r => r.Headers.Authorization?.Parameter == "tok-1"
            ? ScriptedHandler.Response(401)
            : ScriptedHandler.Response(200, Tenants));

        var tenants = await h.Client.Tenants.ListAsync();

        Assert.Empty(tenants);
        Assert.Equal(2, provider.Calls);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], h.Handler.Requests.Select(r => r.Authorization));

        // The refreshed token is kept for later calls.
        await h.Client.Tenants.ListAsync();
        Assert.Equal(2, provider.Calls);
        Assert.Equal("Bearer tok-2", h.Handler.Requests[^1].Authorization);
    }

    [Fact]
    public async Task A_401_replays_a_post_with_its_body()
    {
        var (h, provider) = WithProvider(TimeSpan.FromHours(1));
        using var _ = h;
        h.Handler.Status(401).Ok();

        await h.Client.Calls.KillAsync("call-42");

        Assert.Equal(2, provider.Calls);
        Assert.Equal(2, h.Handler.Sends);
        Assert.Equal(h.Handler.Requests[0].Body, h.Handler.Requests[1].Body);
        Assert.Equal("Bearer tok-2", h.Handler.Requests[1].Authorization);
    }

    [Fact]
    public async Task A_second_401_is_a_CcsAuthenticationException_after_exactly_two_sends()
    {
        var (h, provider) = WithProvider(TimeSpan.FromHours(1), maxRetries: 3);
        using var _ = h;
        h.Handler.Status(401);

        var ex = await Assert.ThrowsAsync<CcsAuthenticationException>(() => h.RunAsync(h.Client.Tenants.ListAsync()));

        Assert.Equal(2, h.Handler.Sends);
        Assert.Equal(2, provider.Calls);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.DoesNotContain("tok-", ex.Message);
    }

    [Fact]
    public async Task A_failing_provider_is_a_CcsAuthenticationException_with_the_cause()
    {
        using var h = new ClientHarness(maxRetries: 3);
        var cause = new InvalidOperationException("identity service unavailable");
        var first = true;
        h.Options.AccessToken = null;
        h.Options.UseTokenProvider(_ =>
        {
            if (first)
            {
                first = false;
                return new ValueTask<CcsAccessToken>(new CcsAccessToken("secret-token-abc", h.Clock.GetUtcNow().AddMinutes(5)));
            }

            return ValueTask.FromException<CcsAccessToken>(cause);
        });
        h.Handler.Ok(Tenants);
        await h.Client.Tenants.ListAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(4)); // inside the refresh window: the provider is asked again, and fails

        var ex = await Assert.ThrowsAsync<CcsAuthenticationException>(() => h.RunAsync(h.Client.Tenants.ListAsync()));

        Assert.Same(cause, ex.InnerException);
        Assert.DoesNotContain("secret-token-abc", ex.Message);
        Assert.DoesNotContain("secret-token-abc", ex.ToString());
        Assert.Equal(1, h.Handler.Sends); // the failed call sent nothing
    }

    [Fact]
    public async Task A_provider_that_throws_synchronously_is_a_CcsAuthenticationException_too()
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Options.AccessToken = null;
        h.Options.UseTokenProvider(_ => throw new TimeoutException("idp slow"));

        var ex = await Assert.ThrowsAsync<CcsAuthenticationException>(() => h.Client.Tenants.ListAsync());

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(0, h.Handler.Sends);
    }

    [Fact]
    public async Task A_redirect_to_another_origin_arrives_without_the_token()
    {
        const string Token = "redirect-test-token-42";
        using var target = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        using var origin = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        target
            .Given(Request.Create().WithPath("/6/v2/api/tenants").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Tenants));
        origin
            .Given(Request.Create().WithPath("/6/v2/api/tenants").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", target.Url!.TrimEnd('/') + "/6/v2/api/tenants"));

        // The platform's own transport follows the redirect.
        using var ccs = new CcsClient(new CcsClientOptions
        {
            BaseUri = new Uri(origin.Url!.TrimEnd('/') + "/6/v2/api"),
            AccessToken = Token,
            Retry = { MaxRetries = 0 },
        });

        var tenants = await ccs.Tenants.ListAsync();

        Assert.Empty(tenants);
        var atOrigin = Assert.Single(origin.LogEntries).RequestMessage;
        Assert.Equal($"Bearer {Token}", Header(atOrigin.Headers, "Authorization"));
        var atTarget = Assert.Single(target.LogEntries).RequestMessage;
        Assert.Null(Header(atTarget.Headers, "Authorization"));
        Assert.DoesNotContain(atTarget.Headers!.Values.SelectMany(v => v), v => v.Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://other.example/6/v2/api/tenants")] // another host
    [InlineData("https://ccs.test:8443/6/v2/api/tenants")] // another port
    [InlineData("http://ccs.test/6/v2/api/tenants")] // another scheme
    public async Task The_token_is_sent_only_to_the_configured_origin(string url)
    {
        using var h = new ClientHarness(maxRetries: 0);
        h.Handler.Ok("[]");

        await h.Client.GeneratedClient.Tenants.GetAsync();
        await h.Client.GeneratedClient.Tenants.WithUrl(url).GetAsync();

        Assert.Equal($"Bearer {TestClients.Token}", h.Handler.Requests[0].Authorization); // https://ccs.test
        Assert.Equal(new Uri(url), h.Handler.Requests[1].Uri);
        Assert.Null(h.Handler.Requests[1].Authorization);
    }

    [Fact]
    public void Plain_http_to_a_non_loopback_host_is_refused_before_sending()
    {
        var handler = new ScriptedHandler();
        var options = new CcsClientOptions { BaseUri = new Uri("http://ccs.example.com/6/v2/api"), AccessToken = TestClients.Token };

        var ex = Assert.Throws<ArgumentException>(() => new CcsClient(options, handler));

        Assert.Contains("https", ex.Message);
        Assert.DoesNotContain(TestClients.Token, ex.Message);
        Assert.Equal(0, handler.Sends);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/6/v2/api")]
    [InlineData("http://localhost:8080/6/v2/api")]
    [InlineData("http://[::1]:8080/6/v2/api")]
    public void Plain_http_to_loopback_is_allowed_for_emulators(string baseUri)
    {
        using var ccs = new CcsClient(new CcsClientOptions { BaseUri = new Uri(baseUri), AccessToken = TestClients.Token }, new ScriptedHandler());

        Assert.Equal(new Uri(baseUri), ccs.BaseUri);
    }

    [Fact]
    public void Tokens_do_not_appear_in_ToString()
    {
        const string Secret = "s3cr3t-bearer-token";
        var token = new CcsAccessToken(Secret, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new CcsClientOptions { AccessToken = Secret };
        var withProvider = new CcsClientOptions().UseTokenProvider(_ => new ValueTask<CcsAccessToken>(token));

        Assert.DoesNotContain(Secret, token.ToString());
        Assert.Contains("2026", token.ToString()); // the expiry is still shown
        Assert.DoesNotContain(Secret, options.ToString());
        Assert.DoesNotContain(Secret, withProvider.ToString());
    }

    private static string? Header(IDictionary<string, WireMock.Types.WireMockList<string>>? headers, string name)
        => headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}

using System.Collections.Concurrent;
using System.Text;
using Ccs.Tests.Resilience;
using Ccs.Tests.Spec;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Ccs.Tests.DependencyInjection;

/// <summary>
/// <c>services.AddCcsClient(…)</c> as an application uses it: bound from configuration or code,
/// reaching the CCS API with the configured token, extensible with handlers, several clients side
/// by side, and refusing to start with a configuration that cannot work.
/// </summary>
public class AddCcsClientTests
{
    private static IConfiguration Configuration(string source, Uri baseUri, string token)
    {
        if (source == "json")
        {
            var json = $$"""
                {
                  "Ccs": {
                    "BaseUri": "{{baseUri}}",
                    "AccessToken": "{{token}}",
                    "Timeout": "00:00:20",
                    "Retry": { "MaxRetries": "2", "Operations": { "controlCall": "Never" } }
                  }
                }
                """;
            return new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        }

        return new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ccs:BaseUri"] = baseUri.ToString(),
            ["Ccs:AccessToken"] = token,
            ["Ccs:Timeout"] = "00:00:20",
            ["Ccs:Retry:MaxRetries"] = "2",
            ["Ccs:Retry:Operations:controlCall"] = "Never",
        }).Build();
    }

    private static string? Header(WireMock.IRequestMessage request, string name)
        => request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();

    private static ServiceProvider Build(IServiceCollection services)
        => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Theory]
    [InlineData("memory")]
    [InlineData("json")]
    public async Task Bound_from_configuration_it_reaches_the_api_with_the_token(string source)
    {
        using var stub = new SpecStubServer();
        var configuration = Configuration(source, stub.BaseUri, "di-token-123");
        var services = new ServiceCollection();
        services.AddCcsClient(configuration.GetSection("Ccs"));
        await using var provider = Build(services);

        var ccs = provider.GetRequiredService<CcsClient>();
        var tenants = await ccs.Tenants.ListAsync();

        Assert.Equal(stub.ResponseFor("listTenants")!.AsArray().Count, tenants.Count);
        Assert.NotEmpty(tenants);
        var request = Assert.Single(stub.RequestsFor("listTenants")).RequestMessage;
        Assert.Equal("Bearer di-token-123", Header(request, "Authorization"));
        Assert.Equal(stub.BaseUri, ccs.BaseUri);

        var options = provider.GetRequiredService<IOptionsMonitor<CcsClientOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(2, options.Retry.MaxRetries);
        Assert.Equal(CcsRetryMode.Never, options.Retry.Operations["controlCall"]);
        Assert.Same(ccs, provider.GetRequiredService<CcsClient>()); // one long-lived client
    }

    [Fact]
    public async Task Bound_retry_override_is_applied_to_the_operation()
    {
        // Retry:Operations:controlCall = Never, Retry:MaxRetries = 2: a kill that meets a 429 is not retried, a list is.
        var transport = new ScriptedHandler().Status(429).Ok("[]");
        var services = new ServiceCollection();
        services.AddCcsClient(Configuration("memory", new Uri("https://ccs.test/6/v2/api"), "t").GetSection("Ccs"))
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        services.PostConfigure<CcsClientOptions>(o => o.Retry.BaseDelay = TimeSpan.Zero);
        await using var provider = Build(services);
        var ccs = provider.GetRequiredService<CcsClient>();

        await Assert.ThrowsAsync<CcsRateLimitException>(() => ccs.Calls.KillAsync("call-42"));
        Assert.Equal(1, transport.Sends);
    }

    [Fact]
    public async Task Configured_in_code_it_reaches_the_api_with_the_token()
    {
        using var stub = new SpecStubServer();
        var services = new ServiceCollection();
        services.AddCcsClient(o =>
        {
            o.BaseUri = stub.BaseUri;
            o.AccessToken = "code-token-456";
        });
        await using var provider = Build(services);

        var roles = await provider.GetRequiredService<CcsClient>().Roles.ListAsync();

        Assert.Equal(stub.ResponseFor("listRoles")!.AsArray().Count, roles.Count);
        Assert.Equal("Bearer code-token-456", Header(Assert.Single(stub.RequestsFor("listRoles")).RequestMessage, "Authorization"));
    }

    /// <summary>A user's handler that answers the first attempt itself with a 503 and passes the others on.</summary>
    private sealed class FirstAttemptFails(ConcurrentQueue<(string? Authorization, string? RequestId)> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue((request.Headers.Authorization?.ToString(), request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.Single() : null));
            return seen.Count == 1 ? Task.FromResult(ScriptedHandler.Response(503)) : base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_handler_added_to_the_returned_builder_sees_each_attempt()
    {
        using var stub = new SpecStubServer();
        var seen = new ConcurrentQueue<(string? Authorization, string? RequestId)>();
        var services = new ServiceCollection();
        IHttpClientBuilder builder = services.AddCcsClient(o =>
        {
            o.BaseUri = stub.BaseUri;
            o.AccessToken = "handler-token";
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.Zero; // no backoff wait, so no clock is needed
        });
        builder.AddHttpMessageHandler(() => new FirstAttemptFails(seen));
        await using var provider = Build(services);

        var tenants = await provider.GetRequiredService<CcsClient>().Tenants.ListAsync();

        Assert.NotEmpty(tenants);
        Assert.Equal(2, seen.Count); // the 503 it made up, then the retry
        Assert.All(seen, s => Assert.Equal("Bearer handler-token", s.Authorization));
        Assert.Single(seen.Select(s => s.RequestId).Distinct());
        Assert.Single(stub.RequestsFor("listTenants"));
    }

    [Fact]
    public async Task Named_clients_live_side_by_side_as_keyed_services()
    {
        using var east = new SpecStubServer();
        using var west = new SpecStubServer();
        var services = new ServiceCollection();
        services.AddCcsClient("east", o =>
        {
            o.BaseUri = east.BaseUri;
            o.AccessToken = "east-token";
        });
        services.AddCcsClient("west", o =>
        {
            o.BaseUri = west.BaseUri;
            o.AccessToken = "west-token";
        });
        await using var provider = Build(services);

        var eastClient = provider.GetRequiredKeyedService<CcsClient>("east");
        var westClient = provider.GetRequiredKeyedService<CcsClient>("west");
        await eastClient.Tenants.ListAsync();
        await westClient.Tenants.ListAsync();
        await westClient.Products.ListAsync();

        Assert.NotSame(eastClient, westClient);
        Assert.Equal(east.BaseUri, eastClient.BaseUri);
        Assert.Equal(west.BaseUri, westClient.BaseUri);
        Assert.Equal("Bearer east-token", Header(Assert.Single(east.Server.LogEntries).RequestMessage, "Authorization"));
        Assert.Equal(2, west.Server.LogEntries.Count);
        Assert.All(west.Server.LogEntries, e => Assert.Equal("Bearer west-token", Header(e.RequestMessage, "Authorization")));
    }

    // ---- validation at host start ----

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["Ccs:BaseUri"] = "https://ccs.example.com/6/v2/api",
        ["Ccs:AccessToken"] = "host-secret-token",
        ["Ccs:Timeout"] = "00:00:20",
    };

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCcsClient(builder.Configuration.GetSection("Ccs"));
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    [Fact]
    public async Task A_valid_configuration_starts()
    {
        using var host = BuildHost(ValidSettings());

        await host.StartAsync();
        Assert.Equal(new Uri("https://ccs.example.com/6/v2/api"), host.Services.GetRequiredService<CcsClient>().BaseUri);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Ccs:AccessToken", null, "AccessToken")]
    [InlineData("Ccs:BaseUri", "http://ccs.example.com/6/v2/api", "https")]
    [InlineData("Ccs:Retry:MaxRetries", "-1", "MaxRetries")]
    [InlineData("Ccs:Timeout", "-00:00:05", "Timeout")]
    public async Task An_invalid_configuration_fails_at_host_start_naming_the_problem(string key, string? value, string named)
    {
        var settings = ValidSettings();
        settings[key] = value;
        using var host = BuildHost(settings); // building is fine: options are read when the host starts

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, ex.Message);
        Assert.DoesNotContain("host-secret-token", ex.Message);
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_time_span_fails_at_host_start_naming_the_key()
    {
        var settings = ValidSettings();
        settings["Ccs:Timeout"] = "soon";
        using var host = BuildHost(settings);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("'Ccs:Timeout'", ex.Message);
        Assert.DoesNotContain("host-secret-token", ex.Message);
    }

    [Theory]
    [InlineData("Ccs:Timeout", "soon")]
    [InlineData("Ccs:Retry:MaxRetries", "three")]
    [InlineData("Ccs:Retry:Operations:controlCall", "Sometimes")]
    public async Task A_value_that_does_not_parse_fails_at_host_start_naming_the_key(string key, string value)
    {
        // Guards what works today (start fails, the key is named, the token is not shown); the exception
        // type is covered by the skipped test above.
        var settings = ValidSettings();
        settings[key] = value;
        using var host = BuildHost(settings);

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains($"'{key}'", ex.Message);
        Assert.Contains(value, ex.Message);
        Assert.DoesNotContain("host-secret-token", ex.Message);
    }

    // ---- the container's clock and logging ----

    [Fact]
    public async Task A_TimeProvider_registered_in_the_container_drives_the_client()
    {
        var clock = new TestClock();
        var transport = new ScriptedHandler(clock).Status(429, retryAfter: "5").Ok("[]");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCcsClient(o =>
        {
            o.BaseUri = new Uri("https://ccs.test/6/v2/api");
            o.AccessToken = "clock-token";
            o.Retry.MaxRetries = 1;
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = Build(services);
        var ccs = provider.GetRequiredService<CcsClient>();

        var call = ccs.Tenants.ListAsync();
        await clock.WaitForPendingDelayAsync(); // the Retry-After wait runs on the container's clock
        Assert.Equal([TimeSpan.FromSeconds(5)], clock.Delays);

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(1, transport.Sends);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, transport.Sends);
        Assert.Equal(TimeSpan.FromSeconds(5), transport.Requests[1].At - transport.Requests[0].At);
    }

    [Fact]
    public async Task The_hosts_logs_never_contain_the_token_or_phone_numbers()
    {
        const string Token = "log-secret-token";
        var collector = new FakeLogCollector();
        var transport = new ScriptedHandler().Status(503).Ok("[]");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        services.AddCcsClient(o =>
        {
            o.BaseUri = new Uri("https://ccs.test/6/v2/api");
            o.AccessToken = Token;
            o.Retry.BaseDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = Build(services);
        var ccs = provider.GetRequiredService<CcsClient>();

        await ccs.Tenants.ListAsync();
        await ccs.Calls.SearchAsync(new Ccs.Models.CallSearchCriteria { CallingNumber = "+15550100", CalledNumber = "+15550199" });

        var records = collector.GetSnapshot();
        Assert.Contains(records, r => r.Category == "CcsClient" && r.Level == LogLevel.Warning); // the retry was logged
        foreach (var record in records)
        {
            // Structured logging providers (OpenTelemetry, Serilog, JSON console) write the state, not just the message.
            var texts = (record.StructuredState ?? []).Select(p => p.Value ?? string.Empty).Append(record.Message);
            foreach (var secret in new[] { Token, "15550100", "15550199" })
            {
                Assert.False(texts.Any(t => t.Contains(secret, StringComparison.Ordinal)), $"[{record.Category}] '{record.Message}' carries '{secret}'");
            }
        }
    }
}

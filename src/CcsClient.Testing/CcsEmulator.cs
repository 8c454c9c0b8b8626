using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ccs.Testing;

/// <summary>
/// An emulator of the CCS API v2: a real HTTP server on 127.0.0.1 that serves the contract's 19
/// operations over seeded, stateful data, checks the bearer token, injects faults on demand and
/// records the requests it receives; and, on the same port, the real-time event protocol of
/// <c>asyncapi.yaml</c> (<see cref="EventsUri"/>), fed by every state change, with synthetic call
/// traffic on demand (<see cref="Traffic"/>). Start one per test (it starts in milliseconds) and point a
/// <see cref="CcsClient"/> at it with <see cref="CreateClient"/>.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await CcsEmulator.StartAsync();
/// using var ccs = emulator.CreateClient();
/// var call = emulator.State.Calls.First(c => c.State == CallState.Queued);
/// await ccs.Calls.KillAsync(call.Id);
/// Assert.Equal(CallState.Completed, emulator.State.GetCall(call.Id).State);
/// </code>
/// </example>
public sealed class CcsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EventServer _events;
    private int _disposed;

    private CcsEmulator(WebApplication app, Uri baseUri, CcsEmulatorOptions options, EmulatorState state, CcsEmulatorFaults faults, RecordedRequests requests, ChangeFeed changes, IReadOnlyList<EmulatorOperation> operations, EventServer events, CcsEmulatorTraffic traffic)
    {
        _app = app;
        _events = events;
        Traffic = traffic;
        BaseUri = baseUri;
        EventsUri = new Uri($"ws://127.0.0.1:{baseUri.Port}{EventServer.Path}");
        AccessToken = options.AccessToken;
        Seed = options.Seed;
        State = state;
        Faults = faults;
        Requests = requests;
        Changes = changes;
        Operations = operations;
    }

    /// <summary>The base URL of the emulated REST API: <c>http://127.0.0.1:{port}/6/v2/api</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// The real-time event endpoint: <c>ws://127.0.0.1:{port}/6/v2/events</c>, where the SDK's
    /// <see cref="CcsClient.Events"/> connects when the client was made by <see cref="CreateClient"/>.
    /// </summary>
    public Uri EventsUri { get; }

    /// <summary>Synthetic call traffic: <see cref="CcsEmulatorTraffic.Start"/>, <see cref="CcsEmulatorTraffic.Stop"/>, <see cref="CcsEmulatorTraffic.Step"/>.</summary>
    public CcsEmulatorTraffic Traffic { get; }

    /// <summary>The bearer token the emulator accepts (<see cref="CcsEmulatorOptions.AccessToken"/>).</summary>
    public string AccessToken { get; }

    /// <summary>The seed the data was generated from.</summary>
    public int Seed { get; }

    /// <summary>The emulator's data, to arrange and assert on; see <see cref="EmulatorState"/> for what requests change.</summary>
    public EmulatorState State { get; }

    /// <summary>Faults to inject: failures, latency and dropped connections; WebSocket drops, half-open sockets, duplicates, token expiry.</summary>
    public CcsEmulatorFaults Faults { get; }

    /// <summary>The requests received so far, oldest first.</summary>
    public RecordedRequests Requests { get; }

    /// <summary>The notification point of state changes, for the event stream.</summary>
    internal ChangeFeed Changes { get; }

    /// <summary>The WebSocket connections of the event endpoint open now.</summary>
    internal int OpenEventConnections => _events.OpenConnections;

    /// <summary>How many event connections were closed for falling behind (<see cref="CcsEmulatorOptions.EventQueueCapacity"/>).</summary>
    internal int SlowEventClientsClosed => _events.SlowClientsClosed;

    /// <summary>The operations served, one per operation of the contract.</summary>
    internal IReadOnlyList<EmulatorOperation> Operations { get; }

    /// <summary>Starts an emulator on 127.0.0.1.</summary>
    /// <param name="options">The port, token and data seed; null for the defaults (any free port, <see cref="CcsEmulatorOptions.DefaultAccessToken"/>, seed 1).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="System.IO.IOException">The port is in use.</exception>
    public static async Task<CcsEmulator> StartAsync(CcsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CcsEmulatorOptions();
        options.Validate();

        var changes = new ChangeFeed();
        var clock = options.TimeProvider;
        var state = new EmulatorState(EmulatorSeeder.Create(options, clock.GetUtcNow()), clock, changes);
        var events = new EventServer(options, changes);
        var faults = new CcsEmulatorFaults(events);
        var requests = new RecordedRequests();
        var api = new EmulatorApi(state);
        var traffic = new CcsEmulatorTraffic(state, clock, options.Seed);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CcsEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        // Top-down: route (to know the operation), accept WebSocket upgrades, record, inject faults,
        // authenticate (a refused token is 401 before any upgrade), check the exact path, then the
        // operation's handler or the event endpoint. Keep-alive pings are off: a half-open fault must
        // be silent, and the protocol has heartbeats of its own.
        app.UseRouting();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Use(new RequestRecorder(requests, clock).InvokeAsync);
        app.Use(new FaultInjector(faults).InvokeAsync);
        app.Use(new BearerAuthentication(options.AccessToken).InvokeAsync);
        app.Use(ExactPathCheck.InvokeAsync);
        api.Map(app.MapGroup(CcsClientOptions.ApiPath));
        app.MapGet(EventServer.Path, events.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            traffic.Dispose();
            await events.StopAsync().ConfigureAwait(false);
            changes.Complete();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        var baseUri = new Uri($"http://127.0.0.1:{port}{CcsClientOptions.ApiPath}");
        var emulator = new CcsEmulator(app, baseUri, options, state, faults, requests, changes, api.Operations, events, traffic);
        if (options.Traffic.CallsPerSecond > 0)
        {
            traffic.Start(options.Traffic.CallsPerSecond);
        }

        return emulator;
    }

    /// <summary>Options for a <see cref="CcsClient"/> that talks to this emulator with its token.</summary>
    /// <returns>New options; change them freely (for example the timeout).</returns>
    public CcsClientOptions CreateClientOptions() => new() { BaseUri = BaseUri, AccessToken = AccessToken };

    /// <summary>Creates a <see cref="CcsClient"/> for this emulator, with its base URL and token. Dispose it before the emulator.</summary>
    /// <returns>A new client.</returns>
    public CcsClient CreateClient() => new(CreateClientOptions());

    /// <summary>Stops traffic and the server; event connections get <c>closing</c> and close code 1001 (going away).</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Traffic.Dispose();
        Changes.Complete();
        await _events.StopAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

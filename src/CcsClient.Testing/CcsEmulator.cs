using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ccs.Testing;

/// <summary>
/// An emulator of the CCS API v2: a real HTTP server on 127.0.0.1 that serves the contract's 19
/// operations over seeded, stateful data, checks the bearer token, injects faults on demand and
/// records the requests it receives. Start one per test (it starts in milliseconds) and point a
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
    private int _disposed;

    private CcsEmulator(WebApplication app, Uri baseUri, CcsEmulatorOptions options, EmulatorState state, CcsEmulatorFaults faults, RecordedRequests requests, ChangeFeed changes, IReadOnlyList<EmulatorOperation> operations)
    {
        _app = app;
        BaseUri = baseUri;
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

    /// <summary>The bearer token the emulator accepts (<see cref="CcsEmulatorOptions.AccessToken"/>).</summary>
    public string AccessToken { get; }

    /// <summary>The seed the data was generated from.</summary>
    public int Seed { get; }

    /// <summary>The emulator's data, to arrange and assert on; see <see cref="EmulatorState"/> for what requests change.</summary>
    public EmulatorState State { get; }

    /// <summary>Faults to inject: failures, latency and dropped connections.</summary>
    public CcsEmulatorFaults Faults { get; }

    /// <summary>The requests received so far, oldest first.</summary>
    public RecordedRequests Requests { get; }

    /// <summary>The notification point of state changes, for the event stream.</summary>
    internal ChangeFeed Changes { get; }

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
        var faults = new CcsEmulatorFaults();
        var requests = new RecordedRequests();
        var api = new EmulatorApi(state);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CcsEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        // Top-down: route (to know the operation), record, inject faults, authenticate, check the
        // exact path, then the operation's handler.
        app.UseRouting();
        app.Use(new RequestRecorder(requests, clock).InvokeAsync);
        app.Use(new FaultInjector(faults).InvokeAsync);
        app.Use(new BearerAuthentication(options.AccessToken).InvokeAsync);
        app.Use(ExactPathCheck.InvokeAsync);
        api.Map(app.MapGroup(CcsClientOptions.ApiPath));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(address).Port;
        var baseUri = new Uri($"http://127.0.0.1:{port}{CcsClientOptions.ApiPath}");
        return new CcsEmulator(app, baseUri, options, state, faults, requests, changes, api.Operations);
    }

    /// <summary>Options for a <see cref="CcsClient"/> that talks to this emulator with its token.</summary>
    /// <returns>New options; change them freely (for example the timeout).</returns>
    public CcsClientOptions CreateClientOptions() => new() { BaseUri = BaseUri, AccessToken = AccessToken };

    /// <summary>Creates a <see cref="CcsClient"/> for this emulator, with its base URL and token. Dispose it before the emulator.</summary>
    /// <returns>A new client.</returns>
    public CcsClient CreateClient() => new(CreateClientOptions());

    /// <summary>Stops the server, ends open connections and the change feed.</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Changes.Complete();
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

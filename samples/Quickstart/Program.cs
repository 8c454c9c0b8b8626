// A tour of the CCS API through CcsClient: tenants, a tenant's extensions and queues, agent state,
// calls (list, search, kill), then a few seconds of live events (agent, call and queue changes).
//
// With no configuration it starts the CCS emulator (CcsClient.Testing) in-process and tours that,
// with synthetic call traffic for the live events, so it works on a fresh machine without an
// account. To talk to the real service instead set:
//   CCS_ACCESS_TOKEN          the bearer token of your CCS account
//   CCS_DOMAIN                the CCS domain (default ccs.windstreamenterprise.com), or
//   CCS_BASE_URL              a full base URL such as https://ccs.example.com/6/v2/api
//   QUICKSTART_EVENT_SECONDS  how long to print live events (default 3)
using System.Globalization;
using Ccs;
using Ccs.Events;
using Ccs.Models;
using Ccs.Testing;

var token = Environment.GetEnvironmentVariable("CCS_ACCESS_TOKEN");
await using var emulator = string.IsNullOrWhiteSpace(token) ? await CcsEmulator.StartAsync() : null;

CcsClientOptions options;
if (emulator is not null)
{
    Console.WriteLine($"No CCS_ACCESS_TOKEN set: touring the embedded CCS emulator at {emulator.BaseUri}");
    options = emulator.CreateClientOptions();
}
else
{
    options = new CcsClientOptions { AccessToken = token };
    if (Environment.GetEnvironmentVariable("CCS_DOMAIN") is { Length: > 0 } domain)
    {
        options.Domain = domain;
    }

    if (Environment.GetEnvironmentVariable("CCS_BASE_URL") is { Length: > 0 } baseUrl)
    {
        options.BaseUri = new Uri(baseUrl);
    }
}

using var ccs = new CcsClient(options);
Console.WriteLine($"CCS API at {ccs.BaseUri}");

try
{
    var tenants = await ccs.Tenants.ListAsync();
    Console.WriteLine($"{tenants.Count} tenant(s)");
    foreach (var tenant in tenants)
    {
        Console.WriteLine($"  {tenant.Name} [{tenant.Status}] max agents {tenant.MaxAgents}, max calls {tenant.MaxCalls}");
    }

    if (tenants.FirstOrDefault(t => t.Id is not null) is { Id: { } tenantId } first)
    {
        Console.WriteLine($"Tenant {first.Name}:");
        var extensions = await ccs.Extensions.ListAsync(tenantId);
        foreach (var extension in extensions)
        {
            Console.WriteLine($"  extension {extension.Number} {extension.Name}");
        }

        foreach (var queue in await ccs.Tenants.ListAcdsAsync(tenantId))
        {
            Console.WriteLine($"  queue {queue.Name}: {queue.CurrentQueueLength}/{queue.MaxQueueLength} waiting, {queue.AgentsAvailable} agent(s) available");
        }

        if (extensions.FirstOrDefault(e => e.Id is not null) is { Id: { } extensionId } agent)
        {
            var state = await ccs.Agents.GetStateAsync(extensionId);
            Console.WriteLine($"  agent {agent.Name} is {state.State} (available for calls: {state.AvailableForCalls})");
        }
    }

    var calls = await ccs.Calls.ListAsync();
    Console.WriteLine($"{calls.Count} call(s): " + string.Join(", ", calls.GroupBy(c => c.State?.ToString() ?? "?").Select(g => $"{g.Count()} {g.Key}")));

    if (calls.FirstOrDefault(c => c.CallingNumber is not null) is { CallingNumber: { } caller })
    {
        var fromCaller = await ccs.Calls.SearchAsync(new CallSearchCriteria { CallingNumber = caller });
        Console.WriteLine($"Search by calling number: {fromCaller.Count} call(s)");
    }

    if (emulator is not null && calls.FirstOrDefault(c => c.State == CallState.Connected) is { Id: { } callId })
    {
        // Only against the emulator: the tour does not end real customers' calls.
        await ccs.Calls.KillAsync(callId);
        var killed = await ccs.Calls.GetAsync(callId);
        Console.WriteLine($"Killed call {callId}: now {killed.State}");
    }

    await PrintLiveEventsAsync(ccs, emulator, EventWatchTime());
    return 0;
}
catch (Exception ex) when (ex is CcsApiException or CcsEventStreamException)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}

// Subscribes to the event stream and prints typed events until the watch time is over. Against the
// emulator, its traffic generator makes calls arrive, queue, connect, hold and end meanwhile.
static async Task PrintLiveEventsAsync(CcsClient ccs, CcsEmulator? emulator, TimeSpan watchTime)
{
    await using var events = ccs.Events;
    Console.WriteLine($"Live events from {events.Endpoint} for {watchTime.TotalSeconds:0.#} s:");
    await events.StartAsync();
    emulator?.Traffic.Start(callsPerSecond: 4);
    using var watch = new CancellationTokenSource(watchTime);
    var count = 0;
    try
    {
        await foreach (var e in events.ReadAllAsync(watch.Token))
        {
            count++;
            Console.WriteLine(e switch
            {
                CallStateChanged c => $"  call {c.Call.Id}: {c.PreviousState?.ToString() ?? "(new)"} -> {c.Call.State}",
                AgentStateChanged a => $"  agent {a.State.ExtensionId}: {a.PreviousState} -> {a.State.State}",
                QueueUpdated q => $"  queue {q.Queue.Name}: {q.Queue.CurrentQueueLength} waiting, {q.Queue.AgentsAvailable} agent(s) available",
                _ => $"  {e.Type} (an event type this sample does not know)",
            });
        }
    }
    catch (OperationCanceledException) when (watch.IsCancellationRequested)
    {
        // The watch time is over.
    }

    emulator?.Traffic.Stop();
    Console.WriteLine($"{count} event(s) in {watchTime.TotalSeconds:0.#} s");
}

static TimeSpan EventWatchTime()
    => double.TryParse(Environment.GetEnvironmentVariable("QUICKSTART_EVENT_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 50
        ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.FromSeconds(3);

// A tour of the CCS API through CcsClient: tenants, a tenant's extensions and queues, agent state,
// calls (list, search, kill).
//
// With no configuration it starts the CCS emulator (CcsClient.Testing) in-process and tours that,
// so it works on a fresh machine without an account. To talk to the real service instead set:
//   CCS_ACCESS_TOKEN  the bearer token of your CCS account
//   CCS_DOMAIN        the CCS domain (default ccs.windstreamenterprise.com), or
//   CCS_BASE_URL      a full base URL such as https://ccs.example.com/6/v2/api
using Ccs;
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

    return 0;
}
catch (CcsApiException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}

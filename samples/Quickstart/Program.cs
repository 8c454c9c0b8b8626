// A tour of the CCS API through CcsClient: tenants, a tenant's extensions and queues, calls.
// Configure with environment variables:
//   CCS_ACCESS_TOKEN  the bearer token of your CCS account (required)
//   CCS_DOMAIN        the CCS domain (default ccs.windstreamenterprise.com), or
//   CCS_BASE_URL      a full base URL such as https://ccs.example.com/6/v2/api
using Ccs;
using Ccs.Models;

var token = Environment.GetEnvironmentVariable("CCS_ACCESS_TOKEN");
if (string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("Set CCS_ACCESS_TOKEN (and CCS_DOMAIN or CCS_BASE_URL) to run the tour against your CCS account.");
    return 2;
}

var options = new CcsClientOptions { AccessToken = token };
if (Environment.GetEnvironmentVariable("CCS_DOMAIN") is { Length: > 0 } domain)
{
    options.Domain = domain;
}

if (Environment.GetEnvironmentVariable("CCS_BASE_URL") is { Length: > 0 } baseUrl)
{
    options.BaseUri = new Uri(baseUrl);
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
        foreach (var extension in await ccs.Extensions.ListAsync(tenantId))
        {
            Console.WriteLine($"  extension {extension.Number} {extension.Name}");
        }

        foreach (var queue in await ccs.Tenants.ListAcdsAsync(tenantId))
        {
            Console.WriteLine($"  queue {queue.Name}: {queue.CurrentQueueLength}/{queue.MaxQueueLength} waiting, {queue.AgentsAvailable} agents available");
        }

        Console.WriteLine($"Tenant {first.Name}: done.");
    }

    var calls = await ccs.Calls.ListAsync();
    Console.WriteLine($"{calls.Count} call(s); {calls.Count(c => c.State == CallState.Queued)} queued");
    return 0;
}
catch (CcsApiException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}

// Native AOT smoke test of CcsClient: one REST call and (unless --rest-only) one event from the event stream.
//   CcsClient.AotSmoke --base-url http://127.0.0.1:PORT/6/v2/api --token TOKEN [--events-url ws://…/6/v2/events] [--rest-only] [--timeout SECONDS]
// The base URL and token may also come from CCS_BASE_URL and CCS_ACCESS_TOKEN. Exit code 0 means both checks passed.
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Ccs;
using Ccs.Events;

string? baseUrl = Environment.GetEnvironmentVariable("CCS_BASE_URL");
string? token = Environment.GetEnvironmentVariable("CCS_ACCESS_TOKEN");
string? eventsUrl = Environment.GetEnvironmentVariable("CCS_EVENTS_URL");
var restOnly = false;
var timeout = TimeSpan.FromSeconds(30);
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--base-url" when value is not null: baseUrl = value; i++; break;
        case "--token" when value is not null: token = value; i++; break;
        case "--events-url" when value is not null: eventsUrl = value; i++; break;
        case "--timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds): timeout = TimeSpan.FromSeconds(seconds); i++; break;
        case "--rest-only": restOnly = true; break;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage: CcsClient.AotSmoke --base-url URL --token TOKEN [--events-url URL] [--rest-only] [--timeout SECONDS]");
            return 2;
    }
}

if (string.IsNullOrWhiteSpace(baseUrl) || string.IsNullOrWhiteSpace(token))
{
    Console.Error.WriteLine("Give the emulator's base URL and token: --base-url/--token or CCS_BASE_URL/CCS_ACCESS_TOKEN.");
    return 2;
}

using var deadline = new CancellationTokenSource(timeout);
var options = new CcsClientOptions { BaseUri = new Uri(baseUrl), AccessToken = token };
if (!string.IsNullOrWhiteSpace(eventsUrl))
{
    options.Events = new CcsEventStreamOptions { Endpoint = new Uri(eventsUrl) };
}

using var ccs = new CcsClient(options);
try
{
    var tenants = await ccs.Tenants.ListAsync(cancellationToken: deadline.Token);
    Console.WriteLine($"REST ok: {tenants.Count} tenants (first: {(tenants.Count > 0 ? tenants[0].Name : "none")}).");
    if (tenants.Count == 0)
    {
        Console.Error.WriteLine("REST check failed: the emulator returned no tenants.");
        return 1;
    }

    if (restOnly)
    {
        Console.WriteLine("Events skipped (--rest-only).");
        return 0;
    }

    await using var events = ccs.Events;
    var first = new TaskCompletionSource<CcsEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
    using var handler = events.On<CcsEvent>((e, _) =>
    {
        first.TrySetResult(e);
        return ValueTask.CompletedTask;
    });
    await events.StartAsync(deadline.Token);
    Console.WriteLine($"Events connected to {events.Endpoint}; waiting for one event.");
    var received = await first.Task.WaitAsync(deadline.Token);
    Console.WriteLine($"Events ok: {received.Type} seq {received.Sequence} ({received.GetType().Name}).");
    return 0;
}
catch (OperationCanceledException) when (deadline.IsCancellationRequested)
{
    Console.Error.WriteLine($"Timed out after {timeout.TotalSeconds:0} s.");
    return 1;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"Failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

// A live terminal wallboard of queues, agents and calls, driven by the real-time event stream.
// With no configuration it starts the CCS emulator with synthetic traffic; set CCS_ACCESS_TOKEN (and
// CCS_DOMAIN or CCS_BASE_URL) to watch your account. Runs until Ctrl+C, or WALLBOARD_SECONDS.
using System.Collections.Concurrent;
using Ccs;
using Ccs.Events;
using Ccs.Models;
using Ccs.Testing;
using Spectre.Console;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
if (int.TryParse(Environment.GetEnvironmentVariable("WALLBOARD_SECONDS"), out var seconds) && seconds > 0)
{
    stop.CancelAfter(TimeSpan.FromSeconds(seconds));
}

var token = Environment.GetEnvironmentVariable("CCS_ACCESS_TOKEN");
await using var emulator = string.IsNullOrWhiteSpace(token)
    ? await CcsEmulator.StartAsync(new CcsEmulatorOptions { Traffic = { CallsPerSecond = 4 } })
    : null;
var options = emulator?.CreateClientOptions() ?? new CcsClientOptions
{
    AccessToken = token,
    Domain = Environment.GetEnvironmentVariable("CCS_DOMAIN") is { Length: > 0 } d ? d : CcsClientOptions.DefaultDomain,
    BaseUri = Environment.GetEnvironmentVariable("CCS_BASE_URL") is { Length: > 0 } u ? new Uri(u) : null,
};

using var ccs = new CcsClient(options);
var board = new Board();

// Start from a REST snapshot; events keep it current from then on.
var tenants = await ccs.Tenants.ListAsync(stop.Token);
var tenant = tenants.First(t => t.Id is not null);
foreach (var queue in await ccs.Tenants.ListAcdsAsync(tenant.Id!.Value, stop.Token))
{
    board.Queues[queue.Id ?? "?"] = queue;
}

foreach (var extension in await ccs.Extensions.ListAsync(tenant.Id!.Value, stop.Token))
{
    var state = await ccs.Agents.GetStateAsync(extension.Id!.Value, stop.Token);
    board.Agents[extension.Id!.Value.ToString()] = (extension.Name ?? extension.Number ?? "?", state);
}

// This board shows one tenant; the stream carries every tenant the token may see.
var tenantKey = tenant.Id!.Value.ToString();
var events = ccs.Events;
events.StateChanged += (_, e) => board.Connection = $"{e.State} ({e.Reason})";
events.GapDetected += (_, _) => board.Gaps++;
using var onQueue = events.On<QueueUpdated>((e, _) =>
{
    if (e.TenantId == tenantKey)
    {
        board.Queues[e.Queue.Id ?? "?"] = e.Queue;
    }

    return ValueTask.CompletedTask;
});
using var onAgent = events.On<AgentStateChanged>((e, _) =>
{
    if (e.TenantId == tenantKey && e.State.ExtensionId is { } key && board.Agents.TryGetValue(key, out var agent))
    {
        board.Agents[key] = (agent.Name, e.State);
    }

    return ValueTask.CompletedTask;
});
using var onCall = events.On<CallStateChanged>((e, _) =>
{
    if (e.TenantId == tenantKey)
    {
        board.Calls[e.Call.Id ?? "?"] = e.Call.State ?? default;
    }

    return ValueTask.CompletedTask;
});
await events.StartAsync(stop.Token);

await AnsiConsole.Live(board.Render(tenant.Name, events)).StartAsync(async live =>
{
    while (!stop.IsCancellationRequested)
    {
        live.UpdateTarget(board.Render(tenant.Name, events));
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
});

await events.DisposeAsync();
return 0;

/// <summary>What the wallboard shows; written by event handlers, read by the render loop.</summary>
internal sealed class Board
{
    public ConcurrentDictionary<string, Acd> Queues { get; } = new();

    public ConcurrentDictionary<string, (string Name, AgentState State)> Agents { get; } = new();

    public ConcurrentDictionary<string, CallState> Calls { get; } = new();

    public string Connection { get; set; } = "connecting";

    public int Gaps { get; set; }

    public Rows Render(string? tenant, CcsEventStream events)
    {
        var queues = new Table().Title($"[bold]{Markup.Escape(tenant ?? "tenant")}[/] queues").AddColumns("Queue", "Waiting", "Max", "Agents available");
        foreach (var q in Queues.Values.OrderBy(q => q.Name))
        {
            var waiting = q.CurrentQueueLength ?? 0;
            var color = waiting == 0 ? "green" : waiting < 3 ? "yellow" : "red";
            queues.AddRow(Markup.Escape(q.Name ?? "?"), $"[{color}]{waiting}[/]", $"{q.MaxQueueLength}", $"{q.AgentsAvailable}");
        }

        var agents = new Table().Title("Agents").AddColumns("Agent", "State", "Takes calls", "Since");
        foreach (var (name, state) in Agents.Values.OrderBy(a => a.Name))
        {
            agents.AddRow(Markup.Escape(name), Markup.Escape(state.State ?? "?"), state.AvailableForCalls == true ? "[green]yes[/]" : "[grey]no[/]", $"{state.UpdatedAt:HH:mm:ss}");
        }

        var calls = string.Join("  ", Calls.Values.GroupBy(s => s.ToString()).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
        var status = $"[grey]events {events.ReceivedEvents}, dropped {events.DroppedEvents}, gaps {Gaps}, stream {Markup.Escape(Connection)}[/]";
        return new Rows(queues, agents, new Markup($"Calls seen  {Markup.Escape(calls)}"), new Markup(status));
    }
}

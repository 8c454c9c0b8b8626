using System.Net;
using Ccs.Models;
using Ccs.Testing.Tests.Support;
using Ccs.Tests.Spec;

namespace Ccs.Testing.Tests;

/// <summary>The seeded data is realistic and reproducible.</summary>
public class DeterminismTests
{
    [Fact]
    public async Task Two_emulators_with_the_same_seed_serve_identical_data()
    {
        await using var first = await Emulators.StartAsync(seed: 42);
        await using var second = await Emulators.StartAsync(seed: 42);

        var firstBodies = await ReadEveryGetAsync(first, first);
        var secondBodies = await ReadEveryGetAsync(second, first);

        Assert.Equal(firstBodies, secondBodies);
        Assert.Contains(firstBodies, b => b.Contains("\"duration\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_ids_and_names_whatever_the_clock()
    {
        await using var first = await CcsEmulator.StartAsync(new CcsEmulatorOptions { Seed = 7 });
        await using var second = await CcsEmulator.StartAsync(new CcsEmulatorOptions { Seed = 7 });

        Assert.Equal(first.State.Tenants.Select(t => (t.Id, t.Name)), second.State.Tenants.Select(t => (t.Id, t.Name)));
        Assert.Equal(first.State.Calls.Select(c => (c.Id, c.CallingNumber, c.State)), second.State.Calls.Select(c => (c.Id, c.CallingNumber, c.State)));
    }

    [Fact]
    public async Task Different_seeds_give_different_data()
    {
        await using var first = await Emulators.StartAsync(seed: 1);
        await using var second = await Emulators.StartAsync(seed: 2);

        Assert.NotEqual(await ReadEveryGetAsync(first, first), await ReadEveryGetAsync(second, second));
        Assert.Empty(first.State.Tenants.Select(t => t.Id).Intersect(second.State.Tenants.Select(t => t.Id)));
        Assert.NotEqual(first.State.Calls.Select(c => c.CallingNumber), second.State.Calls.Select(c => c.CallingNumber));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12345)]
    public async Task Seeded_data_covers_what_a_contact_center_has(int seed)
    {
        await using var emulator = await Emulators.StartAsync(seed);
        var state = emulator.State;

        Assert.True(state.Tenants.Count >= 3);
        Assert.Equal(state.Tenants.Count, state.Tenants.Select(t => t.Name).Distinct().Count());
        Assert.Equal(TenantStatus.Active, state.GetTenant(state.GetExtension(state.CurrentAgentExtensionId).TenantId).Status);
        foreach (var tenant in state.Tenants)
        {
            Assert.True(state.Extensions.Count(e => e.TenantId == tenant.Id) >= 3);
            Assert.True(state.Acds.Count(a => a.TenantId == tenant.Id) >= 2);
            Assert.Subset(
                state.PresenceOptions.Where(p => p.TenantId == tenant.Id).Select(p => p.Name).ToHashSet(),
                new HashSet<string> { "Available", "Busy", "On Break" });
            var states = state.Calls.Where(c => c.TenantId == tenant.Id).Select(c => c.State).ToHashSet();
            Assert.Equal(5, new[] { CallState.Alerting, CallState.Queued, CallState.Connected, CallState.Held, CallState.Completed }.Count(states.Contains));
            Assert.NotEmpty(tenant.ProductIds);
            Assert.NotEmpty(tenant.RoleIds);
        }

        Assert.All(state.Extensions, e => Assert.NotEmpty(e.AcdIds));
        Assert.All(state.Extensions, e => Assert.Contains(state.AgentStates, a => a.ExtensionId == e.Id));
        Assert.All(state.Calls, c => Assert.Contains(state.Acds, a => a.Id == c.AcdId && a.PhoneNumber == c.CalledNumber));
        Assert.Contains(state.Acds, a => a.CurrentQueueLength > 0);
        Assert.Equal(state.Calls.Count, state.Calls.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_anything_starts()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { TenantCount = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { AccessToken = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { Port = 70000 }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { HeartbeatInterval = TimeSpan.Zero }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { ResumeWindow = TimeSpan.FromSeconds(-1) }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { EventQueueCapacity = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { EventQueueCapacity = 100, EventReplayCapacity = 50 }));
        await Assert.ThrowsAsync<ArgumentException>(() => CcsEmulator.StartAsync(new CcsEmulatorOptions { Traffic = { CallsPerSecond = -1 } }));
    }

    [Fact]
    public async Task Counts_and_port_are_configurable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using var emulator = await CcsEmulator.StartAsync(new CcsEmulatorOptions { Port = port, TenantCount = 5, ExtensionsPerTenant = 2, CallsPerTenant = 5 });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/6/v2/api"), emulator.BaseUri);
        Assert.Equal(5, emulator.State.Tenants.Count);
        Assert.Equal(10, emulator.State.Extensions.Count);
        Assert.Equal(25, emulator.State.Calls.Count);
    }

    // The body of every GET operation of the spec, with the ids of `ids`.
    private static async Task<List<string>> ReadEveryGetAsync(CcsEmulator emulator, CcsEmulator ids)
    {
        using var http = Emulators.Raw(emulator);
        var bodies = new List<string>();
        foreach (var operation in OpenApiSpec.Instance.Operations.Where(o => o.Method == HttpMethod.Get))
        {
            var (path, _) = SpecRequests.For(ids, operation);
            using var response = await http.SendAsync("GET", path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        return bodies;
    }
}

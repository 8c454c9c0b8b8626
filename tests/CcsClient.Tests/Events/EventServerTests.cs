namespace Ccs.Tests.Events;

/// <summary>A fresh <see cref="EventTestServer"/> for every test.</summary>
public abstract class EventServerTests : IAsyncLifetime
{
    protected EventTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await EventTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

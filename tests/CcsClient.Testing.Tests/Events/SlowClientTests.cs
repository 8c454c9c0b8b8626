using Ccs.Events;
using Ccs.Testing.Tests.Support;

namespace Ccs.Testing.Tests.Events;

/// <summary>A client that does not read is closed (4000) without holding up the emulator or other clients.</summary>
public class SlowClientTests
{
    [Fact]
    public async Task A_client_that_does_not_read_is_closed_with_4000_while_others_get_every_event()
    {
        await using var emulator = await Emulators.StartAsync(options: o => o.EventQueueCapacity = 16);
        await using var stuck = await emulator.ConnectRawAsync();
        await stuck.SubscribeAsync();
        using var ccs = emulator.CreateEventClient();
        var events = await ccs.Events.StartRecordingAsync();

        // Bursts of events until the client that does not read falls 16 behind (its sends queue up in
        // the socket buffers, or its send loop simply lags): every step returns without waiting for it.
        for (var step = 0; step < 20_000 && emulator.SlowEventClientsClosed == 0; step++)
        {
            emulator.Traffic.Step();
        }

        await ccs.Agents.SetStateAsync("Lunch");
        await events.NextAsync<AgentStateChanged>(a => a.State.State == "Lunch");

        // With so small a queue the SDK's client may be closed as too slow during the bursts too: it resumes and misses nothing.
        Assert.False(events.Gaps.Reader.TryRead(out _));

        var closing = await stuck.SkipToAsync("closing");
        Assert.Equal((4000, "client_too_slow"), ((int)closing["close_code"]!, (string?)closing["reason"]));
        Assert.Null(await stuck.ReceiveAsync());
        Assert.Equal(4000, (int?)stuck.Socket.CloseStatus);
    }
}

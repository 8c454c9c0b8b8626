using Ccs.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Ccs.Tests.DependencyInjection;

public class EventStreamRegistrationTests
{
    [Fact]
    public async Task AddCcsClient_registers_the_clients_event_stream_as_a_singleton()
    {
        var services = new ServiceCollection();
        services.AddCcsClient(o => { o.BaseUri = new Uri("https://ccs.test/6/v2/api"); o.AccessToken = "t"; });
        services.AddCcsClient("east", o => { o.BaseUri = new Uri("https://east.test/6/v2/api"); o.AccessToken = "e"; });
        await using var provider = services.BuildServiceProvider();

        var stream = provider.GetRequiredService<CcsEventStream>();
        Assert.Same(provider.GetRequiredService<CcsClient>().Events, stream);
        Assert.Same(stream, provider.GetRequiredService<CcsEventStream>());

        var east = provider.GetRequiredKeyedService<CcsEventStream>("east");
        Assert.Same(provider.GetRequiredKeyedService<CcsClient>("east").Events, east);
        Assert.NotSame(stream, east);
        Assert.Equal(new Uri("wss://east.test/6/v2/events"), east.Endpoint);
    }
}

using Ccs.Tests.Support;

namespace Ccs.Tests;

public class SmokeTests
{
    [Fact]
    public async Task ListTenants_sends_bearer_token_and_decodes()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Json("""[{"uuid":"8d7f3c52-2d1e-4b8a-9f5e-0c6a1b2c3d4e","name":"Acme","status":"active","max_agents":5}]"""));
        using var ccs = TestClients.Over(handler);
        var tenants = await ccs.Tenants.ListAsync();
        var t = Assert.Single(tenants);
        Assert.Equal("Acme", t.Name);
        Assert.Equal("https://ccs.test/6/v2/api/tenants", handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal($"Bearer {TestClients.Token}", handler.Requests[0].Authorization);
    }
}

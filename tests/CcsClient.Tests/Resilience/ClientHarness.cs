using Ccs.Models;
using Ccs.Tests.Support;

namespace Ccs.Tests.Resilience;

/// <summary>
/// A client over a <see cref="ScriptedHandler"/> with retries on and a <see cref="TestClock"/>.
/// Set <see cref="Options"/> before the first use of <see cref="Client"/>.
/// </summary>
public sealed class ClientHarness : IDisposable
{
    public static readonly Guid TenantId = Guid.Parse("3f1c1f9e-8a43-4f5e-9d2b-6f0e5b7c2a11");

    /// <summary>Operations by id, each called with valid arguments; a 200 with <c>{}</c> satisfies all of them.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CcsClient, CancellationToken, Task>> Operations =
        new Dictionary<string, Func<CcsClient, CancellationToken, Task>>
        {
            ["getTenant"] = (c, ct) => c.Tenants.GetAsync(TenantId, ct),
            ["updateTenantLimits"] = (c, ct) => c.Tenants.UpdateLimitsAsync(TenantId, new TenantLimitsUpdate { MaxAgents = 25 }, ct),
            ["controlCall"] = (c, ct) => c.Calls.KillAsync("call-42", ct),
            ["updateTenantProducts"] = (c, ct) => c.Tenants.UpdateProductsAsync(TenantId, new TenantProductsUpdate { Add = ["acd-pro"] }, ct),
            ["resetTextMessageCount"] = (c, ct) => c.Tenants.ResetTextCountAsync(TenantId, ct),
            ["updateAgentState"] = (c, ct) => c.Agents.SetStateAsync("Available", cancellationToken: ct),
        };

    private CcsClient? _client;

    public ClientHarness(int maxRetries)
    {
        Handler = new ScriptedHandler(Clock);
        Options = TestClients.Options();
        Options.TimeProvider = Clock;
        Options.Retry.MaxRetries = maxRetries;
    }

    public TestClock Clock { get; } = new();

    public ScriptedHandler Handler { get; }

    public CcsClientOptions Options { get; }

    public CcsClient Client
    {
        get
        {
            lock (Handler)
            {
                return _client ??= new CcsClient(Options, Handler);
            }
        }
    }

    /// <summary>Starts the operation <paramref name="operationId"/>.</summary>
    public Task Call(string operationId, CancellationToken cancellationToken = default) => Operations[operationId](Client, cancellationToken);

    /// <summary>Runs a call to completion, moving the fake clock through backoff waits and hanging attempts.</summary>
    public Task RunAsync(Task call) => Clock.RunAsync(call, () => Handler.IsHanging);

    /// <summary>Starts <paramref name="operationId"/> and runs it to completion.</summary>
    public Task RunAsync(string operationId) => RunAsync(Call(operationId));

    public void Dispose() => _client?.Dispose();
}

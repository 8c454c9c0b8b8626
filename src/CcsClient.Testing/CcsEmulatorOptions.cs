using System;

namespace Ccs.Testing;

/// <summary>Settings of a <see cref="CcsEmulator"/>: where it listens, the token it accepts and the data it starts with.</summary>
public sealed class CcsEmulatorOptions
{
    /// <summary>The access token an emulator accepts unless <see cref="AccessToken"/> says otherwise.</summary>
    public const string DefaultAccessToken = "ccs-emulator-token";

    /// <summary>
    /// The seed of the generated data. The same seed gives the same tenants, extensions, queues,
    /// calls, agent states and counters (ids, names, numbers and states); timestamps are relative to
    /// <see cref="TimeProvider"/>'s clock at start. Default 1.
    /// </summary>
    public int Seed { get; set; } = 1;

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one. See <see cref="CcsEmulator.BaseUri"/>.</summary>
    public int Port { get; set; }

    /// <summary>The bearer token the emulator accepts; any other answers 401. Default <see cref="DefaultAccessToken"/>.</summary>
    public string AccessToken { get; set; } = DefaultAccessToken;

    /// <summary>How many tenants to generate; at least 1. Default 3.</summary>
    public int TenantCount { get; set; } = 3;

    /// <summary>How many extensions (agents) each tenant has; at least 1. Default 6.</summary>
    public int ExtensionsPerTenant { get; set; } = 6;

    /// <summary>
    /// How many calls each tenant starts with; the first five are in the states <c>alerting</c>,
    /// <c>queued</c>, <c>connected</c>, <c>held</c> and <c>completed</c>, the rest random. Default 8.
    /// </summary>
    public int CallsPerTenant { get; set; } = 8;

    /// <summary>
    /// The clock of the data: seeded timestamps, call durations, <c>updated_at</c> of agent states and
    /// the start of a reset text-count period. Give a fake clock for fully reproducible responses.
    /// Injected latency (<see cref="CcsEmulatorFaults.AddLatency"/>) always uses real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"CcsEmulatorOptions.Port must be 0 (any free port) or a TCP port up to 65535; it is {Port}.", "options");
        }

        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            throw new ArgumentException("CcsEmulatorOptions.AccessToken must not be blank.", "options");
        }

        if (TenantCount < 1 || ExtensionsPerTenant < 1 || CallsPerTenant < 0)
        {
            throw new ArgumentException(
                $"CcsEmulatorOptions needs TenantCount >= 1, ExtensionsPerTenant >= 1 and CallsPerTenant >= 0; they are {TenantCount}, {ExtensionsPerTenant} and {CallsPerTenant}.",
                "options");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("CcsEmulatorOptions.TimeProvider must not be null.", "options");
        }
    }
}

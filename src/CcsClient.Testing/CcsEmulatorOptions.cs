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

    /// <summary>
    /// How often the event endpoint (<see cref="CcsEmulator.EventsUri"/>) sends a <c>heartbeat</c> on a
    /// connection that had nothing else to send, on <see cref="TimeProvider"/>'s clock; announced in
    /// <c>hello</c> as <c>heartbeat_interval_ms</c>. Default 15 seconds.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an event session can be resumed after its connection is lost, on <see cref="TimeProvider"/>'s
    /// clock; announced in <c>hello</c> as <c>resume_window_ms</c>. A later <c>resume</c> gets
    /// <c>invalid_session</c>. Default 60 seconds.
    /// </summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many events each event session keeps for replay after a <c>resume</c>. A client that resumes
    /// from further back gets <c>invalid_session</c>. Default 10,000.
    /// </summary>
    public int EventReplayCapacity { get; set; } = 10_000;

    /// <summary>
    /// How many new events may wait, unsent, for one WebSocket connection. A client that falls further
    /// behind (it does not read) is sent <c>closing</c> and closed with 4000; its session stays
    /// resumable. Slow clients never hold back other connections or the emulator. Default 1,000.
    /// </summary>
    public int EventQueueCapacity { get; set; } = 1_000;

    /// <summary>Synthetic call traffic (<see cref="CcsEmulator.Traffic"/>); off unless <see cref="CcsEmulatorTrafficOptions.CallsPerSecond"/> is set.</summary>
    public CcsEmulatorTrafficOptions Traffic { get; set; } = new();

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

        if (HeartbeatInterval < TimeSpan.FromMilliseconds(1) || HeartbeatInterval > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"CcsEmulatorOptions.HeartbeatInterval must be between 1 ms and 1 day; it is {HeartbeatInterval}.", "options");
        }

        if (ResumeWindow < TimeSpan.Zero || ResumeWindow > TimeSpan.FromDays(1))
        {
            throw new ArgumentException($"CcsEmulatorOptions.ResumeWindow must be between 0 and 1 day; it is {ResumeWindow}.", "options");
        }

        if (EventQueueCapacity < 1 || EventReplayCapacity < EventQueueCapacity || EventReplayCapacity > 1_000_000)
        {
            throw new ArgumentException(
                $"CcsEmulatorOptions needs EventQueueCapacity >= 1 and EventQueueCapacity <= EventReplayCapacity <= 1,000,000; they are {EventQueueCapacity} and {EventReplayCapacity}.",
                "options");
        }

        if (Traffic is null)
        {
            throw new ArgumentException("CcsEmulatorOptions.Traffic must not be null.", "options");
        }

        Traffic.Validate();
    }
}

using System;

namespace Ccs.Testing;

/// <summary>A pending injected failure (<see cref="StatusCode"/> set) or connection reset (<see cref="StatusCode"/> null).</summary>
internal sealed record FaultRule(int Remaining, string? OperationId, int? StatusCode, TimeSpan? RetryAfter);

/// <summary>What the fault injector does to one request: wait <see cref="Latency"/>, then apply <see cref="Fault"/> if any.</summary>
internal sealed record FaultPlan(TimeSpan Latency, FaultRule? Fault);

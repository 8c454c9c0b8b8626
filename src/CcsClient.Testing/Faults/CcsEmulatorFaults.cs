using System;
using System.Collections.Generic;
using System.Linq;

namespace Ccs.Testing;

/// <summary>
/// Faults the emulator injects on demand, to test retries, timeouts and error handling. Reach it
/// through <see cref="CcsEmulator.Faults"/>. Thread-safe. REST faults (<see cref="FailNext"/>,
/// <see cref="AddLatency"/>, <see cref="ResetConnections"/>) apply before authentication and routing
/// checks, like a failing gateway in front of the real service, to REST requests only. WebSocket
/// faults (<see cref="DropWebSockets"/>, <see cref="HalfOpenWebSockets"/>, <see cref="DuplicateNextEvents"/>,
/// <see cref="ExpireWebSocketTokens"/>, <see cref="ForgetWebSocketSessions"/>) act on the event endpoint.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults.FailNext(2, 503, retryAfter: TimeSpan.FromSeconds(1));   // the next two requests fail
/// emulator.Faults.FailNext(1, 429, operationId: "listCalls");               // only the next listCalls
/// emulator.Faults.AddLatency(TimeSpan.FromMilliseconds(50));               // every request, until Clear()
/// emulator.Faults.ResetConnections(1);                                      // drop the next connection
/// emulator.Faults.DropWebSockets();                                         // event clients reconnect and resume
/// emulator.Faults.DuplicateNextEvents(3);                                   // at-least-once delivery, made visible
/// </code>
/// </example>
public sealed class CcsEmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<(TimeSpan Delay, string? OperationId)> _latencies = [];

    private readonly EventServer _events;

    internal CcsEmulatorFaults(EventServer events) => _events = events;

    /// <summary>
    /// Makes the next <paramref name="count"/> requests (of <paramref name="operationId"/> only, when
    /// given) fail with <paramref name="statusCode"/> and a JSON error body. Rules are used up in the
    /// order they were added, together with those of <see cref="ResetConnections"/>.
    /// </summary>
    /// <param name="count">How many requests fail; at least 1.</param>
    /// <param name="statusCode">The status code, 400 to 599. Default 503 Service Unavailable.</param>
    /// <param name="retryAfter">
    /// When set, the response carries <c>Retry-After</c> with this delay in whole seconds (rounded up,
    /// as the header has no fractions).
    /// </param>
    /// <param name="operationId">The operation id of the spec (for example <c>listCalls</c>) the failures are for; null for any request.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void FailNext(int count, int statusCode = 503, TimeSpan? retryAfter = null, string? operationId = null)
    {
        CheckCount(count);
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected failure needs an error status code, 400 to 599.");
        }

        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After must not be negative.");
        }

        Add(new FaultRule(count, operationId, statusCode, retryAfter));
    }

    /// <summary>
    /// Aborts the connection of the next <paramref name="count"/> requests (of
    /// <paramref name="operationId"/> only, when given) without any response, as a crashed server or
    /// a dropped network would.
    /// </summary>
    /// <param name="count">How many requests are dropped; at least 1.</param>
    /// <param name="operationId">The operation id the resets are for; null for any request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void ResetConnections(int count, string? operationId = null)
    {
        CheckCount(count);
        Add(new FaultRule(count, operationId, StatusCode: null, RetryAfter: null));
    }

    /// <summary>
    /// Delays every later request (of <paramref name="operationId"/> only, when given) by
    /// <paramref name="latency"/> of real time before it is handled, until <see cref="Clear"/>.
    /// Latencies add up. A request the client aborts stops waiting at once.
    /// </summary>
    /// <param name="latency">The delay; positive.</param>
    /// <param name="operationId">The operation id the delay is for; null for any request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is not positive.</exception>
    public void AddLatency(TimeSpan latency, string? operationId = null)
    {
        if (latency <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "Latency must be positive.");
        }

        lock (_gate)
        {
            _latencies.Add((latency, operationId));
        }
    }

    /// <summary>
    /// Aborts every open WebSocket connection of the event endpoint now, without a close frame, as a
    /// dropped network would. Sessions stay resumable for <see cref="CcsEmulatorOptions.ResumeWindow"/>.
    /// </summary>
    /// <returns>How many connections were dropped.</returns>
    public int DropWebSockets() => _events.DropConnections();

    /// <summary>
    /// Makes every open WebSocket connection half-open: from now on the emulator sends nothing on it,
    /// heartbeats included, and does not close it. A client notices only by its heartbeat watchdog.
    /// Connections opened later are not affected.
    /// </summary>
    /// <returns>How many connections went silent.</returns>
    public int HalfOpenWebSockets() => _events.SilenceConnections();

    /// <summary>Sends each of the next <paramref name="count"/> event frames (on any connection) twice in a row.</summary>
    /// <param name="count">How many events are duplicated; at least 1. Counts add up.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void DuplicateNextEvents(int count)
    {
        CheckCount(count);
        _events.DuplicateNext(count);
    }

    /// <summary>
    /// Ends every open WebSocket connection as an expired token does: <c>closing</c> with close code
    /// 4001 (<see cref="Events.CcsEventCloseCodes.TokenExpired"/>, reason <c>token_expired</c>), then
    /// the close frame. Sessions stay resumable.
    /// </summary>
    /// <returns>How many connections were closed.</returns>
    public int ExpireWebSocketTokens() => _events.CloseConnections(Events.CcsEventCloseCodes.TokenExpired, "token_expired");

    /// <summary>
    /// Forgets every event session and drops every WebSocket connection, as a server that lost its
    /// state: clients that resume get <c>invalid_session</c> (<c>unknown_session</c>) and must resync.
    /// </summary>
    /// <returns>How many sessions were forgotten.</returns>
    public int ForgetWebSocketSessions() => _events.ForgetSessions();

    /// <summary>Removes every pending fault: failures and resets, all latency and event duplicates. Half-open connections stay silent.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _latencies.Clear();
        }

        _events.ClearFaults();
    }

    /// <summary>Decides what happens to one request, using up one failure or reset if one applies.</summary>
    internal FaultPlan Next(string? operationId)
    {
        lock (_gate)
        {
            var latency = _latencies.Where(l => Applies(l.OperationId, operationId)).Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Delay);
            var index = _rules.FindIndex(rule => Applies(rule.OperationId, operationId));
            if (index < 0)
            {
                return new FaultPlan(latency, null);
            }

            var rule = _rules[index];
            if (rule.Remaining == 1)
            {
                _rules.RemoveAt(index);
            }
            else
            {
                _rules[index] = rule with { Remaining = rule.Remaining - 1 };
            }

            return new FaultPlan(latency, rule);
        }
    }

    private static bool Applies(string? ruleOperationId, string? operationId)
        => ruleOperationId is null || string.Equals(ruleOperationId, operationId, StringComparison.Ordinal);

    private static void CheckCount(int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count must be at least 1.");
        }
    }

    private void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}

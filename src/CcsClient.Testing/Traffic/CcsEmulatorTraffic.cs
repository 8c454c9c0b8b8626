using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>
/// Synthetic call traffic: new calls arrive and move <c>alerting</c> → <c>queued</c> → <c>connected</c>
/// (to an available agent of their queue, who becomes <c>Busy</c>) → <c>held</c> → <c>completed</c>
/// (the agent goes to <c>After Call Work</c>), and agents who are neither available nor busy (after
/// call work, on a break) come back to <c>Available</c> now and then, changing queue counters on the way. Every change goes
/// through the state, so REST and the event stream see it. Reach it through <see cref="CcsEmulator.Traffic"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each step advances every call the traffic created by at most one state (a call moves with even odds,
/// so states mix; a queued call waits for an available agent), may bring one agent back to
/// <c>Available</c> (one chance in three), then one new call arrives (unless its queue is full). Steps follow
/// the emulator's <see cref="CcsEmulatorOptions.TimeProvider"/>: in real time with the system clock, on
/// demand with a fake one. The choices come from <see cref="CcsEmulatorOptions.Seed"/>, so the same seed
/// and the same steps give the same calls and states. <see cref="Step"/> runs one step at once.
/// </para>
/// <para>
/// The current agent (<see cref="EmulatorState.CurrentAgentExtensionId"/>) is never given calls, so its
/// state is yours. Calls the traffic completed are removed after the 500 most recent.
/// </para>
/// </remarks>
public sealed class CcsEmulatorTraffic : IDisposable
{
    private const double MoveOdds = 0.5;
    private const int CompletedKept = 500;
    private const string Busy = "Busy";
    private const string Available = "Available";
    private const string AfterCallWork = "After Call Work";
    private const double ReturnOdds = 1.0 / 3;

    private readonly object _gate = new();
    private readonly EmulatorState _state;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly List<TrafficCall> _active = [];
    private readonly Queue<string> _completed = new();
    private ITimer? _timer;
    private double _callsPerSecond;
    private long _steps;
    private bool _disposed;

    internal CcsEmulatorTraffic(EmulatorState state, TimeProvider clock, int seed)
    {
        _state = state;
        _clock = clock;
        _random = new Random(unchecked((seed * 7919) + 17));
    }

    /// <summary>Whether traffic runs on the clock now.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _timer is not null;
            }
        }
    }

    /// <summary>The rate of new calls while running; 0 when stopped.</summary>
    public double CallsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _callsPerSecond;
            }
        }
    }

    /// <summary>How many steps ran so far (on the clock and through <see cref="Step"/>).</summary>
    public long Steps => Interlocked.Read(ref _steps);

    /// <summary>Starts traffic (or changes its rate): one step, and so one new call, every 1/<paramref name="callsPerSecond"/> seconds of the emulator's clock.</summary>
    /// <param name="callsPerSecond">New calls per second; more than 0, at most <see cref="CcsEmulatorTrafficOptions.MaxCallsPerSecond"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The emulator is stopped.</exception>
    public void Start(double callsPerSecond = 1)
    {
        if (double.IsNaN(callsPerSecond) || callsPerSecond <= 0 || callsPerSecond > CcsEmulatorTrafficOptions.MaxCallsPerSecond)
        {
            throw new ArgumentOutOfRangeException(nameof(callsPerSecond), callsPerSecond, $"The rate must be more than 0 and at most {CcsEmulatorTrafficOptions.MaxCallsPerSecond} calls per second.");
        }

        var period = TimeSpan.FromSeconds(1 / callsPerSecond);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timer?.Dispose();
            _callsPerSecond = callsPerSecond;
            _timer = _clock.CreateTimer(static t => ((CcsEmulatorTraffic)t!).OnTick(), this, period, period);
        }
    }

    /// <summary>Stops traffic on the clock; calls stay as they are. <see cref="Step"/> still works.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
            _callsPerSecond = 0;
        }
    }

    /// <summary>Runs one step now, whether or not traffic runs: every traffic call may move one state, and one new call arrives.</summary>
    /// <exception cref="ObjectDisposedException">The emulator is stopped.</exception>
    public void Step()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            StepLocked();
        }
    }

    /// <summary>Stops traffic for good (the emulator stops).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
            _callsPerSecond = 0;
        }
    }

    // A tick that raced with Stop (its timer already gone) does nothing: after Stop no step runs on the clock.
    private void OnTick()
    {
        lock (_gate)
        {
            if (_timer is not null && !_disposed)
            {
                StepLocked();
            }
        }
    }

    private void StepLocked()
    {
        _state.Batch(() =>
        {
            MoveCalls();
            ReturnAgent();
            AddCall();
        });
        Interlocked.Increment(ref _steps);
    }

    private void MoveCalls()
    {
        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var traffic = _active[i];
            var call = _state.GetCall(traffic.Id);
            if (call.State == CallState.Completed)
            {
                // Ended by a request (kill, wait_kill) rather than by the traffic.
                Finish(i);
                continue;
            }

            if (_random.NextDouble() >= MoveOdds)
            {
                continue;
            }

            if (call.State == CallState.Alerting)
            {
                _state.MoveCall(call.Id, CallState.Queued, extensionId: null);
            }
            else if (call.State == CallState.Queued)
            {
                if (PickAgent(call.AcdId) is { } agent)
                {
                    _state.MoveCall(call.Id, CallState.Connected, agent);
                    _state.SetAgentState(agent, Busy, reason: null);
                    _active[i] = traffic with { Agent = agent };
                }
            }
            else if (call.State == CallState.Connected)
            {
                _state.MoveCall(call.Id, CallState.Held, call.ExtensionId);
            }
            else if (call.State == CallState.Held)
            {
                _state.MoveCall(call.Id, CallState.Completed, call.ExtensionId);
                Finish(i);
            }
        }
    }

    private void Finish(int index)
    {
        var traffic = _active[index];
        _active.RemoveAt(index);
        if (traffic.Agent is { } agent && _state.GetAgentState(agent).State == Busy)
        {
            _state.SetAgentState(agent, AfterCallWork, reason: null);
        }

        _completed.Enqueue(traffic.Id);
        if (_completed.Count > CompletedKept)
        {
            _state.RemoveCall(_completed.Dequeue());
        }
    }

    private void ReturnAgent()
    {
        if (_random.NextDouble() >= ReturnOdds)
        {
            return;
        }

        var away = _state.AgentStates
            .Where(a => a.ExtensionId != _state.CurrentAgentExtensionId && a.State != Available && a.State != Busy)
            .ToList();
        if (away.Count > 0)
        {
            _state.SetAgentState(away[_random.Next(away.Count)].ExtensionId, Available, reason: null);
        }
    }

    private Guid? PickAgent(string acdId)
    {
        var candidates = _state.Extensions
            .Where(e => e.Id != _state.CurrentAgentExtensionId && e.AcdIds.Contains(acdId, StringComparer.Ordinal))
            .Where(e => _state.GetAgentState(e.Id) is { AvailableForCalls: true, State: Available })
            .ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)].Id;
    }

    private void AddCall()
    {
        var tenants = _state.Tenants;
        var tenant = tenants[_random.Next(tenants.Count)];
        var queues = _state.AcdsOf(tenant.Id);
        var queue = queues[_random.Next(queues.Count)];
        var callingNumber = EmulatorSeeder.PhoneNumber(_random);
        string id;
        do
        {
            id = "call-" + EmulatorSeeder.Hex(_random, 16);
        }
        while (_state.HasCall(id));

        if (queue.CurrentQueueLength >= queue.MaxQueueLength)
        {
            // A full queue takes no more calls: the caller hears a busy tone and no call is recorded.
            return;
        }

        _state.AddCall(new EmulatedCall
        {
            Id = id,
            TenantId = tenant.Id,
            CallingNumber = callingNumber,
            CalledNumber = queue.PhoneNumber,
            State = CallState.Alerting,
            StartedAt = _clock.GetUtcNow(),
            AcdId = queue.Id,
        });
        _active.Insert(0, new TrafficCall(id, Agent: null));
    }

    private sealed record TrafficCall(string Id, Guid? Agent);
}

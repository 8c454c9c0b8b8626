using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>
/// The emulator's data: what its API serves and what requests change. Read it in tests to assert
/// what your code did (<c>emulator.State.GetCall(id).State</c>). Thread-safe: every property and
/// method returns an immutable snapshot taken under one lock.
/// </summary>
/// <remarks>
/// Call-control semantics (<c>POST /calls/{callId}</c>): the emulator's waits end at once, so
/// <list type="bullet">
/// <item><c>kill</c> ends any call that is not completed: it becomes <c>completed</c>.</item>
/// <item><c>wait_kill</c> ends a waiting call (<c>alerting</c>, <c>queued</c> or <c>held</c>): it becomes <c>completed</c>.</item>
/// <item><c>wait_transfer</c> transfers a waiting call to an agent of its queue (the first available one,
/// else the first one): it becomes <c>connected</c> to that extension.</item>
/// <item><c>wait_redirect</c> redirects a waiting call out of its queue to another destination, where it
/// rings: it becomes <c>alerting</c> with no extension.</item>
/// <item><c>startSuppression</c> / <c>stopSuppression</c> set and clear <see cref="EmulatedCall.Suppressed"/>
/// on a call that is not completed; the state does not change.</item>
/// </list>
/// A wait action on a <c>connected</c> call (there is no wait to end) and any action on a
/// <c>completed</c> call answer 409 Conflict; an unknown action answers 400.
/// </remarks>
public sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly ChangeFeed _changes;
    private readonly ImmutableArray<EmulatedProduct> _products;
    private readonly ImmutableArray<EmulatedRole> _roles;
    private readonly ImmutableArray<EmulatedAcd> _acds;
    private readonly ImmutableArray<EmulatedPresenceOption> _presenceOptions;
    private readonly OrderedStore<Guid, EmulatedTenant> _tenants = new();
    private readonly OrderedStore<Guid, EmulatedExtension> _extensions = new();
    private readonly OrderedStore<Guid, EmulatedAgentState> _agentStates = new();
    private readonly OrderedStore<Guid, EmulatedTextCount> _textCounts = new();
    private readonly OrderedStore<string, EmulatedCall> _calls = new(StringComparer.Ordinal);

    internal EmulatorState(SeedData seed, TimeProvider clock, ChangeFeed changes)
    {
        _clock = clock;
        _changes = changes;
        _products = [.. seed.Products];
        _roles = [.. seed.Roles];
        _acds = [.. seed.Acds];
        _presenceOptions = [.. seed.PresenceOptions];
        CurrentAgentExtensionId = seed.CurrentAgentExtensionId;
        foreach (var tenant in seed.Tenants)
        {
            _tenants.Add(tenant.Id, tenant);
        }

        foreach (var extension in seed.Extensions)
        {
            _extensions.Add(extension.Id, extension);
        }

        foreach (var agentState in seed.AgentStates)
        {
            _agentStates.Add(agentState.ExtensionId, agentState);
        }

        foreach (var count in seed.TextCounts)
        {
            _textCounts.Add(count.TenantId, count);
        }

        foreach (var call in seed.Calls)
        {
            _calls.Add(call.Id, call);
        }
    }

    /// <summary>
    /// The extension of "the current agent": the agent the emulator's access token belongs to, whose
    /// state <c>POST /agent-state</c> (<c>ccs.Agents.SetStateAsync</c>) changes. It is the first
    /// extension of the first tenant.
    /// </summary>
    public Guid CurrentAgentExtensionId { get; }

    /// <summary>The product catalog (<c>listProducts</c>).</summary>
    public IReadOnlyList<EmulatedProduct> Products => _products;

    /// <summary>The roles of the system (<c>listRoles</c>).</summary>
    public IReadOnlyList<EmulatedRole> Roles => _roles;

    /// <summary>The tenants (<c>listTenants</c>), in the order the API lists them.</summary>
    public IReadOnlyList<EmulatedTenant> Tenants => Read(() => _tenants.Values());

    /// <summary>The extensions of every tenant.</summary>
    public IReadOnlyList<EmulatedExtension> Extensions => Read(() => _extensions.Values());

    /// <summary>The ACDs (queues) of every tenant, with their counters as of now.</summary>
    public IReadOnlyList<EmulatedAcd> Acds => Read(() => _acds.Select(WithCounters).ToList());

    /// <summary>The presence options of every tenant.</summary>
    public IReadOnlyList<EmulatedPresenceOption> PresenceOptions => _presenceOptions;

    /// <summary>The presence state of every extension's agent.</summary>
    public IReadOnlyList<EmulatedAgentState> AgentStates => Read(() => _agentStates.Values());

    /// <summary>The SMS/MMS counters of every tenant.</summary>
    public IReadOnlyList<EmulatedTextCount> TextCounts => Read(() => _textCounts.Values());

    /// <summary>Every call, active and completed, with durations as of now.</summary>
    public IReadOnlyList<EmulatedCall> Calls
        => Read(() =>
        {
            var now = _clock.GetUtcNow();
            return _calls.Values().Select(call => WithDuration(call, now)).ToList();
        });

    /// <summary>Gets a tenant.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <returns>The tenant as of now.</returns>
    /// <exception cref="KeyNotFoundException">No tenant has this id.</exception>
    public EmulatedTenant GetTenant(Guid tenantId)
        => Read(() => _tenants.TryGet(tenantId, out var tenant) ? tenant : throw new KeyNotFoundException($"No tenant has the id {tenantId}."));

    /// <summary>Gets an extension.</summary>
    /// <param name="extensionId">The extension id.</param>
    /// <returns>The extension as of now.</returns>
    /// <exception cref="KeyNotFoundException">No extension has this id.</exception>
    public EmulatedExtension GetExtension(Guid extensionId)
        => Read(() => _extensions.TryGet(extensionId, out var extension) ? extension : throw new KeyNotFoundException($"No extension has the id {extensionId}."));

    /// <summary>Gets the presence state of an extension's agent.</summary>
    /// <param name="extensionId">The extension id.</param>
    /// <returns>The agent state as of now.</returns>
    /// <exception cref="KeyNotFoundException">No extension has this id.</exception>
    public EmulatedAgentState GetAgentState(Guid extensionId)
        => Read(() => _agentStates.TryGet(extensionId, out var state) ? state : throw new KeyNotFoundException($"No extension has the id {extensionId}."));

    /// <summary>Gets a call.</summary>
    /// <param name="callId">The call id.</param>
    /// <returns>The call, with its duration as of now.</returns>
    /// <exception cref="KeyNotFoundException">No call has this id.</exception>
    public EmulatedCall GetCall(string callId)
        => Read(() => _calls.TryGet(callId, out var call) ? WithDuration(call, _clock.GetUtcNow()) : throw new KeyNotFoundException($"No call has the id '{callId}'."));

    internal EmulatedTenant RequireTenant(Guid tenantId)
        => Read(() => RequireTenantLocked(tenantId));

    internal IReadOnlyList<EmulatedRole> RolesOf(Guid tenantId)
        => Read(() =>
        {
            var tenant = RequireTenantLocked(tenantId);
            return _roles.Where(role => tenant.RoleIds.Contains(role.Id, StringComparer.Ordinal)).ToList();
        });

    internal IReadOnlyList<EmulatedAcd> AcdsOf(Guid tenantId)
        => Read(() =>
        {
            RequireTenantLocked(tenantId);
            return AcdsOfLocked(tenantId).Select(WithCounters).ToList();
        });

    internal IReadOnlyList<EmulatedPresenceOption> PresenceOptionsOf(Guid tenantId)
        => Read(() =>
        {
            RequireTenantLocked(tenantId);
            return _presenceOptions.Where(option => option.TenantId == tenantId).ToList();
        });

    internal IReadOnlyList<EmulatedExtension> ExtensionsOf(Guid tenantId)
        => Read(() =>
        {
            RequireTenantLocked(tenantId);
            return _extensions.Values().Where(extension => extension.TenantId == tenantId).ToList();
        });

    internal EmulatedTextCount TextCountOf(Guid tenantId)
        => Read(() =>
        {
            RequireTenantLocked(tenantId);
            _textCounts.TryGet(tenantId, out var count);
            return count;
        });

    internal EmulatedCall RequireCall(string callId)
        => Read(() => WithDuration(RequireCallLocked(callId), _clock.GetUtcNow()));

    internal EmulatedAgentState RequireAgentState(Guid extensionId)
        => Read(() => _agentStates.TryGet(extensionId, out var state) ? state : throw ApiError.NotFound($"No extension has the id {extensionId}."));

    internal void UpdateProducts(Guid tenantId, IReadOnlyList<string> add, IReadOnlyList<string> remove)
        => Write(() =>
        {
            var tenant = RequireTenantLocked(tenantId);
            var unknown = add.Concat(remove).FirstOrDefault(id => !_products.Any(product => product.Id == id));
            if (unknown is not null)
            {
                throw ApiError.BadRequest($"'{unknown}' is not a product id; see GET /products/.");
            }

            var both = add.Intersect(remove, StringComparer.Ordinal).FirstOrDefault();
            if (both is not null)
            {
                throw ApiError.BadRequest($"Product '{both}' is both added and removed.");
            }

            var products = tenant.ProductIds.Union(add, StringComparer.Ordinal).Except(remove, StringComparer.Ordinal).ToList().AsReadOnly();
            _tenants.Replace(tenantId, tenant with { ProductIds = products });
        });

    internal void UpdateLimits(Guid tenantId, int? maxAgents, int? maxCalls, int? smsLimit)
        => Write(() =>
        {
            var tenant = RequireTenantLocked(tenantId);
            foreach (var (name, value) in new[] { ("max_agents", maxAgents), ("max_calls", maxCalls), ("sms_limit", smsLimit) })
            {
                if (value < 0)
                {
                    throw ApiError.BadRequest($"{name} must not be negative; it is {value}.");
                }
            }

            _tenants.Replace(tenantId, tenant with
            {
                MaxAgents = maxAgents ?? tenant.MaxAgents,
                MaxCalls = maxCalls ?? tenant.MaxCalls,
                SmsLimit = smsLimit ?? tenant.SmsLimit,
            });
        });

    internal void UpdateExtension(Guid tenantId, Guid extensionId, string? name, string? role)
        => Write(() =>
        {
            var tenant = RequireTenantLocked(tenantId);
            if (!_extensions.TryGet(extensionId, out var extension) || extension.TenantId != tenantId)
            {
                throw ApiError.NotFound($"Tenant {tenantId} has no extension {extensionId}.");
            }

            if (name is not null && string.IsNullOrWhiteSpace(name))
            {
                throw ApiError.BadRequest("name must not be blank.");
            }

            string? roleName = null;
            if (role is not null)
            {
                roleName = _roles
                    .Where(r => tenant.RoleIds.Contains(r.Id, StringComparer.Ordinal))
                    .FirstOrDefault(r => string.Equals(r.Id, role, StringComparison.OrdinalIgnoreCase) || r.Name == role)?.Name.ToString()
                    ?? throw ApiError.BadRequest($"'{role}' is not a role of tenant {tenantId}; see GET /tenants/{tenantId}/roles.");
            }

            _extensions.Replace(extensionId, extension with { Name = name ?? extension.Name, Role = roleName ?? extension.Role });
        });

    internal void ResetTextCount(Guid tenantId)
        => Write(() =>
        {
            RequireTenantLocked(tenantId);
            _textCounts.Replace(tenantId, new EmulatedTextCount { TenantId = tenantId, SmsCount = 0, MmsCount = 0, PeriodStart = _clock.GetUtcNow() });
        });

    internal void ControlCall(string callId, string action)
        => Write(() =>
        {
            var call = RequireCallLocked(callId);
            var now = _clock.GetUtcNow();
            var queuesBefore = AcdsOfLocked(call.TenantId).Select(WithCounters).ToList();
            var updated = CallControl.Apply(call, action, now, TransferTargetLocked(call.AcdId)) with { LastAction = action };
            _calls.Replace(call.Id, updated);
            if (updated.State != call.State)
            {
                _changes.Publish(new CallStateChange(WithDuration(call, now), WithDuration(updated, now)));
            }

            PublishQueueChangesLocked(queuesBefore);
        });

    /// <summary>Sets the presence state of an extension's agent to one of its tenant's presence options.</summary>
    internal void SetAgentState(Guid extensionId, string state, string? reason)
        => Write(() =>
        {
            if (!_extensions.TryGet(extensionId, out var extension) || !_agentStates.TryGet(extensionId, out var before))
            {
                throw ApiError.NotFound($"No extension has the id {extensionId}.");
            }

            var options = _presenceOptions.Where(o => o.TenantId == extension.TenantId).ToList();
            var option = options.FirstOrDefault(o => string.Equals(o.Name, state.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw ApiError.BadRequest($"'{state}' is not a presence option of the agent's tenant; use one of: {string.Join(", ", options.Select(o => o.Name))}.");
            var queuesBefore = AcdsOfLocked(extension.TenantId).Select(WithCounters).ToList();
            var after = before with { State = option.Name, AvailableForCalls = option.AvailableForCalls, Reason = reason, UpdatedAt = _clock.GetUtcNow() };
            _agentStates.Replace(extensionId, after);
            _changes.Publish(new AgentStateChange(before, after, extension.TenantId));
            PublishQueueChangesLocked(queuesBefore);
        });

    /// <summary>Runs <paramref name="action"/> under the state's lock, so that several changes (a traffic step) apply as one.</summary>
    internal void Batch(Action action) => Write(action);

    /// <summary>Adds a new call (the traffic generator's) and publishes it with no previous state.</summary>
    internal void AddCall(EmulatedCall call)
        => Write(() =>
        {
            var queuesBefore = AcdsOfLocked(call.TenantId).Select(WithCounters).ToList();
            _calls.Add(call.Id, call);
            _changes.Publish(new CallStateChange(null, WithDuration(call, _clock.GetUtcNow())));
            PublishQueueChangesLocked(queuesBefore);
        });

    /// <summary>Moves a call to <paramref name="state"/> (the traffic generator's lifecycle), publishing the call and queue changes.</summary>
    /// <returns>The call after the change.</returns>
    internal EmulatedCall MoveCall(string callId, CallState state, Guid? extensionId)
    {
        EmulatedCall? result = null;
        Write(() =>
        {
            var call = RequireCallLocked(callId);
            var now = _clock.GetUtcNow();
            var queuesBefore = AcdsOfLocked(call.TenantId).Select(WithCounters).ToList();
            var updated = call with { State = state, ExtensionId = extensionId, EndedAt = state == CallState.Completed ? now : null };
            _calls.Replace(call.Id, updated);
            if (updated.State != call.State)
            {
                _changes.Publish(new CallStateChange(WithDuration(call, now), WithDuration(updated, now)));
            }

            PublishQueueChangesLocked(queuesBefore);
            result = WithDuration(updated, now);
        });
        return result!;
    }

    /// <summary>Removes a call (old completed calls of the traffic generator); publishes nothing, as a record that expired.</summary>
    internal void RemoveCall(string callId) => Write(() => _calls.Remove(callId));

    /// <summary>Whether a call id is taken.</summary>
    internal bool HasCall(string callId) => Read(() => _calls.TryGet(callId, out _));

    private static EmulatedCall WithDuration(EmulatedCall call, DateTimeOffset now)
        => call with { Duration = (int)Math.Max(0, ((call.EndedAt ?? now) - call.StartedAt).TotalSeconds) };

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }

    private EmulatedTenant RequireTenantLocked(Guid tenantId)
        => _tenants.TryGet(tenantId, out var tenant) ? tenant : throw ApiError.NotFound($"No tenant has the id {tenantId}.");

    private EmulatedCall RequireCallLocked(string callId)
        => _calls.TryGet(callId, out var call) ? call : throw ApiError.NotFound($"No call has the id '{callId}'.");

    private IEnumerable<EmulatedAcd> AcdsOfLocked(Guid tenantId) => _acds.Where(acd => acd.TenantId == tenantId);

    private List<EmulatedExtension> AgentsOfLocked(string acdId)
        => _extensions.Values().Where(extension => extension.AcdIds.Contains(acdId, StringComparer.Ordinal)).ToList();

    private bool IsAvailableLocked(Guid extensionId)
        => _agentStates.TryGet(extensionId, out var state) && state.AvailableForCalls;

    private Guid? TransferTargetLocked(string acdId)
    {
        var agents = AgentsOfLocked(acdId);
        return (agents.FirstOrDefault(agent => IsAvailableLocked(agent.Id)) ?? agents.FirstOrDefault())?.Id;
    }

    private EmulatedAcd WithCounters(EmulatedAcd acd) => acd with
    {
        CurrentQueueLength = _calls.Unordered.Count(call => call.AcdId == acd.Id && call.State == CallState.Queued),
        AgentsAvailable = _extensions.Unordered.Count(agent => agent.AcdIds.Contains(acd.Id, StringComparer.Ordinal) && IsAvailableLocked(agent.Id)),
    };

    private void PublishQueueChangesLocked(List<EmulatedAcd> before)
    {
        foreach (var queue in before)
        {
            var after = WithCounters(queue);
            if (after != queue)
            {
                _changes.Publish(new QueueCountersChanged(queue, after));
            }
        }
    }
}

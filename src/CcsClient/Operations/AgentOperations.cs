using System;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>Agent presence (<c>/agent-state</c>, <c>/extensions/{extensionUuid}/agent-state</c>). Reach it through <see cref="CcsClient.Agents"/>.</summary>
public class AgentOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected AgentOperations()
    {
    }

    internal AgentOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Gets the current presence state of an agent extension (<c>getAgentState</c>).</summary>
    /// <param name="extensionId">The extension id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agent's state.</returns>
    /// <exception cref="ArgumentException"><paramref name="extensionId"/> is <see cref="Guid.Empty"/>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<AgentState> GetStateAsync(Guid extensionId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(
            CcsOperation.GetAgentState,
            Context.Paths.ExtensionAgentState.Bind(Argument.NotEmpty(extensionId, nameof(extensionId))),
            CcsJsonContext.Default.AgentState,
            cancellationToken);

    /// <summary>Sets the presence state of the agent the token belongs to (<c>updateAgentState</c>).</summary>
    /// <param name="state">The new presence state, for example <c>Available</c> or <c>On Break</c> (see <see cref="TenantOperations.ListPresenceOptionsAsync"/>).</param>
    /// <param name="reason">Why the state changes; optional.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has applied the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task SetStateAsync(string state, string? reason = null, CancellationToken cancellationToken = default)
    {
        var body = new AgentStateUpdate { State = Argument.NotBlank(state, nameof(state)), Reason = reason };
        return Context.Sender.SendAsync(CcsOperation.UpdateAgentState, Context.Paths.AgentState, body, CcsJsonContext.Default.AgentStateUpdate, cancellationToken);
    }
}

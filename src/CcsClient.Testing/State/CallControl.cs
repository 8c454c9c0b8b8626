using System;
using System.Collections.Immutable;
using Ccs.Models;

namespace Ccs.Testing;

/// <summary>What a call-control action does to a call; the semantics are documented on <see cref="EmulatorState"/>.</summary>
internal static class CallControl
{
    /// <summary>The actions of the contract's <c>CallControlRequest.action</c> enum.</summary>
    public static readonly ImmutableArray<string> Actions = ["startSuppression", "stopSuppression", "kill", "wait_transfer", "wait_redirect", "wait_kill"];

    /// <summary>Returns the call after <paramref name="action"/>, or throws the <see cref="ApiError"/> the server answers.</summary>
    /// <param name="call">The call as it is.</param>
    /// <param name="action">The action as sent (matched exactly, as the contract's enum is).</param>
    /// <param name="now">The current time.</param>
    /// <param name="transferTarget">The extension a <c>wait_transfer</c> connects the call to.</param>
    public static EmulatedCall Apply(EmulatedCall call, string action, DateTimeOffset now, Guid? transferTarget)
    {
        if (!Actions.Contains(action))
        {
            throw ApiError.BadRequest($"'{action}' is not a call-control action; use one of: {string.Join(", ", Actions)}.");
        }

        if (call.State == CallState.Completed)
        {
            throw ApiError.Conflict($"Call '{call.Id}' is completed; '{action}' needs an active call.");
        }

        var waiting = call.State == CallState.Alerting || call.State == CallState.Queued || call.State == CallState.Held;
        if (action.StartsWith("wait_", StringComparison.Ordinal) && !waiting)
        {
            throw ApiError.Conflict($"Call '{call.Id}' is {call.State}, not waiting (alerting, queued or held), so '{action}' has no wait to act on.");
        }

        return action switch
        {
            "startSuppression" => call with { Suppressed = true },
            "stopSuppression" => call with { Suppressed = false },
            "kill" or "wait_kill" => call with { State = CallState.Completed, EndedAt = now },
            "wait_transfer" => call with { State = CallState.Connected, ExtensionId = transferTarget ?? call.ExtensionId },
            "wait_redirect" => call with { State = CallState.Alerting, ExtensionId = null },
            _ => throw new InvalidOperationException($"Action '{action}' is listed but has no semantics."),
        };
    }
}

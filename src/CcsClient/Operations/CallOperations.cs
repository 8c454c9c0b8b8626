using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Http;
using Ccs.Models;
using Ccs.Serialization;

namespace Ccs;

/// <summary>Calls and call control (<c>/calls</c>). Reach it through <see cref="CcsClient.Calls"/>.</summary>
/// <remarks>
/// Call ids are opaque strings: any character is allowed and is percent-encoded into one path
/// segment, so an id can never address another route.
/// </remarks>
public class CallOperations : OperationGroup
{
    /// <summary>For mocking frameworks.</summary>
    protected CallOperations()
    {
    }

    internal CallOperations(CcsClientContext context)
        : base(context)
    {
    }

    /// <summary>Lists active and recent calls (<c>listCalls</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The calls.</returns>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Call>> ListAsync(CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.ListCalls, Context.Paths.Calls, CcsJsonContext.Default.IReadOnlyListCall, cancellationToken);

    /// <summary>Gets one call (<c>getCall</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsNotFoundException">No call has this id.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<Call> GetAsync(string callId, CancellationToken cancellationToken = default)
        => Context.Sender.SendAsync(CcsOperation.GetCall, Call(callId), CcsJsonContext.Default.Call, cancellationToken);

    /// <summary>Searches calls by calling or called number and date range (<c>searchCalls</c>).</summary>
    /// <param name="criteria">The criteria; those left null are not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching calls.</returns>
    /// <exception cref="ArgumentException"><paramref name="criteria"/> is null, or its <c>From</c> is after its <c>To</c>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task<IReadOnlyList<Call>> SearchAsync(CallSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        Argument.NotNull(criteria, nameof(criteria));
        if (criteria.From > criteria.To)
        {
            throw new ArgumentException($"The search range starts ({criteria.From:o}) after it ends ({criteria.To:o}).", nameof(criteria));
        }

        var request = Context.Api.Calls.Filter.ToGetRequestInformation(config =>
        {
            config.QueryParameters.CallingNumber = criteria.CallingNumber;
            config.QueryParameters.CalledNumber = criteria.CalledNumber;
            config.QueryParameters.FromDatetime = criteria.From;
            config.QueryParameters.ToDatetime = criteria.To;
            config.QueryParameters.TimeZ = criteria.TimeZone;
        });
        return Context.Sender.SendAsync(CcsOperation.SearchCalls, request.URI, CcsJsonContext.Default.IReadOnlyListCall, cancellationToken);
    }

    /// <summary>Executes a control action on an active call (<c>controlCall</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="action">The action, for example <see cref="CallAction.Kill"/>; actions this SDK does not list yet can be given as <c>new CallAction("…")</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is blank or <paramref name="action"/> is <c>default</c>.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task ControlAsync(string callId, CallAction action, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(action.ToString()))
        {
            throw new ArgumentException("A call-control action is required, for example CallAction.Kill.", nameof(action));
        }

        return Context.Sender.SendAsync(CcsOperation.ControlCall, Call(callId), new CallControlRequest { Action = action }, CcsJsonContext.Default.CallControlRequest, cancellationToken);
    }

    /// <summary>Ends a call at once (<c>controlCall</c> with action <c>kill</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task KillAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.Kill, cancellationToken);

    /// <summary>Starts suppression on a call (<c>controlCall</c> with action <c>startSuppression</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task StartSuppressionAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.StartSuppression, cancellationToken);

    /// <summary>Stops suppression on a call (<c>controlCall</c> with action <c>stopSuppression</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task StopSuppressionAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.StopSuppression, cancellationToken);

    /// <summary>Transfers a call when its current wait completes (<c>controlCall</c> with action <c>wait_transfer</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task WaitTransferAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.WaitTransfer, cancellationToken);

    /// <summary>Redirects a call when its current wait completes (<c>controlCall</c> with action <c>wait_redirect</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task WaitRedirectAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.WaitRedirect, cancellationToken);

    /// <summary>Ends a call when its current wait completes (<c>controlCall</c> with action <c>wait_kill</c>).</summary>
    /// <param name="callId">The call id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has executed the action.</returns>
    /// <exception cref="ArgumentException"><paramref name="callId"/> is null, empty or white space.</exception>
    /// <exception cref="CcsApiException">The call failed.</exception>
    public virtual Task WaitKillAsync(string callId, CancellationToken cancellationToken = default)
        => ControlAsync(callId, CallAction.WaitKill, cancellationToken);

    private Uri Call(string callId) => Context.Paths.Call.BindSegment(Argument.CallId(callId, nameof(callId)));
}

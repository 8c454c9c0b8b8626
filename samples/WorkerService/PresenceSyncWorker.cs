using Ccs.Events;
using Ccs.Models;
using Microsoft.Extensions.Options;

namespace Ccs.Samples.WorkerService;

/// <summary>
/// Watches call events and puts the agent back to <see cref="PresenceSyncOptions.StateAfterCall"/>
/// when a call completes; logs queue pressure; resynchronises over REST when the stream reports a gap.
/// Stops gracefully with the host: the stopping token ends the event loop, the container disposes the stream.
/// </summary>
public sealed partial class PresenceSyncWorker(
    CcsClient ccs,
    CcsEventStream events,
    IOptions<PresenceSyncOptions> options,
    ILogger<PresenceSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        events.StateChanged += (_, e) => LogConnection(logger, e.State, e.Reason);
        events.GapDetected += (_, e) => _ = ResynchronizeAsync(e, stoppingToken);

        await events.StartAsync(stoppingToken);
        try
        {
            await foreach (var e in events.ReadAllAsync(stoppingToken))
            {
                switch (e)
                {
                    case CallStateChanged { Call.State: var state } call when state == CallState.Completed:
                        LogCallCompleted(logger, call.Call.Id, call.PreviousState?.ToString());
                        await ccs.Agents.SetStateAsync(options.Value.StateAfterCall, "Call completed", stoppingToken);
                        break;
                    case QueueUpdated { Queue: { CurrentQueueLength: > 0 } queue }:
                        LogQueue(logger, queue.Name, queue.CurrentQueueLength, queue.AgentsAvailable);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (CcsApiException ex)
        {
            LogApiError(logger, ex.OperationId, ex.StatusCode, ex.RequestId, ex);
            throw;
        }
    }

    private async Task ResynchronizeAsync(CcsEventGapEventArgs gap, CancellationToken cancellationToken)
    {
        try
        {
            var calls = await ccs.Calls.ListAsync(cancellationToken);
            LogResync(logger, gap.Reason, calls.Count);
        }
        catch (CcsApiException ex)
        {
            LogApiError(logger, ex.OperationId, ex.StatusCode, ex.RequestId, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event stream {State} ({Reason})")]
    private static partial void LogConnection(ILogger logger, CcsConnectionState state, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} completed (was {PreviousState}); agent state restored")]
    private static partial void LogCallCompleted(ILogger logger, string? callId, string? previousState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue}: {Waiting} waiting, {Available} agent(s) available")]
    private static partial void LogQueue(ILogger logger, string? queue, int? waiting, int? available);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Missed events ({Reason}); resynchronised {Calls} call(s) over REST")]
    private static partial void LogResync(ILogger logger, string? reason, int calls);

    [LoggerMessage(Level = LogLevel.Error, Message = "CCS call {OperationId} failed with {Status} (request id {RequestId})")]
    private static partial void LogApiError(ILogger logger, string? operationId, System.Net.HttpStatusCode? status, string? requestId, Exception exception);
}

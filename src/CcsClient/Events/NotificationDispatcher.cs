using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Ccs.Events;

/// <summary>
/// Raises the stream's .NET events (state changes, gaps) in order on a task of their own, so that
/// subscriber code never runs on, or blocks, the socket's receive loop.
/// </summary>
internal sealed class NotificationDispatcher
{
    private readonly Channel<(string Name, Action Raise)> _queue = Channel.CreateUnbounded<(string, Action)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _loop;

    public NotificationDispatcher(ILogger logger)
    {
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public void Post(string name, Action raise) => _queue.Writer.TryWrite((name, raise));

    /// <summary>Stops taking notifications; those queued are still raised.</summary>
    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                try
                {
                    item.Raise();
                }
#pragma warning disable CA1031 // A subscriber's failure is reported and must not stop the notifications that follow.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    EventStreamLog.NotificationFailed(_logger, item.Name, ex);
                }
            }
        }
    }
}

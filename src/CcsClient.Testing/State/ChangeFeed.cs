using System;
using System.Collections.Generic;
using System.Threading.Channels;

namespace Ccs.Testing;

/// <summary>
/// The one notification point of the emulator's state: every change is published here, in the order
/// the state applied it, to each subscriber's own unbounded channel (publishing never blocks the state).
/// </summary>
internal sealed class ChangeFeed
{
    private readonly object _gate = new();
    private readonly List<Channel<EmulatorChange>> _subscribers = [];
    private bool _completed;

    /// <summary>Starts receiving changes published from now on. Dispose the subscription to stop.</summary>
    public ChangeSubscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<EmulatorChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return new ChangeSubscription(channel.Reader, () => Unsubscribe(channel));
    }

    /// <summary>Publishes a change to every subscriber. Called by the state while it holds its lock, so order is kept.</summary>
    public void Publish(EmulatorChange change)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                // Unbounded channels accept every write until completed.
                subscriber.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Ends every subscription (the emulator stops).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private void Unsubscribe(Channel<EmulatorChange> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}

/// <summary>A subscription to the <see cref="ChangeFeed"/>: read changes from <see cref="Reader"/>.</summary>
internal sealed class ChangeSubscription : IDisposable
{
    private readonly Action _unsubscribe;

    public ChangeSubscription(ChannelReader<EmulatorChange> reader, Action unsubscribe)
    {
        Reader = reader;
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<EmulatorChange> Reader { get; }

    public void Dispose() => _unsubscribe();
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Events;

/// <summary>The handlers registered with <see cref="CcsEventStream.On{TEvent}"/>; copy-on-write, so dispatch never locks.</summary>
internal sealed class EventHandlerRegistry
{
    private readonly object _gate = new();
    private Registration[] _handlers = Array.Empty<Registration>();

    public IDisposable Add<TEvent>(Func<TEvent, CancellationToken, ValueTask> handler)
        where TEvent : CcsEvent
    {
        var registration = new Registration(this, typeof(TEvent), (e, ct) => handler((TEvent)e, ct));
        lock (_gate)
        {
            var next = new Registration[_handlers.Length + 1];
            _handlers.CopyTo(next, 0);
            next[next.Length - 1] = registration;
            _handlers = next;
        }

        return registration;
    }

    /// <summary>The handlers now registered, in registration order.</summary>
    public Registration[] Snapshot() => Volatile.Read(ref _handlers);

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            _handlers = Array.FindAll(_handlers, r => !ReferenceEquals(r, registration));
        }
    }

    internal sealed class Registration : IDisposable
    {
        private readonly EventHandlerRegistry _owner;
        private readonly Type _eventType;

        public Registration(EventHandlerRegistry owner, Type eventType, Func<CcsEvent, CancellationToken, ValueTask> invoke)
        {
            _owner = owner;
            _eventType = eventType;
            Invoke = invoke;
        }

        public Func<CcsEvent, CancellationToken, ValueTask> Invoke { get; }

        public bool Accepts(CcsEvent e) => _eventType.IsInstanceOfType(e);

        public void Dispose() => _owner.Remove(this);
    }
}

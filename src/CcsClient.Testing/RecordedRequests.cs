using System.Collections;
using System.Collections.Generic;

namespace Ccs.Testing;

/// <summary>
/// The requests an emulator received, oldest first. Thread-safe: indexing, counting and enumerating
/// read a consistent snapshot. Reach it through <see cref="CcsEmulator.Requests"/>.
/// </summary>
public sealed class RecordedRequests : IReadOnlyList<RecordedRequest>
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    internal RecordedRequests()
    {
    }

    /// <summary>The number of requests recorded.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Gets a recorded request.</summary>
    /// <param name="index">The position, 0 for the oldest.</param>
    /// <returns>The request.</returns>
    public RecordedRequest this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _requests[index];
            }
        }
    }

    /// <summary>Forgets every recorded request, for example between the arrange and act steps of a test.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Enumerates a snapshot of the requests recorded so far.</summary>
    /// <returns>An enumerator over the snapshot.</returns>
    public IEnumerator<RecordedRequest> GetEnumerator()
    {
        RecordedRequest[] snapshot;
        lock (_gate)
        {
            snapshot = [.. _requests];
        }

        return ((IEnumerable<RecordedRequest>)snapshot).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}

using System.Runtime.InteropServices;

namespace Ccs.Benchmarks.Events;

/// <summary>
/// Pins every thread of this process to one CPU (Linux: sched_setaffinity per thread in /proc/self/task;
/// threads created later inherit it from their creator), so a multi-threaded pipeline is measured on one
/// core. Elsewhere it does nothing and says so.
/// </summary>
public sealed partial class OneCore : IDisposable
{
    private readonly Dictionary<int, ulong> _previous = new();

    private OneCore()
    {
    }

    /// <summary>Whether the pinning took effect.</summary>
    public bool Pinned { get; private set; }

    public static OneCore Pin()
    {
        var pin = new OneCore();
        if (!OperatingSystem.IsLinux())
        {
            return pin;
        }

        ulong own = 0;
        if (sched_getaffinity(0, sizeof(ulong), ref own) != 0 || own == 0)
        {
            return pin;
        }

        var one = own & (~own + 1);
        foreach (var dir in Directory.GetDirectories("/proc/self/task"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var tid))
            {
                continue;
            }

            ulong mask = 0;
            if (sched_getaffinity(tid, sizeof(ulong), ref mask) == 0 && sched_setaffinity(tid, sizeof(ulong), ref one) == 0)
            {
                pin._previous[tid] = mask;
            }
        }

        pin.Pinned = pin._previous.Count > 0;
        return pin;
    }

    public void Dispose()
    {
        foreach (var (tid, mask) in _previous)
        {
            var m = mask;
            _ = sched_setaffinity(tid, sizeof(ulong), ref m);
        }

        // Threads created while pinned inherited one CPU: give every current thread the widest mask seen.
        var widest = _previous.Values.Aggregate(0UL, (a, b) => a | b);
        if (widest != 0 && Directory.Exists("/proc/self/task"))
        {
            foreach (var dir in Directory.GetDirectories("/proc/self/task"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var tid))
                {
                    _ = sched_setaffinity(tid, sizeof(ulong), ref widest);
                }
            }
        }

        _previous.Clear();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint cpusetsize, ref ulong mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nint cpusetsize, ref ulong mask);
}

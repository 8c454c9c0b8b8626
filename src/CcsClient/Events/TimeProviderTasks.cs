using System;
using System.Threading;
using System.Threading.Tasks;

namespace Ccs.Events;

/// <summary>Delays and timeouts on a <see cref="TimeProvider"/>, the same on every target.</summary>
internal static class TimeProviderTasks
{
    public static Task Delay(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
        => Task.Delay(delay, time, cancellationToken);
#else
        => time.Delay(delay, cancellationToken);
#endif

    public static CancellationTokenSource CancelAfter(TimeProvider time, TimeSpan delay)
#if NET8_0_OR_GREATER
        => new(delay, time);
#else
        => time.CreateCancellationTokenSource(delay);
#endif
}

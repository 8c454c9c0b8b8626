using System.Diagnostics;
using System.Globalization;
using Ccs.Events;

namespace Ccs.Benchmarks.EndToEnd;

/// <summary>What the loopback runs measured.</summary>
public sealed record EndToEndResult(long SaturationEvents, double SaturationSeconds, int Rate, long RateEvents, double RateSeconds, double P50Us, double P99Us, double MaxUs)
{
    public double EventsPerSecond => SaturationEvents / SaturationSeconds;

    public double AchievedRate => RateEvents / RateSeconds;
}

/// <summary>
/// End to end over a loopback WebSocket: <see cref="BroadcastServer"/> → <see cref="CcsEventStream"/> →
/// a typed handler, in one process. Saturation: the server sends as fast as the socket takes; events/s is
/// counted from the start of sending to the last event handled. Fixed rate: events at <c>rate</c>/s, each
/// stamped with its send time (<c>ts</c>); the handler records handler time − ts.
/// </summary>
public static class EndToEndRun
{
    public static async Task<EndToEndResult> RunAsync(long events, int rate, TextWriter log)
    {
        await using var server = await BroadcastServer.StartAsync();
        var rateEvents = Math.Max(1, Math.Min(events, rate * 10L));

        // Warm-up: JIT and connection paths, not measured.
        await MeasureAsync(server, Math.Min(events, 100_000), null, null);
        var saturation = await MeasureAsync(server, events, null, null);
        log.WriteLine($"e2e saturation: {events:N0} events in {saturation.TotalSeconds:F2} s");

        var latencies = new long[rateEvents];
        var paced = await MeasureAsync(server, rateEvents, rate, latencies);
        Array.Sort(latencies);
        double Percentile(double p) => TimeSpan.FromTicks(latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)]).TotalMicroseconds;
        log.WriteLine($"e2e fixed rate: {rateEvents:N0} events at {rate:N0}/s in {paced.TotalSeconds:F2} s");
        return new EndToEndResult(events, saturation.TotalSeconds, rate, rateEvents, paced.TotalSeconds, Percentile(0.50), Percentile(0.99), TimeSpan.FromTicks(latencies[^1]).TotalMicroseconds);
    }

    public static string ToMarkdown(EndToEndResult r) => string.Join('\n',
        "| Run | Events | Time (s) | Events/s | p50 latency (µs) | p99 latency (µs) | max latency (µs) |",
        "|---|---:|---:|---:|---:|---:|---:|",
        $"| saturation | {r.SaturationEvents:N0} | {r.SaturationSeconds:F2} | {r.EventsPerSecond:N0} | | | |",
        $"| fixed rate {r.Rate:N0}/s | {r.RateEvents:N0} | {r.RateSeconds:F2} | {r.AchievedRate:N0} | {r.P50Us:N1} | {r.P99Us:N1} | {r.MaxUs:N1} |");

    private static async Task<TimeSpan> MeasureAsync(BroadcastServer server, long count, int? rate, long[]? latencies)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var options = new CcsEventStreamOptions { Endpoint = server.Endpoint };
        await using var stream = new CcsEventStream(options, _ => new ValueTask<string>(BroadcastServer.Token));
        long handled = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = stream.On<CcsEvent>((e, _) =>
        {
            if (latencies is not null)
            {
                latencies[handled] = (DateTimeOffset.UtcNow - e.Timestamp).Ticks;
            }

            if (++handled == count)
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });

        var subscriber = server.WaitForSubscriberAsync(timeout.Token);
        await stream.StartAsync(timeout.Token);
        var connection = await subscriber;
        var clock = Stopwatch.StartNew();
        var sending = server.BroadcastAsync(connection, count, rate, timeout.Token);
        await done.Task.WaitAsync(timeout.Token);
        var elapsed = clock.Elapsed;
        await sending;
        if (stream.MalformedMessages != 0 || stream.DuplicateEvents != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"e2e: {stream.MalformedMessages} malformed, {stream.DuplicateEvents} duplicate events"));
        }

        return elapsed;
    }
}

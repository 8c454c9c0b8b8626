using System.Diagnostics;
using System.Text;

namespace Ccs.Benchmarks.Events;

/// <summary>A managed-memory reading after a full, compacting collection.</summary>
public sealed record MemoryReading(long Events, double Seconds, long TotalMemory, long HeapSize, long Committed, long Fragmented, int Gen0, int Gen1, int Gen2);

public sealed record SoakResult(IReadOnlyList<MemoryReading> Readings, double EventsPerSecond)
{
    public MemoryReading Start => Readings[0];

    public MemoryReading End => Readings[^1];

    /// <summary>Growth of GC.GetTotalMemory(true) from start to end.</summary>
    public long Growth => End.TotalMemory - Start.TotalMemory;
}

/// <summary>
/// Streams many events through the subscriber's pipeline (decode, de-duplication, channel, dispatch; fed
/// in process) and reads managed memory at the start, every tenth of the way and at the end.
/// </summary>
public static class SoakRun
{
    private const int Batch = 100_000;

    public static async Task<SoakResult> RunAsync(long events, TextWriter log)
    {
        await using var pipeline = new EventPipeline();

        // Fill the de-duplication window and JIT everything before the first reading.
        await pipeline.RunAsync(Math.Max(20_000, (int)Math.Min(events / 100, Batch)));
        var clock = Stopwatch.StartNew();
        var readings = new List<MemoryReading> { Read(0, clock) };
        var step = Math.Max(1, events / 10);
        long fed = 0;
        while (fed < events)
        {
            var n = (int)Math.Min(Batch, events - fed);
            await pipeline.RunAsync(n);
            fed += n;
            if (fed % step < n || fed == events)
            {
                readings.Add(Read(fed, clock));
                log.WriteLine($"soak: {fed:N0} events, {readings[^1].TotalMemory:N0} B managed");
                clock.Restart();
            }
        }

        var cumulative = Cumulate(readings);
        return new SoakResult(cumulative, events / Math.Max(cumulative[^1].Seconds, 1e-9));
    }

    public static string ToMarkdown(SoakResult r)
    {
        var s = new StringBuilder();
        s.AppendLine("| Events | GC.GetTotalMemory(true) (B) | GCMemoryInfo heap size (B) | committed (B) | fragmented (B) | gen0/gen1/gen2 collections |");
        s.AppendLine("|---:|---:|---:|---:|---:|---|");
        foreach (var m in r.Readings)
        {
            s.AppendLine($"| {m.Events:N0} | {m.TotalMemory:N0} | {m.HeapSize:N0} | {m.Committed:N0} | {m.Fragmented:N0} | {m.Gen0:N0}/{m.Gen1:N0}/{m.Gen2:N0} |");
        }

        s.Append($"\nGrowth of GC.GetTotalMemory(true) from the start to the end: {r.Growth:N0} B; {r.EventsPerSecond:N0} events/s (feeding time only, readings excluded).");
        return s.ToString();
    }

    // Cumulative busy time: each reading's Seconds adds the feeding time since the previous one.
    private static List<MemoryReading> Cumulate(List<MemoryReading> readings)
    {
        double total = 0;
        var result = new List<MemoryReading>(readings.Count);
        foreach (var m in readings)
        {
            total += m.Seconds;
            result.Add(m with { Seconds = total });
        }

        return result;
    }

    private static MemoryReading Read(long events, Stopwatch sinceLast)
    {
        var seconds = sinceLast.Elapsed.TotalSeconds;
        var total = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return new MemoryReading(events, seconds, total, info.HeapSizeBytes, info.TotalCommittedBytes, info.FragmentedBytes, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}

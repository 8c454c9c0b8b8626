using System.Globalization;
using BenchmarkDotNet.Jobs;

namespace Ccs.Benchmarks;

/// <summary>The command line: this program's own options; everything else goes to BenchmarkDotNet.</summary>
public sealed class BenchOptions
{
    /// <summary>
    /// The timing job of the full run: one launch, 5 warm-up and 15 measured iterations (between
    /// BenchmarkDotNet's ShortRun, 3+3, and MediumRun, 2 launches of 10+15), so the whole suite stays well
    /// under 15 minutes on 2 cores.
    /// </summary>
    public static readonly Job TimingJob = Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Bench");

    public string[] Arguments { get; private init; } = [];

    public string[] BenchmarkArgs { get; private set; } = [];

    public bool Dry { get; private set; }

    public bool EndToEnd { get; private set; }

    public bool Soak { get; private set; }

    public long Events { get; private set; } = 1_000_000;

    public int Rate { get; private set; } = 10_000;

    public long SoakEvents { get; private set; } = 10_000_000;

    public string? DocsPath { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { Arguments = args };
        var rest = new List<string>();
        var all = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--all": all = true; break;
                case "--dry": options.Dry = true; break;
                case "--e2e": options.EndToEnd = true; break;
                case "--soak": options.Soak = true; break;
                case "--events": options.Events = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--rate": options.Rate = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--soak-events": options.SoakEvents = long.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--docs": options.DocsPath = Value(); break;
                default: rest.Add(args[i]); break;
            }
        }

        if (all)
        {
            options.EndToEnd = options.Soak = true;
            if (!rest.Contains("--filter"))
            {
                rest.AddRange(["--filter", "*"]);
            }
        }

        options.BenchmarkArgs = [.. rest];
        return options;
    }
}

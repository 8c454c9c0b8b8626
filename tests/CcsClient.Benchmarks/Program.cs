using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ccs.Benchmarks;
using Ccs.Benchmarks.EndToEnd;
using Ccs.Benchmarks.Events;

// Everything, in one run (BenchmarkDotNet with MemoryDiagnoser and ratios to each class's baseline, then
// the loopback end-to-end run and the 10 M-event soak), writing docs/benchmarks.md:
//   scripts/run-benchmarks.sh        (= dotnet run -c Release --project tests/CcsClient.Benchmarks -- --all --docs docs/benchmarks.md)
// Parts:   -- --filter '*Event*'    BenchmarkDotNet only (any BenchmarkDotNet option works)
//          -- --e2e [--events N] [--rate N]      loopback WebSocket: events/s at saturation, p50/p99 latency at a fixed rate
//          -- --soak [--soak-events N]           managed memory over N events through decode+dispatch
// CI smoke run (every benchmark once, in process; tiny counts; no timing): -- --all --dry --events 2000 --soak-events 20000
var options = BenchOptions.Parse(args);
var total = Stopwatch.StartNew();
var summaries = new List<Summary>();
if (options.BenchmarkArgs.Length > 0 || args.Length == 0)
{
    var job = options.Dry
        ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Dry")
        : BenchOptions.TimingJob;
    var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job);
    summaries.AddRange(BenchmarkSwitcher.FromAssembly(typeof(RestBenchmarks).Assembly).Run(options.BenchmarkArgs, config));
    if (summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
    {
        Console.Error.WriteLine("A benchmark failed or none ran.");
        return 1;
    }
}

EndToEndResult? e2e = null;
if (options.EndToEnd)
{
    e2e = await EndToEndRun.RunAsync(options.Events, options.Rate, Console.Out);
    Console.WriteLine();
    Console.WriteLine(EndToEndRun.ToMarkdown(e2e));
    Console.WriteLine();
}

SoakResult? soak = null;
if (options.Soak)
{
    soak = await SoakRun.RunAsync(options.SoakEvents, Console.Out);
    Console.WriteLine();
    Console.WriteLine(SoakRun.ToMarkdown(soak));
    Console.WriteLine();
}

if (options.DocsPath is { } docs)
{
    var markdown = BenchmarkDocs.Write(options, summaries, e2e, soak, total.Elapsed);
    File.WriteAllText(docs, markdown);
    Console.WriteLine($"Wrote {docs}.");
}

Console.WriteLine($"Total time: {total.Elapsed:mm\\:ss}.");
return 0;

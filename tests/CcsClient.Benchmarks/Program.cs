using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CcsClient.Benchmarks -- --filter '*'
// CI smoke run (every benchmark once, in process): add --job Dry --inProcess
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

#!/usr/bin/env bash
# Runs the whole benchmark suite in one run and regenerates docs/benchmarks.md from its results:
# BenchmarkDotNet (REST and events, MemoryDiagnoser, ratios to each class's baseline), the loopback
# end-to-end run (--e2e) and the 10 M-event soak (--soak). About 6 minutes on 2 cores (15 max).
# Extra arguments go to the benchmark program (for example --events 500000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p docs
dotnet run -c Release --project tests/CcsClient.Benchmarks -- --all --docs docs/benchmarks.md "$@"
